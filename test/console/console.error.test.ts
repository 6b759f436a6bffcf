import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the staff console on $name: mistakes and stale pages", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });

  it("says which field is wrong at sign-in, keeping the email typed", async () => {
    const res = await t.app.request("/staff/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=ng%40example.jp&password=" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="ng@example.jp"');
    expect(html).toMatch(/id="password-error">入力してください。/);
    const wrong = await t.app.request("/staff/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=ng%40example.jp&password=wrong" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("メールアドレスまたはパスワードが違います。");
  });

  it("shows a wrong meeting URL next to the field and keeps what was typed", async () => {
    const b = await makeRequest(store, t.config);
    const res = await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "http://meet.example.jp/<x>", accessCode: "1234" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="meetingUrl-error">https:// で始まるURLを入力してください。');
    expect(html).toContain('value="http://meet.example.jp/&lt;x&gt;"');
    expect(html).toContain('value="1234"');
    const empty = await (await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "", accessCode: "" })).text();
    expect(empty).toContain("ミーティングURLを入力してください。");
    expect((await store.db.select().from(bookings).where(eq(bookings.id, b.id)))[0]!.status).toBe("requested");
  });

  it("asks for a reason before declining or cancelling", async () => {
    const b = await makeRequest(store, t.config);
    const res = await s.post(`/staff/bookings/${b.id}/reject`, { reason: "other", detail: "" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("理由を選ぶか入力してください。");
    expect((await s.post(`/staff/bookings/${b.id}/cancel`, { detail: "  " })).status).toBe(400);
  });

  it("refuses a change drawn from a stale page with a message, not a silent overwrite", async () => {
    const b = await makeRequest(store, t.config);
    const page = await (await s.get(`/staff/bookings/${b.id}`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    t.clock.advance(60_000);
    // Meanwhile a colleague confirms it.
    expect((await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/a", version })).status).toBe(303);
    const res = await s.post(`/staff/bookings/${b.id}/cancel`, { detail: "重複のため", version });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("ほかの職員が変更しました");
    expect((await store.db.select().from(bookings).where(eq(bookings.id, b.id)))[0]!.status).toBe("confirmed");
  });

  it("says when an action does not apply, such as a no-show before the session", async () => {
    const b = await makeRequest(store, t.config);
    await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/a" });
    const res = await s.post(`/staff/bookings/${b.id}/no-show`, {});
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("この予約の今の状態では、その操作はできません。");
  });

  it("answers a page for unknown bookings and routes, and ignores filter values that make no sense", async () => {
    expect((await s.get("/staff/bookings/not-a-uuid")).status).toBe(404);
    expect((await s.get("/staff/bookings/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await s.get("/staff/no-such-page")).status).toBe(404);
    const res = await s.get("/staff?from=2026-02-30&status=nonsense");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("この値は使えないため、条件から外しました。");
  });
});
