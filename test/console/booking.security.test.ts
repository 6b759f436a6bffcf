import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingNotes, bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the booking page on $name: who may change it", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "young@example.jp", officeId: "young-nagasaki" });
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  const row = async (id: string) => (await store.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;

  it("sends a visitor without a session to sign-in and changes nothing", async () => {
    const b = await makeRequest(store, t.config);
    for (const [path, body] of [
      ["counsellor", "counsellorId=nagasaki-2"],
      ["notes", "note=x"],
      ["meeting", "meetingUrl=https%3A%2F%2Fx.example.jp"],
    ] as const) {
      const res = await t.app.request(`/staff/bookings/${b.id}/${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/staff\/login/);
    }
    expect((await row(b.id)).counsellorId).toBe(b.counsellorId);
    expect(await store.db.select().from(bookingNotes)).toHaveLength(0);
  });

  it("keeps another office's staff out of a booking's changes and notes", async () => {
    const b = await makeRequest(store, t.config);
    await ng.post(`/staff/bookings/${b.id}/notes`, { note: "長崎の職員だけのメモ" });
    const young = await consoleSignIn(t.app, "young@example.jp");
    expect((await young.get(`/staff/bookings/${b.id}`)).status).toBe(403);
    expect((await young.post(`/staff/bookings/${b.id}/counsellor`, { counsellorId: "nagasaki-2" })).status).toBe(403);
    expect((await young.post(`/staff/bookings/${b.id}/notes`, { note: "x" })).status).toBe(403);
    expect((await young.post(`/staff/bookings/${b.id}/meeting`, { meetingUrl: "https://evil.example.jp/x" })).status).toBe(403);
    expect((await row(b.id)).counsellorId).toBe(b.counsellorId);
    expect(await store.db.select().from(bookingNotes)).toHaveLength(1);
  });

  it("refuses a change without the session's CSRF token", async () => {
    const b = await makeRequest(store, t.config);
    expect((await ng.post(`/staff/bookings/${b.id}/counsellor`, { counsellorId: "nagasaki-2" }, { csrf: null })).status).toBe(403);
    expect((await ng.post(`/staff/bookings/${b.id}/notes`, { note: "x" }, { csrf: null })).status).toBe(403);
    expect((await ng.post(`/staff/bookings/${b.id}/notes`, { note: "x" }, { origin: "https://evil.example" })).status).toBe(403);
    expect(await store.db.select().from(bookingNotes)).toHaveLength(0);
  });

  it("shows a note's markup as text", async () => {
    const b = await makeRequest(store, t.config);
    await ng.post(`/staff/bookings/${b.id}/notes`, { note: `<img src=x onerror="alert(1)">` });
    const html = await (await ng.get(`/staff/bookings/${b.id}`)).text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});
