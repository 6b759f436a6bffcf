// Finding 2 of issue 18: the bot mailed any address typed into the web chat, greeting it with any
// name typed ("Claim Prize At Www.Evil.Example 様"). On the web the address is now proven with a
// one-time code first; the code mail carries nothing the user typed, and is throttled.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import { createMailer, type Mailer } from "../../src/notify/mail/transport.ts";
import { createOutboxWorkers, type OutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp, serveTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };
const EVIL_NAME = "Claim Prize";
const EVIL_TOPIC = "Visit www.evil.example to claim your prize";

const toOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const codeIn = (mail: ParsedMail) => /\b(\d{6})\b/.exec(mail.text ?? "")?.[1];

describe.each(storeKinds)("the email address of a web request, on $name", (kind) => {
  const store = useStore(kind);
  const mails: ParsedMail[] = [];
  let smtp: SMTPServer;
  let smtpPort: number;
  let dir: string;
  let mailer: Mailer;
  let workers: OutboxWorkers;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let served: Awaited<ReturnType<typeof serveTestApp>>;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => (mails.push(mail), callback()), callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    dir = await mkdtemp(join(tmpdir(), "soudan-email-"));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}) {
    mails.length = 0;
    t = await buildTestApp(store, { now, env: { TRUST_PROXY: "127.0.0.1", ...env }, deps: { chatRateLimits: loose } });
    served = await serveTestApp(t.app);
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: "相談予約ボット <no-reply@soudan.example.jp>", mailDir: dir, timeoutMs: 2_000 });
    workers = createOutboxWorkers({
      db: store.db,
      clock: t.clock,
      handlers: createJobHandlers({ db: store.db, config: t.config, channels: parseStaffChannels({ STAFF_MAIL_TO: "staff-ng@example.jp" }), mailer, clock: t.clock }),
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      random: () => 1,
      batchSize: 50,
    });
  }
  beforeEach(() => start());
  afterEach(async () => {
    mailer.close();
    await served.close();
  });

  /** Sends every mail that is due to the SMTP sink. */
  async function deliver(): Promise<ParsedMail[]> {
    const before = mails.length;
    for (let i = 0; i < 10; i++) if ((await workers.runOnce()) === 0) break;
    return mails.slice(before);
  }

  async function upToSummary(client = "203.0.113.30", email = "victim@example.jp") {
    const chat = await startChat(served.as(client), { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say(EVIL_NAME);
    await chat.tap("まだ登録していない");
    await chat.say(email);
    await chat.say("090-1234-5678");
    await chat.tap("指名しない");
    await chat.pick("2026-11-30T14:00");
    await chat.say(EVIL_TOPIC);
    await chat.tap("必要ない");
    expect(chat.text).toContain("この内容で申し込みますか");
    return chat;
  }

  const requests = async () => store.db.select().from(bookings).where(eq(bookings.status, "requested"));

  it("sends the request only after the code mailed to the address comes back, and the code mail carries nothing typed", async () => {
    const chat = await upToSummary();
    await chat.tap("申し込む");
    expect(chat.text).toContain("victim@example.jp あてに\n確認コード（6桁の数字）を送りました");
    expect(await requests()).toHaveLength(0);
    const [codeMail, ...others] = await deliver();
    expect(others).toHaveLength(0);
    expect(toOf(codeMail!)).toBe("victim@example.jp");
    expect(codeMail!.subject).toBe("【ハローワーク長崎】メールアドレスの確認コード");
    const everything = `${codeMail!.subject}\n${codeMail!.text}`;
    for (const typed of [EVIL_NAME, "Claim", "evil", "090-1234-5678", "様"]) expect(everything).not.toContain(typed);

    const code = codeIn(codeMail!)!;
    const wrong = code === "000000" ? "111111" : "000000";
    await chat.say(wrong);
    expect(chat.text).toContain("コードが違います");
    expect(await requests()).toHaveLength(0);
    await chat.say(code);
    expect(chat.text).toContain("メールアドレスを確認しました。");
    expect(chat.text).toContain("お申し込みを受け付けました");
    const [row] = await requests();
    expect(row!.emailVerifiedAt).not.toBeNull();
    const sent = await deliver();
    expect(sent.map(toOf).sort()).toEqual(["staff-ng@example.jp", "victim@example.jp"]);
  });

  it("in English, the same", async () => {
    const chat = await startChat(served.as("203.0.113.31"), { office: "nagasaki", locale: "en" });
    await chat.choose("menu:book");
    await chat.tap("I am looking for work");
    await chat.tap("I agree");
    await chat.say("John Smith");
    await chat.choose("seeker:none");
    await chat.say("john@example.com");
    await chat.say("090-1234-5678");
    await chat.tap("No preference");
    await chat.pick("2026-11-30T14:00");
    await chat.say("Finding office work");
    await chat.tap("Not needed");
    await chat.tap("Send request");
    expect(chat.text).toContain("We have sent a 6-digit code to john@example.com.");
    const [codeMail] = await deliver();
    expect(codeMail!.subject).toBe("[Hello Work Nagasaki] Your confirmation code");
    expect(codeMail!.text).not.toContain("John");
    await chat.say(codeIn(codeMail!)!);
    expect(chat.text).toContain("Your email address is confirmed.");
  });

  it("mails no acknowledgement to an address nobody proved, where the office does not ask for codes", async () => {
    const offices = JSON.parse(await readFile("./config/offices.json", "utf8")) as { offices: Record<string, unknown>[] };
    for (const o of offices.offices) o.verifyWebEmail = false;
    const file = join(dir, "offices-no-code.json");
    await writeFile(file, JSON.stringify(offices));
    mailer.close();
    await served.close();
    await start({ OFFICES_FILE: file });
    const chat = await upToSummary();
    await chat.tap("申し込む");
    expect(chat.text).toContain("お申し込みを受け付けました");
    const sent = await deliver();
    expect(sent.map(toOf)).toEqual(["staff-ng@example.jp"]);
    expect((await requests())[0]!.emailVerifiedAt).toBeNull();
  });

  it("throttles the codes to one address, whoever asks", async () => {
    const chat = await upToSummary("203.0.113.32");
    await chat.tap("申し込む");
    await chat.tap("コードを再送");
    await chat.tap("コードを再送");
    expect(chat.text).toContain("確認コード（6桁の数字）を送りました");
    // From another client too: the address has had its hour's share.
    const other = await upToSummary("198.51.100.33");
    await other.tap("申し込む");
    expect(other.text).toContain("このアドレスには続けてコードを送ったため");
    expect((await deliver()).filter((m) => toOf(m) === "victim@example.jp")).toHaveLength(3);
  });

  it("throttles the codes one client asks for, whatever the address", async () => {
    mailer.close();
    await served.close();
    await start({ EMAIL_CODES_PER_CLIENT_HOUR: "3" });
    const chat = await upToSummary("203.0.113.34", "first@example.jp");
    await chat.tap("申し込む");
    for (const address of ["second@example.jp", "third@example.jp", "fourth@example.jp"]) {
      await chat.tap("アドレスを直す");
      await chat.say(address);
      await chat.tap("申し込む");
    }
    expect(chat.text).toContain("この回線からのコードの送信が多いため");
    expect((await deliver()).map(toOf)).toEqual(["first@example.jp", "second@example.jp", "third@example.jp"]);
  });

  it("stops taking guesses at a code after five wrong ones", async () => {
    const chat = await upToSummary("203.0.113.35");
    await chat.tap("申し込む");
    const code = codeIn((await deliver())[0]!)!;
    const wrong = ["000000", "111111", "222222", "333333", "444444", "555555"].filter((c) => c !== code).slice(0, 5);
    for (const guess of wrong) await chat.say(guess);
    expect(chat.text).toContain("このコードは使えなくなりました");
    await chat.say(code);
    expect(chat.text).not.toContain("お申し込みを受け付けました");
    expect(await requests()).toHaveLength(0);
  });
});
