// The booking page beyond confirm/decline: changing the counsellor, changing the meeting of a confirmed
// session (an updated invitation), cancelling one (a calendar CANCEL), staff notes and the history.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cancelBySeeker } from "../../src/store/bookings.ts";
import { bookings } from "../../src/store/schema.ts";
import { conversationHistory } from "../../src/store/conversations.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { calendarOf, recipientOf, startDelivery, type Delivery } from "../helpers/delivery.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";

describe.each(storeKinds)("the booking page on $name: changes, notes and history", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  let d: Delivery;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    d = await startDelivery(store, t);
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });
  afterEach(async () => {
    await d.close();
  });

  const row = async (id: string) => (await store.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  const versionOf = async (id: string) => /name="version" value="(\d+)"/.exec(await (await s.get(`/staff/bookings/${id}`)).text())![1]!;

  async function confirmed(options: Parameters<typeof makeRequest>[2] = {}) {
    const b = await makeRequest(store, t.config, options);
    expect((await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/first", accessCode: "111" })).status).toBe(303);
    await d.drain();
    return b;
  }

  it("changes the counsellor of a request, and refuses one who already has a session then", async () => {
    const a = await makeRequest(store, t.config);
    const b = await makeRequest(store, t.config);
    expect(a.counsellorId).not.toBe(b.counsellorId);
    const res = await s.post(`/staff/bookings/${a.id}/counsellor`, { counsellorId: "nagasaki-2", version: await versionOf(a.id) });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("その相談員は、この時間にほかの相談が入っています。");
    expect((await row(a.id)).counsellorId).toBe(a.counsellorId);

    await s.post(`/staff/bookings/${b.id}/cancel`, { detail: "重複のため" });
    const ok = await s.post(`/staff/bookings/${a.id}/counsellor`, { counsellorId: "nagasaki-2", version: await versionOf(a.id) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/staff/bookings/${a.id}?done=counsellor_changed`);
    expect((await row(a.id)).counsellorId).toBe("nagasaki-2");
  });

  it("sends an updated invitation with the same UID and a higher SEQUENCE when the meeting URL of a confirmed session changes", async () => {
    const b = await confirmed();
    const first = d.mails.find((m) => m.subject?.includes("オンライン職業相談のご案内"))!;
    const firstIcs = calendarOf(first, "invite.ics")!;
    expect(firstIcs).toContain("SEQUENCE:0");
    d.mails.length = 0;

    const res = await s.post(`/staff/bookings/${b.id}/meeting`, { meetingUrl: "https://meet.example.jp/second", accessCode: "222", version: await versionOf(b.id) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/bookings/${b.id}?done=meeting_changed`);
    await d.drain();

    expect(d.mails).toHaveLength(1);
    const [updated] = d.mails;
    expect(recipientOf(updated!)).toBe("taro@example.jp");
    expect(updated!.subject).toBe("【ハローワーク長崎】参加用のURLが変わりました 11月30日(月) 14:00～");
    expect(updated!.text).toContain("https://meet.example.jp/second");
    expect(updated!.text).toContain("222");
    expect(updated!.text).not.toContain("https://meet.example.jp/first");
    const ics = calendarOf(updated!, "invite.ics")!;
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:${b.reference}@soudan-yoyaku`);
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain("LOCATION:https://meet.example.jp/second");

    // The web chat shows the new details too.
    const history = await conversationHistory(store.db, b.conversationId!);
    expect(history.at(-1)).toMatchObject({ author: "bot", message: { text: expect.stringContaining("参加用のURLまたは"), booking: { meetingUrl: "https://meet.example.jp/second" } } });

    // A second change goes out again, one higher.
    d.mails.length = 0;
    await s.post(`/staff/bookings/${b.id}/meeting`, { meetingUrl: "https://meet.example.jp/third", accessCode: "", version: await versionOf(b.id) });
    await d.drain();
    expect(calendarOf(d.mails[0]!, "invite.ics")).toContain("SEQUENCE:2");
    expect((await row(b.id)).accessCode).toBeNull();
  });

  it("pushes the new details to a LINE seeker", async () => {
    const userId = lineUserId("changed-meeting");
    const b = await confirmed({ channel: "line", userKey: userId });
    d.line.reset();
    await s.post(`/staff/bookings/${b.id}/meeting`, { meetingUrl: "https://meet.example.jp/line-new", accessCode: "", version: await versionOf(b.id) });
    await d.drain();
    const pushed = d.line.delivered(userId) as { type: string; contents?: { footer?: { contents: { action: { uri: string } }[] } } }[];
    const flex = pushed.find((m) => m.type === "flex");
    expect(flex!.contents!.footer!.contents[0]!.action.uri).toBe("https://meet.example.jp/line-new");
  });

  it("sends a calendar CANCEL with the same UID and a higher SEQUENCE when staff cancel a confirmed session", async () => {
    const b = await confirmed();
    d.mails.length = 0;
    expect((await s.post(`/staff/bookings/${b.id}/cancel`, { detail: "相談員の急病のため", version: await versionOf(b.id) })).status).toBe(303);
    await d.drain();
    expect(d.mails).toHaveLength(1);
    expect(d.mails[0]!.subject).toBe("【ハローワーク長崎】オンライン職業相談の取り消し");
    const ics = calendarOf(d.mails[0]!, "cancel.ics")!;
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain(`UID:${b.reference}@soudan-yoyaku`);
    expect(ics).toContain("SEQUENCE:1");
    expect(d.mails[0]!.attachments.find((a) => a.filename === "cancel.ics")!.contentType).toBe("text/calendar");
  });

  it("sends a calendar CANCEL when the seeker cancels a confirmed session, and none for a request never confirmed", async () => {
    const b = await confirmed();
    const request = await makeRequest(store, t.config);
    await d.drain();
    d.mails.length = 0;
    for (const id of [b.id, request.id]) expect((await cancelBySeeker(store.db, { bookingId: id, now: t.clock(), actor: "seeker:web:x" })).ok).toBe(true);
    await d.drain();
    const toSeeker = d.mails.filter((m) => recipientOf(m) === "taro@example.jp");
    expect(toSeeker).toHaveLength(2);
    const withCancel = toSeeker.filter((m) => calendarOf(m, "cancel.ics"));
    expect(withCancel).toHaveLength(1);
    expect(calendarOf(withCancel[0]!, "cancel.ics")).toContain(`UID:${b.reference}@soudan-yoyaku`);
    expect(calendarOf(withCancel[0]!, "cancel.ics")).toContain("SEQUENCE:1");
  });

  it("keeps staff notes on the booking page and never sends them to the seeker", async () => {
    const b = await makeRequest(store, t.config);
    const res = await s.post(`/staff/bookings/${b.id}/notes`, { note: "電話で本人確認済み。\n通訳は不要とのこと。" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/bookings/${b.id}?done=note_added`);
    const html = await (await s.get(`/staff/bookings/${b.id}`)).text();
    expect(html).toContain("電話で本人確認済み。\n通訳は不要とのこと。");
    expect(html).toContain("ng@example.jp");
    await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/n" });
    await d.drain();
    expect(d.mails.length).toBeGreaterThan(0);
    for (const mail of d.mails) expect(mail.text).not.toContain("本人確認済み");
    const chat = JSON.stringify(await conversationHistory(store.db, b.conversationId!));
    expect(chat).not.toContain("本人確認済み");
  });

  it("shows the booking's history from the audit log, with staff named by their address", async () => {
    const b = await makeRequest(store, t.config);
    t.clock.advance(5 * 60_000);
    await s.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/h" });
    await s.post(`/staff/bookings/${b.id}/counsellor`, { counsellorId: "nagasaki-2" });
    const html = await (await s.get(`/staff/bookings/${b.id}`)).text();
    const history = html.slice(html.indexOf('id="history-heading"'));
    expect(history).toContain("申込み");
    expect(history).toContain("求職者（チャット）");
    expect(history).toContain("確定・招待を送信（確認待ち → 確定）");
    expect(history).toContain("11月24日(火) 10:05");
    expect(history).toContain("ng@example.jp");
    expect(history).toMatch(/相談員を変更（[^）]+ → [^）]+）/);
    expect(history).not.toMatch(/staff:[0-9a-f-]{36}/);
  });
});
