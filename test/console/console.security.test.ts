import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the staff console on $name: who may do what", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "young@example.jp", officeId: "young-nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  it("sends a visitor without a session to sign-in, and back to the page afterwards", async () => {
    for (const path of ["/staff", "/staff/bookings?status=confirmed", "/staff/export.csv"]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent(path)}`);
    }
    const b = await makeRequest(store, t.config);
    const post = await t.app.request(`/staff/bookings/${b.id}/confirm`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "meetingUrl=https%3A%2F%2Fx.example.jp" });
    expect(post.status).toBe(303);
    expect((await store.db.select().from(bookings).where(eq(bookings.id, b.id)))[0]!.status).toBe("requested");
  });

  it("returns to the page asked for after sign-in, and never to another site", async () => {
    const sign = (next: string) =>
      t.app.request("/staff/login", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "ng@example.jp", password: "correct horse battery staple", next }).toString(),
      });
    expect((await sign("/staff/bookings?status=confirmed")).headers.get("location")).toBe("/staff/bookings?status=confirmed");
    for (const evil of ["https://evil.example/staff", "//evil.example/staff", "/staff\\..\\evil", "javascript:alert(1)"]) {
      expect((await sign(evil)).headers.get("location")).toBe("/staff");
    }
  });

  it("says an expired session expired, and signs in again", async () => {
    t.clock.advance(13 * 3_600_000);
    const res = await ng.get("/staff/bookings");
    expect(res.headers.get("location")).toBe("/staff/login?next=%2Fstaff%2Fbookings&reason=expired");
    expect(await (await t.app.request(res.headers.get("location")!)).text()).toContain("一定時間操作がなかったため");
  });

  it("keeps each office to its own bookings; an admin sees every office", async () => {
    const young = await makeRequest(store, t.config, { officeId: "young-nagasaki", startsAt: new Date("2026-11-30T15:00:00+09:00") });
    expect(await (await ng.get("/staff")).text()).not.toContain(young.reference);
    expect((await ng.get(`/staff/bookings/${young.id}`)).status).toBe(403);
    const confirm = await ng.post(`/staff/bookings/${young.id}/confirm`, { meetingUrl: "https://meet.example.jp/x" });
    expect(confirm.status).toBe(403);
    expect((await ng.get("/staff?office=young-nagasaki")).status).toBe(400);
    expect(await (await ng.get("/staff/export.csv?office=young-nagasaki")).text()).not.toContain(young.reference);
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    expect(await (await admin.get("/staff")).text()).toContain(young.reference);
    expect((await admin.get(`/staff/bookings/${young.id}`)).status).toBe(200);
  });

  it("refuses a form without the session's CSRF token, or from another origin", async () => {
    const b = await makeRequest(store, t.config);
    expect((await ng.post(`/staff/bookings/${b.id}/cancel`, { detail: "x" }, { csrf: null })).status).toBe(403);
    expect((await ng.post(`/staff/bookings/${b.id}/cancel`, { detail: "x" }, { csrf: "forged-token-forged-token-forged-token-1234" })).status).toBe(403);
    expect((await ng.post(`/staff/bookings/${b.id}/cancel`, { detail: "x" }, { origin: "https://evil.example" })).status).toBe(403);
    // A real browser under a no-referrer policy sends Origin: null; the token alone then carries it.
    expect((await ng.post(`/staff/bookings/${b.id}/cancel`, { detail: "x" }, { origin: "null" })).status).toBe(303);
    const other = await consoleSignIn(t.app, "admin@example.jp");
    expect((await ng.post(`/staff/bookings/${b.id}/attended`, {}, { csrf: other.csrf })).status).toBe(403);
  });

  it("shows a seeker's name and topic as text, never as markup", async () => {
    const b = await makeRequest(store, t.config);
    await store.db.update(bookings).set({ name: `<img src=x onerror="alert(1)">`, topic: "<script>alert(2)</script>" }).where(eq(bookings.id, b.id));
    for (const path of ["/staff", `/staff/bookings/${b.id}`]) {
      const html = await (await ng.get(path)).text();
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<script>alert");
      expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    }
  });

  it("sends a strict Content-Security-Policy, no framing, no caching and a strict session cookie", async () => {
    const res = await ng.get("/staff");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    const login = await t.app.request("/staff/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=ng%40example.jp&password=correct+horse+battery+staple",
    });
    const cookie = login.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/staff/);
  });

  it("marks the session cookie Secure when the console is served over https", async () => {
    const secure = await buildTestApp(store, { now: tuesdayTen, env: { PUBLIC_BASE_URL: "https://bot.example.jp" } });
    const login = await secure.app.request("/staff/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=ng%40example.jp&password=correct+horse+battery+staple",
    });
    expect(login.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("ends the session on sign-out: the old cookie no longer opens a page", async () => {
    expect((await ng.post("/staff/logout", {})).headers.get("location")).toBe("/staff/login?reason=signed_out");
    expect((await ng.get("/staff")).status).toBe(303);
  });
});
