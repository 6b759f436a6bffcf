import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookingNotes, bookings, outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the booking page on $name: wrong changes", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });

  const row = async (id: string) => (await store.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  const versionOf = async (id: string) => /name="version" value="(\d+)"/.exec(await (await s.get(`/staff/bookings/${id}`)).text())![1]!;

  it("shows a wrong new meeting URL next to its field, keeping what was typed, and sends nothing", async () => {
    const b = await makeRequest(store, t.config);
    await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/ok" });
    const res = await s.post(`/staff/bookings/${b.id}/meeting`, { meetingUrl: "javascript:alert(1)", accessCode: "9".repeat(101) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="newMeetingUrl-error">https:// で始まるURLを入力してください。');
    expect(html).toContain('value="javascript:alert(1)"');
    expect(html).toContain('id="newAccessCode-error">100文字以内で入力してください。');
    expect((await row(b.id)).meetingUrl).toBe("https://meet.example.jp/ok");
    expect(await store.db.select().from(outbox).where(eq(outbox.kind, "seeker.notice"))).not.toContainEqual(expect.objectContaining({ idempotencyKey: expect.stringContaining("meeting_changed") }));
  });

  it("refuses to change the meeting of a request that is not confirmed yet", async () => {
    const b = await makeRequest(store, t.config);
    const res = await s.post(`/staff/bookings/${b.id}/meeting`, { meetingUrl: "https://meet.example.jp/x" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("この予約の今の状態では、その操作はできません。");
  });

  it("refuses a counsellor of another office, next to the field", async () => {
    const b = await makeRequest(store, t.config);
    const res = await s.post(`/staff/bookings/${b.id}/counsellor`, { counsellorId: "young-1" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id="newCounsellorId-error">この事業所の相談員を選んでください。');
    expect((await row(b.id)).counsellorId).toBe(b.counsellorId);
  });

  it("refuses a counsellor change drawn from a stale page", async () => {
    const b = await makeRequest(store, t.config);
    const version = await versionOf(b.id);
    t.clock.advance(60_000);
    await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/a" });
    const res = await s.post(`/staff/bookings/${b.id}/counsellor`, { counsellorId: "nagasaki-2", version });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("ほかの職員が変更しました");
  });

  it("asks for the note's text and keeps a note that is too long", async () => {
    const b = await makeRequest(store, t.config);
    const empty = await s.post(`/staff/bookings/${b.id}/notes`, { note: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('id="note-error">メモを入力してください。');
    const long = "長".repeat(2001);
    const res = await s.post(`/staff/bookings/${b.id}/notes`, { note: long });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("2000文字以内で入力してください。");
    expect(html).toContain(long);
    expect(await store.db.select().from(bookingNotes)).toHaveLength(0);
  });

  it("answers a page for a malformed or unknown booking id with 404, not 500", async () => {
    for (const id of ["nope", "00000000-0000-0000-0000-000000000000"]) {
      expect((await s.post(`/staff/bookings/${id}/notes`, { note: "x" })).status).toBe(404);
      expect((await s.post(`/staff/bookings/${id}/meeting`, { meetingUrl: "https://meet.example.jp/x" })).status).toBe(404);
    }
  });
});
