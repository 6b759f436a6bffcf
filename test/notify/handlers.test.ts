import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, like } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLineClient } from "../../src/line/client.ts";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import { createMailer, type Mailer } from "../../src/notify/mail/transport.ts";
import { createOutboxWorkers, type OutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { verifyStaffWebhookSignature } from "../../src/notify/webhook/sign.ts";
import { conversationHistory } from "../../src/store/conversations.ts";
import { outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, loginAs, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, type TestStore } from "../helpers/stores.ts";
import { lineGroupId, lineUserId, startFakeLinePlatform, type FakeLine } from "../fakes/line-platform/index.ts";

const FROM = "相談予約ボット <no-reply@soudan.example.jp>";
const WEBHOOK_SECRET = "webhook-secret-for-tests";
const STAFF_GROUP = lineGroupId("nagasaki-staff");

interface Smtp {
  server: SMTPServer;
  port: number;
}

/** A real SMTP server on loopback; every mail it takes is parsed and kept. */
async function startSmtp(mails: ParsedMail[], port = 0): Promise<Smtp> {
  const server = new SMTPServer({
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
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return { server, port: (server.server.address() as AddressInfo).port };
}

const stopSmtp = (smtp: Smtp) => new Promise<void>((resolve) => smtp.server.close(() => resolve()));

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

const toOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

describe.each(storeKinds)("delivering notices on $name", (kind) => {
  let store: TestStore;
  let mails: ParsedMail[];
  let smtp: Smtp;
  let fake: FakeLine;
  let hooks: { body: string; signed: boolean; key: string | undefined }[];
  let hookServer: Server;
  let hookUrl: string;
  let mailDir: string;
  let mailer: Mailer;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let workers: OutboxWorkers;
  let token: string;

  beforeAll(async () => {
    store = await kind.open();
    mails = [];
    smtp = await startSmtp(mails);
    fake = await startFakeLinePlatform();
    hooks = [];
    hookServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const signed = verifyStaffWebhookSignature(body, req.headers["x-soudan-signature"] as string | undefined, WEBHOOK_SECRET);
        hooks.push({ body, signed, key: req.headers["idempotency-key"] as string | undefined });
        res.writeHead(signed ? 204 : 401).end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, "127.0.0.1", () => resolve()));
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks`;
    mailDir = await mkdtemp(join(tmpdir(), "soudan-mail-"));
  });
  afterAll(async () => {
    await stopSmtp(smtp);
    await fake?.close();
    hookServer?.closeAllConnections();
    await new Promise<void>((resolve) => hookServer.close(() => resolve()));
    await store?.close();
    await rm(mailDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await store.reset();
    mails.length = 0;
    hooks.length = 0;
    fake.reset();
    t = await buildTestApp(store, {
      now: tuesdayTen,
      env: { LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken, LINE_API_BASE_URL: fake.baseUrl, PUBLIC_BASE_URL: "https://soudan.example.jp" },
    });
    const channels = parseStaffChannels({
      STAFF_MAIL_TO: "nagasaki=staff-ng@example.jp,young-nagasaki=staff-yn@example.jp",
      LINE_STAFF_TO: `nagasaki=${STAFF_GROUP}`,
      STAFF_WEBHOOK_URL: hookUrl,
      STAFF_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, mailDir, timeoutMs: 2_000 });
    const line = createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl, timeoutMs: 2_000 });
    workers = createOutboxWorkers({
      db: store.db,
      clock: t.clock,
      handlers: createJobHandlers({ db: store.db, config: t.config, channels, mailer, line, clock: t.clock }),
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      random: () => 1,
      batchSize: 50,
    });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    token = await loginAs(t.app, "ng@example.jp");
  });

  /** Runs due jobs until none is left (fan-outs make more). */
  async function drain(): Promise<void> {
    for (let i = 0; i < 10; i++) if ((await workers.runOnce()) === 0) return;
    throw new Error("the outbox did not settle");
  }

  it("tells the office's staff of a new request by mail, LINE and a signed webhook, without personal details, once", async () => {
    const booking = await makeRequest(store, t.config);
    await drain();
    await drain();

    const staffMails = mails.filter((m) => toOf(m) === "staff-ng@example.jp");
    expect(staffMails).toHaveLength(1);
    const [notice] = staffMails;
    expect(notice!.subject).toContain("新しい申し込み");
    expect(notice!.subject).toContain(booking.reference);
    expect(notice!.text).toContain("11月30日(月) 14:00～14:30");
    expect(notice!.text).toContain(`https://soudan.example.jp/staff/bookings/${booking.id}`);
    expect(notice!.text).not.toMatch(/長崎 太郎|taro@example\.jp|090-1234-5678|事務職/);

    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.signed).toBe(true);
    expect(JSON.parse(hooks[0]!.body)).toMatchObject({ event: "requested", office: "nagasaki", bookingId: booking.id, reference: booking.reference, startsAt: "2026-11-30T05:00:00.000Z" });
    expect(hooks[0]!.body).not.toContain("taro@example.jp");

    const pushed = fake.delivered(STAFF_GROUP) as { type: string; text: string }[];
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.text).toContain(booking.reference);
    expect(pushed[0]!.text).not.toContain("長崎 太郎");

    const ack = mails.filter((m) => toOf(m) === "taro@example.jp");
    expect(ack).toHaveLength(1);
    expect(ack[0]!.subject).toBe("【ハローワーク長崎】お申し込みを受け付けました");

    const states = await store.db.select({ status: outbox.status }).from(outbox);
    expect(states.every((s) => s.status === "done")).toBe(true);
  });

  it("sends the invitation with a calendar file when staff confirm, a Flex card to a LINE seeker, and schedules the reminder", async () => {
    const userId = lineUserId("invited-seeker");
    const booking = await makeRequest(store, t.config, { channel: "line", userKey: userId });
    await drain();
    mails.length = 0;
    const res = await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc", accessCode: "123 456" });
    expect(res.status).toBe(200);
    await drain();

    expect(mails).toHaveLength(1);
    const [invitation] = mails;
    expect(toOf(invitation!)).toBe("taro@example.jp");
    expect(invitation!.subject).toBe("【ハローワーク長崎】オンライン職業相談のご案内 11月30日(月) 14:00～");
    expect(invitation!.text).toContain("https://meet.example.jp/r/abc");
    expect(invitation!.text).toContain("10分");
    const ics = invitation!.attachments.find((a) => a.filename === "invite.ics");
    expect(ics).toBeDefined();
    const calendar = unfold(ics!.content.toString("utf8"));
    expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
    expect(calendar).toContain("METHOD:REQUEST");
    // 14:00 in Asia/Tokyo is 05:00 UTC.
    expect(calendar).toContain("DTSTART:20261130T050000Z");
    expect(calendar).toContain("DTEND:20261130T053000Z");
    expect(calendar).toContain(`UID:${booking.reference}@soudan-yoyaku`);

    const toSeeker = fake.delivered(userId) as { type: string; contents?: { footer?: { contents: { action: { uri: string } }[] } } }[];
    const flex = toSeeker.find((m) => m.type === "flex");
    expect(flex!.contents!.footer!.contents[0]!.action.uri).toBe("https://meet.example.jp/r/abc");
    const history = await conversationHistory(store.db, booking.conversationId!);
    expect(history.at(-1)).toMatchObject({ author: "bot", message: { booking: { meetingUrl: "https://meet.example.jp/r/abc" } } });

    const [reminder] = await store.db.select().from(outbox).where(eq(outbox.idempotencyKey, `seeker:reminder:${booking.id}`));
    // The business day before Monday 30 November is Friday 27 November.
    expect(reminder!.runAt).toEqual(new Date("2026-11-27T10:00:00+09:00"));
  });

  it("posts the invitation into the web chat, where the history shows it", async () => {
    const booking = await makeRequest(store, t.config, { locale: "en" });
    await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/web" });
    await drain();
    const history = await conversationHistory(store.db, booking.conversationId!);
    expect(history.at(-1)).toMatchObject({ author: "bot", message: { text: expect.stringContaining("confirmed"), booking: { meetingUrl: "https://meet.example.jp/r/web" } } });
    // The card says what the bot says when the seeker asks about their bookings: one list of status words.
    expect(history.at(-1)).toMatchObject({ message: { booking: { statusCode: "confirmed", status: "Confirmed (invitation sent)" } } });
    const invitation = mails.find((m) => m.subject?.startsWith("[Hello Work Nagasaki] Your online job counselling"));
    expect(invitation).toBeDefined();
  });

  it("keeps mail while SMTP is down and delivers each mail once it is back, none twice", async () => {
    await stopSmtp(smtp);
    const booking = await makeRequest(store, t.config);
    await drain();
    await drain();
    expect(mails).toHaveLength(0);
    const waiting = await store.db.select().from(outbox).where(eq(outbox.kind, "mail.send"));
    expect(waiting).toHaveLength(2);
    expect(waiting.every((j) => j.status === "pending" && j.attempts === 1)).toBe(true);
    // Other channels went out meanwhile.
    expect(hooks).toHaveLength(1);

    t.clock.advance(30_000);
    await drain();
    smtp = await startSmtp(mails, smtp.port);
    t.clock.advance(60_000);
    await drain();
    t.clock.advance(60 * 60_000);
    await drain();
    expect(mails.map(toOf).sort()).toEqual(["staff-ng@example.jp", "taro@example.jp"]);
    expect(mails.find((m) => toOf(m) === "staff-ng@example.jp")!.subject).toContain(booking.reference);
    const done = await store.db.select().from(outbox).where(eq(outbox.kind, "mail.send"));
    expect(done.every((j) => j.status === "done")).toBe(true);
  });

  it("reminds the seeker on the business day before, and says nothing for a session cancelled since", async () => {
    const kept = await makeRequest(store, t.config);
    const dropped = await makeRequest(store, t.config);
    for (const b of [kept, dropped]) await call(t.app, token, "POST", `/api/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc" });
    await call(t.app, token, "POST", `/api/staff/bookings/${dropped.id}/cancel`, { reason: "担当者の急病のため" });
    await drain();
    mails.length = 0;
    t.clock.set(new Date("2026-11-27T09:59:00+09:00"));
    await drain();
    expect(mails).toHaveLength(0);
    t.clock.set(new Date("2026-11-27T10:00:00+09:00"));
    await drain();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("【ハローワーク長崎】オンライン職業相談のお知らせ 11月30日(月) 14:00～");
    expect(mails[0]!.text).toContain("https://meet.example.jp/r/abc");
    const reminders = await store.db.select().from(outbox).where(like(outbox.idempotencyKey, "seeker:reminder:%"));
    expect(reminders.every((r) => r.status === "done")).toBe(true);
  });

  it("tells the seeker of a rejection with the reason and other free times", async () => {
    const booking = await makeRequest(store, t.config);
    await drain();
    mails.length = 0;
    await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/reject`, { reason: "担当者の都合がつきません" });
    await drain();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("【ハローワーク長崎】ご希望の日時で予約できませんでした");
    expect(mails[0]!.text).toContain("担当者の都合がつきません");
    const history = await conversationHistory(store.db, booking.conversationId!);
    const last = history.at(-1) as { message: { text: string; choices: unknown[] } };
    expect(last.message.text).toContain("担当者の都合がつきません");
    expect(last.message.text).toMatch(/空いている日時の例です。\n・\d+月\d+日/);
    expect(last.message.choices).toHaveLength(1);
  });

  it("tells staff and the seeker of a no-show with what to do next", async () => {
    const booking = await makeRequest(store, t.config);
    await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc" });
    await drain();
    mails.length = 0;
    t.clock.set(new Date("2026-11-30T14:12:00+09:00"));
    const fresh = await loginAs(t.app, "ng@example.jp");
    expect((await call(t.app, fresh, "POST", `/api/staff/bookings/${booking.id}/no-show`)).status).toBe(200);
    await drain();
    expect(mails).toHaveLength(2);
    expect(mails.find((m) => toOf(m) === "staff-ng@example.jp")!.subject).toContain("【相談予約】不参加");
    const toSeeker = mails.find((m) => toOf(m) === "taro@example.jp")!;
    expect(toSeeker.subject).toBe("【ハローワーク長崎】オンライン職業相談を取り消しました");
    expect(toSeeker.text).toContain("チャットで日時を選んでください");
    const history = await conversationHistory(store.db, booking.conversationId!);
    expect(history.at(-1)).toMatchObject({ message: { booking: { statusCode: "no_show", status: "連絡なしキャンセル" } } });
  });

  it("speaks やさしい日本語 with furigana in the web chat, and none in its mail, the .ics or on LINE", async () => {
    const marks = /\{[^{}|]+\|/;
    const web = await makeRequest(store, t.config, { locale: "ja-x-easy" });
    const userId = lineUserId("easy-seeker");
    const onLine = await makeRequest(store, t.config, { locale: "ja-x-easy", channel: "line", userKey: userId, email: "hanako@example.jp" });
    await drain();
    const ack = mails.find((m) => toOf(m) === "taro@example.jp")!;
    expect(ack.subject).toBe("【ハローワーク長崎】相談の 申し込みを 受け付けました");
    expect(ack.text).toContain("まだ 予約は 決まって いません。");
    mails.length = 0;
    for (const b of [web, onLine]) await call(t.app, token, "POST", `/api/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/easy", accessCode: "123 456" });
    await drain();

    expect(mails.map(toOf).sort()).toEqual(["hanako@example.jp", "taro@example.jp"]);
    for (const mail of mails) {
      expect(mail.subject).toBe("【ハローワーク長崎】相談の 案内 11月30日(月) 午後2時から");
      expect(mail.text).toContain("日と 時間が 決まりました。");
      expect(mail.text).toContain("11月30日(月) 午後2時～2時30分");
      expect(mail.text).toContain("https://meet.example.jp/r/easy");
      expect(mail.text).toContain((toOf(mail) === "hanako@example.jp" ? onLine : web).reference);
      const ics = mail.attachments.find((a) => a.filename === "invite.ics")!.content.toString("utf8");
      for (const text of [mail.subject, mail.text, ics]) expect(text).not.toMatch(marks);
    }

    // The widget shows the marks as furigana: the web chat's history keeps them.
    const history = await conversationHistory(store.db, web.conversationId!);
    expect(history.at(-1)).toMatchObject({ message: { text: expect.stringContaining("{予約|よやく}が {決|き}まりました。"), booking: { status: expect.stringContaining("{決|き}まりました") } } });
    const pushed = JSON.stringify(fake.delivered(userId));
    expect(pushed).not.toMatch(marks);
    expect(pushed).toContain("予約が 決まりました。");
    expect(pushed).toContain("ビデオで 相談に 入る");
  });

  it("brings staff text to a LINE user, once even when LINE's answer was lost", async () => {
    const userId = lineUserId("handoff-user");
    const booking = await makeRequest(store, t.config, { channel: "line", userKey: userId, mode: "handoff" });
    await drain();
    fake.failNext(1, { status: 500, path: "/v2/bot/message/push", afterDelivery: true });
    const res = await call(t.app, token, "POST", `/api/staff/conversations/${booking.conversationId}/messages`, { text: "担当の山本です。" });
    expect(res.status).toBe(201);
    await drain();
    t.clock.advance(60_000);
    await drain();
    expect(fake.delivered(userId)).toEqual([{ type: "text", text: "担当の山本です。" }]);
    const pushes = fake.requests.filter((r) => r.path === "/v2/bot/message/push" && (r.body as { to: string }).to === userId);
    expect(pushes.map((p) => p.status)).toEqual([500, 409]);
    const [job] = await store.db.select().from(outbox).where(and(eq(outbox.kind, "line.push"), like(outbox.idempotencyKey, "staff-message:%")));
    expect(job!.status).toBe("done");
  });
});
