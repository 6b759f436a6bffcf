import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, like } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, findOffice } from "../../src/config.ts";
import { createLineClient } from "../../src/line/client.ts";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import { createMailer } from "../../src/notify/mail/transport.ts";
import { createOutboxWorkers, type OutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { detailsOf, holdSlot, requestBooking, type Booking } from "../../src/store/bookings.ts";
import { conversationHistory } from "../../src/store/conversations.ts";
import { outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, loginAs, makeRequest, mondayTwoPm } from "../helpers/staff.ts";
import { storeKinds, type TestStore } from "../helpers/stores.ts";
import { lineUserId, startFakeLinePlatform, type FakeLine } from "../fakes/line-platform/index.ts";

const MEETING = "https://meet.example.jp/r/join-abc";
const JOIN_SUBJECT_JA = "【ハローワーク長崎】まもなく相談が始まります 11月30日(月) 14:00～";

type Pushed = { type: string; altText?: string; contents?: { footer?: { contents: { action: { type: string; uri: string } }[] } } };

const toOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

describe.each(storeKinds)("the join reminder on $name", (kind) => {
  let store: TestStore;
  let mails: ParsedMail[];
  let smtp: SMTPServer;
  let smtpPort: number;
  let fake: FakeLine;
  let mailDir: string;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let workers: OutboxWorkers;
  let token: string;

  beforeAll(async () => {
    store = await kind.open();
    mails = [];
    // A real SMTP server on loopback; every mail it takes is parsed and kept.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    fake = await startFakeLinePlatform();
    mailDir = await mkdtemp(join(tmpdir(), "soudan-join-"));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await fake?.close();
    await store?.close();
    await rm(mailDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await store.reset();
    mails.length = 0;
    fake.reset();
    t = await buildTestApp(store, {
      now: new Date("2026-11-24T10:00:00+09:00"),
      env: { LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken, LINE_API_BASE_URL: fake.baseUrl, PUBLIC_BASE_URL: "https://soudan.example.jp" },
    });
    const line = createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl, timeoutMs: 2_000 });
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: "相談予約ボット <no-reply@soudan.example.jp>", mailDir, timeoutMs: 2_000 });
    workers = createOutboxWorkers({
      db: store.db,
      clock: t.clock,
      handlers: createJobHandlers({ db: store.db, config: t.config, channels: parseStaffChannels({}), mailer, line, clock: t.clock }),
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      random: () => 1,
      batchSize: 50,
    });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    token = await loginAs(t.app, "ng@example.jp");
  });

  async function drain(): Promise<void> {
    for (let i = 0; i < 10; i++) if ((await workers.runOnce()) === 0) return;
    throw new Error("the outbox did not settle");
  }

  async function confirm(b: Booking): Promise<void> {
    const res = await call(t.app, token, "POST", `/api/staff/bookings/${b.id}/confirm`, { meetingUrl: MEETING, accessCode: "123 456" });
    expect(res.status).toBe(200);
  }

  /** Everything sent up to `at`, with the clock moved there; the earlier notices are cleared first. */
  async function sentAt(at: string, userId?: string) {
    mails.length = 0;
    const before = userId ? fake.delivered(userId).length : 0;
    t.clock.set(new Date(at));
    await drain();
    return { mails: [...mails], pushed: (userId ? fake.delivered(userId).slice(before) : []) as Pushed[] };
  }

  const joinMails = (list: ParsedMail[]) => list.filter((m) => /まもなく相談が始まります|starts soon/.test(m.subject ?? ""));

  it("sends the meeting URL ten minutes before the start, to LINE as a button, to the web chat and by mail, once", async () => {
    const userId = lineUserId("join-line-seeker");
    const onLine = await makeRequest(store, t.config, { channel: "line", userKey: userId, email: "line@example.jp" });
    const onWeb = await makeRequest(store, t.config, { locale: "en", email: "web@example.jp" });
    await confirm(onLine);
    await confirm(onWeb);
    await drain();

    // The minute before: the day-before reminder has gone, the join reminder has not.
    const early = await sentAt("2026-11-30T13:49:59+09:00", userId);
    expect(joinMails(early.mails)).toHaveLength(0);
    expect(early.mails.map((m) => m.subject)).toContain("【ハローワーク長崎】オンライン職業相談のお知らせ 11月30日(月) 14:00～");
    const webBefore = (await conversationHistory(store.db, onWeb.conversationId!)).length;

    const due = await sentAt("2026-11-30T13:50:00+09:00", userId);
    expect(due.mails.map((m) => [toOf(m), m.subject]).sort()).toEqual([
      ["line@example.jp", JOIN_SUBJECT_JA],
      ["web@example.jp", "[Hello Work Nagasaki] Your online job counselling starts soon, Mon 30 Nov, 14:00"],
    ]);
    const ja = due.mails.find((m) => toOf(m) === "line@example.jp")!;
    expect(ja.text).toContain(MEETING);
    expect(ja.text).toContain("123 456");
    expect(ja.text).toContain("095-862-8643");
    expect(ja.text).toContain(onLine.reference);

    const flex = due.pushed.find((m) => m.type === "flex");
    expect(flex, JSON.stringify(due.pushed)).toBeDefined();
    expect(flex!.contents!.footer!.contents[0]!.action).toMatchObject({ type: "uri", uri: MEETING });
    expect(JSON.stringify(due.pushed)).toContain("まもなくご予約の相談が");

    const web = await conversationHistory(store.db, onWeb.conversationId!);
    expect(web).toHaveLength(webBefore + 1);
    expect(web.at(-1)).toMatchObject({ author: "bot", message: { text: expect.stringContaining("starts soon"), booking: { meetingUrl: MEETING } } });

    const later = await sentAt("2026-11-30T13:58:00+09:00", userId);
    expect(later.mails).toHaveLength(0);
    expect(later.pushed).toHaveLength(0);
    expect(await conversationHistory(store.db, onWeb.conversationId!)).toHaveLength(webBefore + 1);
    // One notice per booking, each fanned out once: mail for both, LINE for one, the web chat for the other.
    const notices = await store.db.select().from(outbox).where(and(eq(outbox.kind, "seeker.notice"), like(outbox.idempotencyKey, "seeker:join:%")));
    expect(notices.map((j) => j.status)).toEqual(["done", "done"]);
    const sends = await store.db.select().from(outbox).where(and(like(outbox.idempotencyKey, "seeker:join:%"), eq(outbox.status, "done")));
    expect(sends).toHaveLength(6);
  });

  it("says nothing at the join time for a session cancelled meanwhile", async () => {
    const userId = lineUserId("join-cancelled");
    const b = await makeRequest(store, t.config, { channel: "line", userKey: userId });
    await confirm(b);
    await drain();
    expect((await call(t.app, token, "POST", `/api/staff/bookings/${b.id}/cancel`, { reason: "担当者の急病のため" })).status).toBe(200);
    await drain();
    const historyBefore = (await conversationHistory(store.db, b.conversationId!)).length;

    const due = await sentAt("2026-11-30T13:50:00+09:00", userId);
    expect(joinMails(due.mails)).toHaveLength(0);
    expect(due.pushed).toHaveLength(0);
    expect(await conversationHistory(store.db, b.conversationId!)).toHaveLength(historyBefore);
  });

  it("reminds a rescheduled session at its new start, not at the old one", async () => {
    const old = await makeRequest(store, t.config);
    await confirm(old);
    await drain();
    // The seeker moves it to Tuesday 1 December 11:00, as the change flow does; staff confirm the new one.
    const office = findOffice(t.config, "nagasaki")!;
    const now = new Date("2026-11-25T09:00:00+09:00");
    t.clock.set(now);
    const limits = { activeLimit: 1, noShowLimit: 2, noShowWindowDays: 180 };
    const actor = `seeker:web:${old.conversationId}`;
    const held = await holdSlot(store.db, {
      office,
      startsAt: new Date("2026-12-01T11:00:00+09:00"),
      conversationId: old.conversationId!,
      channel: "web",
      locale: "ja",
      replacing: old.id,
      now,
      holdMinutes: 10,
      limits,
      actor,
    });
    if (!held.ok) throw new Error(held.refusal.reason);
    const moved = await requestBooking(store.db, { holdId: held.booking.id, office, details: detailsOf(old), replacing: old.id, now, limits, actor, holdMinutes: 10 });
    if (!moved.ok) throw new Error(moved.refusal.reason);
    await drain();
    const fresh = await loginAs(t.app, "ng@example.jp");
    expect((await call(t.app, fresh, "POST", `/api/staff/bookings/${moved.booking.id}/confirm`, { meetingUrl: MEETING })).status).toBe(200);
    await drain();

    const atOldTime = await sentAt("2026-11-30T13:50:00+09:00");
    expect(joinMails(atOldTime.mails)).toHaveLength(0);
    const before = await sentAt("2026-12-01T10:49:00+09:00");
    expect(joinMails(before.mails)).toHaveLength(0);
    const due = await sentAt("2026-12-01T10:50:00+09:00");
    expect(joinMails(due.mails).map((m) => m.subject)).toEqual(["【ハローワーク長崎】まもなく相談が始まります 12月1日(火) 11:00～"]);
    const web = await conversationHistory(store.db, old.conversationId!);
    expect(web.filter((m) => JSON.stringify(m).includes("まもなくご予約の相談が"))).toHaveLength(1);
  });

  it("goes out JOIN_REMINDER_MINUTES before the start when that is set", async () => {
    const line = createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl, timeoutMs: 2_000 });
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: "no-reply@soudan.example.jp", mailDir, timeoutMs: 2_000 });
    workers = createOutboxWorkers({
      db: store.db,
      clock: t.clock,
      handlers: createJobHandlers({ db: store.db, config: t.config, channels: parseStaffChannels({ JOIN_REMINDER_MINUTES: "30" }), mailer, line, clock: t.clock }),
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      random: () => 1,
      batchSize: 50,
    });
    const b = await makeRequest(store, t.config, { startsAt: mondayTwoPm });
    await confirm(b);
    await drain();
    expect(joinMails((await sentAt("2026-11-30T13:29:00+09:00")).mails)).toHaveLength(0);
    expect(joinMails((await sentAt("2026-11-30T13:30:00+09:00")).mails)).toHaveLength(1);
  });
});

describe("JOIN_REMINDER_MINUTES", () => {
  it("is 10 unless set, and refuses what is not whole minutes from 1 to 120", () => {
    expect(parseStaffChannels({}).joinReminderMinutes).toBe(10);
    expect(parseStaffChannels({ JOIN_REMINDER_MINUTES: " 5 " }).joinReminderMinutes).toBe(5);
    for (const bad of ["0", "121", "ten", "7.5", "-3"]) {
      expect(() => parseStaffChannels({ JOIN_REMINDER_MINUTES: bad }), bad).toThrow(ConfigError);
    }
  });
});
