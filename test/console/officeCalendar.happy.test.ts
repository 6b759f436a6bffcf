import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import type { Mailer } from "../../src/notify/mail/transport.ts";
import { createOutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { conversationHistory } from "../../src/store/conversations.ts";
import { absences, auditLog, bookings, closures, counsellors, outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { pageText, tableRows } from "./html.ts";

type Sent = Parameters<Mailer["send"]>[0];

describe.each(storeKinds)("the office calendar on $name: what works", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  const mails: Sent[] = [];
  beforeEach(async () => {
    mails.length = 0;
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });

  /** Runs the outbox as the server would, with a mailer that keeps what it sends. */
  async function drainOutbox(): Promise<void> {
    const mailer: Mailer = { send: async (m) => (mails.push(m), { messageId: "x" }), close: () => {} };
    const workers = createOutboxWorkers({
      db: store.db,
      clock: t.clock,
      handlers: createJobHandlers({ db: store.db, config: t.config, channels: parseStaffChannels({}), mailer, clock: t.clock }),
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      random: () => 1,
      batchSize: 50,
    });
    for (let i = 0; i < 10; i++) if ((await workers.runOnce()) === 0) return;
    throw new Error("the outbox did not settle");
  }

  it("closes a typhoon day in two steps: shows the bookings it affects, then cancels them and tells each seeker with other times", async () => {
    const ja = await makeRequest(store, t.config);
    const en = await makeRequest(store, t.config, { locale: "en", email: "anna@example.jp" });
    const other = await makeRequest(store, t.config, { officeId: "young-nagasaki" });
    const form = { office: "nagasaki", date: "2026-11-30", reason: "台風接近のため" };

    const preview = await s.post("/staff/office-calendar/closures/preview", form);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(pageText(html)).toContain("ハローワーク長崎の11月30日(月)を休業日にします。");
    const rows = tableRows(html, "影響を受ける予約");
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([ja.reference, en.reference].sort());
    expect(rows[1]).toEqual([expect.any(String), "11月30日(月) 14:00～14:30", expect.stringMatching(/相談員[AB]/), "確認待ち"]);
    expect(html).toContain("休業日にして2人にお知らせする");
    // Nothing happens before the confirmation.
    expect(await store.db.select().from(closures)).toEqual([]);

    const res = await s.post("/staff/office-calendar/closures", form);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/office-calendar?office=nagasaki&done=closed&told=2");
    expect(pageText(await (await s.get(res.headers.get("location")!)).text())).toContain("休業日を追加しました。2人の求職者にお知らせします。");

    const rowsAfter = await store.db.select().from(bookings);
    expect(rowsAfter.find((b) => b.id === ja.id)).toMatchObject({ status: "cancelled", statusReason: "台風接近のため" });
    expect(rowsAfter.find((b) => b.id === en.id)).toMatchObject({ status: "cancelled" });
    expect(rowsAfter.find((b) => b.id === other.id)).toMatchObject({ status: "requested" });
    const audits = await store.db.select().from(auditLog).where(eq(auditLog.action, "closure_cancel"));
    expect(audits.map((a) => a.entityId).sort()).toEqual([ja.id, en.id].sort());
    const keys = (await store.db.select({ key: outbox.idempotencyKey }).from(outbox)).map((j) => j.key);
    expect(keys).toEqual(expect.arrayContaining([`seeker:closure:${ja.id}`, `seeker:closure:${en.id}`]));

    await drainOutbox();
    const jaMail = mails.find((m) => m.to === "taro@example.jp" && m.subject.includes("臨時休業"))!;
    expect(jaMail.subject).toBe("【ハローワーク長崎】臨時休業のため予約を取り消しました");
    expect(jaMail.text).toContain("台風接近のため");
    expect(jaMail.text).toContain("■空いている日時の例");
    expect(jaMail.text).not.toContain("11月30日(月) 10:00");
    expect(mails.find((m) => m.to === "anna@example.jp")!.subject).toBe("[Hello Work Nagasaki] The office is closed: your booking is cancelled");

    // The seeker's web chat says so, offers free times (never the closed day) and a button to book again.
    const history = await conversationHistory(store.db, ja.conversationId!);
    const last = history[history.length - 1] as unknown as { message: { text: string; choices: { label: string }[] } };
    expect(last.message.text).toContain("臨時休業となったため、");
    expect(last.message.text).toContain("理由: 台風接近のため");
    expect(last.message.text).toContain("空いている日時の例です。");
    expect(last.message.text).not.toContain("11月30日(月)");
    expect(last.message.choices.map((c) => c.label)).toEqual(["別の日時で予約する"]);
  });

  it("lists the closure from then on and removes it, with an audit row each way", async () => {
    await s.post("/staff/office-calendar/closures", { office: "nagasaki", date: "2026-12-01", reason: "停電" });
    const [closure] = await store.db.select().from(closures);
    const html = await (await s.get("/staff/office-calendar")).text();
    expect(tableRows(html, "臨時休業")[1]).toEqual(["12月1日(火)", "ハローワーク長崎", "停電", "取り消す"]);
    expect(html).toContain('aria-label="12月1日(火)の休業を取り消す"');
    const res = await s.post(`/staff/office-calendar/closures/${closure!.id}/remove`, { office: "nagasaki" });
    expect(res.headers.get("location")).toBe("/staff/office-calendar?office=nagasaki&done=closureRemoved");
    expect(await store.db.select().from(closures)).toEqual([]);
    const actions = (await store.db.select().from(auditLog).where(eq(auditLog.entityId, closure!.id))).map((a) => a.action).sort();
    expect(actions).toEqual(["add_closure", "remove_closure"]);
  });

  it("adds a counsellor's absence for part of a day, shows the booking it overlaps, and removes it", async () => {
    const b = await makeRequest(store, t.config);
    const res = await s.post("/staff/office-calendar/absences", { office: "nagasaki", counsellorId: b.counsellorId, date: "2026-11-30", from: "13:00", to: "15:00" });
    expect(res.status).toBe(303);
    const html = await (await s.get(res.headers.get("location")!)).text();
    expect(pageText(html)).toContain("不在を登録しました。");
    const row = tableRows(html, "相談員の不在")[1]!;
    expect(row.slice(0, 4)).toEqual(["11月30日(月)", b.counsellorId === "nagasaki-1" ? "相談員A" : "相談員B", "13:00～15:00", `${b.reference} 14:00`]);
    // The absence also shows in the calendar's grid.
    expect(await (await s.get("/staff/calendar?date=2026-11-30")).text()).toContain("不在");

    const whole = await s.post("/staff/office-calendar/absences", { office: "nagasaki", counsellorId: "nagasaki-2", date: "2026-12-02", from: "", to: "" });
    expect(whole.status).toBe(303);
    const [wholeDay] = await store.db.select().from(absences).where(and(eq(absences.counsellorId, "nagasaki-2"), eq(absences.date, "2026-12-02")));
    expect(wholeDay).toMatchObject({ fromTime: null, toTime: null });
    expect((await s.post(`/staff/office-calendar/absences/${wholeDay!.id}/remove`, { office: "nagasaki" })).status).toBe(303);
    expect(await store.db.select().from(absences)).toHaveLength(1);
  });

  it("makes a counsellor available now for an hour, then ends it", async () => {
    const res = await s.post("/staff/office-calendar/available-now", { counsellorId: "nagasaki-1", minutes: "60" });
    expect(res.headers.get("location")).toBe("/staff/office-calendar?office=nagasaki&done=available");
    const [row] = await store.db.select().from(counsellors).where(eq(counsellors.id, "nagasaki-1"));
    expect(row!.availableNowUntil).toEqual(new Date("2026-11-24T11:00:00+09:00"));
    const html = await (await s.get("/staff/office-calendar")).text();
    expect(tableRows(html, "すぐの相談")[1]!.slice(0, 2)).toEqual(["相談員A", "11:00まで受付中"]);
    await s.post("/staff/office-calendar/available-now", { counsellorId: "nagasaki-1", minutes: "0" });
    expect((await store.db.select().from(counsellors).where(eq(counsellors.id, "nagasaki-1")))[0]!.availableNowUntil).toBeNull();
    expect((await store.db.select().from(auditLog).where(eq(auditLog.action, "set_available_now"))).length).toBe(2);
  });

  it("lets an admin close every office at once", async () => {
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    const young = await makeRequest(store, t.config, { officeId: "young-nagasaki" });
    const preview = await (await admin.post("/staff/office-calendar/closures/preview", { office: "all", date: "2026-11-30", reason: "台風" })).text();
    expect(pageText(preview)).toContain("すべての事業所の11月30日(月)を休業日にします。");
    expect(preview).toContain(young.reference);
    const res = await admin.post("/staff/office-calendar/closures", { office: "all", date: "2026-11-30", reason: "台風" });
    expect(res.headers.get("location")).toContain("told=1");
    expect(await store.db.select().from(closures)).toEqual([expect.objectContaining({ officeId: null, date: "2026-11-30" })]);
  });
});
