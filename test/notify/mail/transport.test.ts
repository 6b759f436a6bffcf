import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invitationMail, type InvitationInput } from "../../../src/notify/mail/compose.ts";
import { createMailer, MailSendError } from "../../../src/notify/mail/transport.ts";
import { sampleInvitation } from "../offices.ts";

const FROM = "相談予約ボット <no-reply@soudan.example.jp>";

const booking: InvitationInput = { ...sampleInvitation, organizerEmail: "no-reply@soudan.example.jp" };

interface Received {
  rcptTo: string[];
  raw: Buffer;
}

function firstAddress(to: AddressObject | AddressObject[] | undefined): string | undefined {
  const list = Array.isArray(to) ? to : to ? [to] : [];
  return list[0]?.value[0]?.address;
}

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

function calendarOf(mail: ParsedMail): string {
  const ics = mail.attachments.find((a) => a.filename === "invite.ics");
  if (!ics) throw new Error("no invite.ics attachment");
  return unfold(ics.content.toString("utf8"));
}

describe("createMailer over SMTP", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let smtpUrl: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received.length = 0;
  });

  it("delivers an invitation a mail client can read, with its calendar request", async () => {
    const mailer = createMailer({ smtpUrl, from: FROM, mailDir: "unused" });
    try {
      await mailer.send({ ...invitationMail(booking, "ja"), messageId: "outbox-1" });
    } finally {
      mailer.close();
    }
    expect(received).toHaveLength(1);
    expect(received[0]!.rcptTo).toEqual(["taro@example.jp"]);
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toBe("【ハローワーク長崎】オンライン職業相談のご案内 12月3日(木) 14:00～");
    expect(firstAddress(mail.to)).toBe("taro@example.jp");
    expect(mail.text).toContain("https://meet.example.jp/r/abc");
    expect(mail.text).toContain("095-862-8643");
    expect(mail.text).toContain("開始から10分を過ぎても");
    const ics = calendarOf(mail);
    expect(ics).toContain("DTSTART:20261203T050000Z");
    expect(ics).toContain("UID:NG-7K3P@soudan-yoyaku");
    expect(ics).toContain("ORGANIZER;CN=\"ハローワーク長崎\":MAILTO:no-reply@soudan.example.jp");
  });

  it("delivers the English invitation", async () => {
    const mailer = createMailer({ smtpUrl, from: FROM, mailDir: "unused" });
    try {
      await mailer.send({ ...invitationMail(booking, "en"), messageId: "outbox-2" });
    } finally {
      mailer.close();
    }
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toBe("[Hello Work Nagasaki] Your online job counselling, Thu 3 Dec, 14:00");
    expect(mail.text).toContain("10 minutes after the start time");
    expect(mail.text).toContain("095-862-8643");
    expect(calendarOf(mail)).toContain("SUMMARY:Online job counselling (Hello Work Nagasaki)");
  });

  it("sends a retried mail with the same Message-ID", async () => {
    const mailer = createMailer({ smtpUrl, from: FROM, mailDir: "unused" });
    const mail = { ...invitationMail(booking, "ja"), messageId: "outbox-42" };
    try {
      const first = await mailer.send(mail);
      const second = await mailer.send(mail);
      expect(second.messageId).toBe(first.messageId);
    } finally {
      mailer.close();
    }
    const [a, b] = await Promise.all(received.map((r) => simpleParser(r.raw)));
    expect(a!.messageId).toMatch(/^<[0-9a-f]{32}@soudan\.example\.jp>$/);
    expect(b!.messageId).toBe(a!.messageId);
  });
});

describe("createMailer when the SMTP server is down", () => {
  it("rejects the send, so the outbox retries it", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, mailDir: "unused" });
    try {
      const sending = mailer.send({ ...invitationMail(booking, "ja"), messageId: "outbox-3" });
      await expect(sending).rejects.toBeInstanceOf(MailSendError);
      await expect(sending).rejects.toMatchObject({ permanent: false });
      await expect(sending).rejects.not.toThrow(/taro@example\.jp/);
    } finally {
      mailer.close();
    }
  });
});

describe("createMailer without SMTP", () => {
  let mailDir: string;

  beforeEach(async () => {
    const root = await mkdtemp(join(tmpdir(), "soudan-mail-"));
    mailDir = join(root, "outbox", "mail");
    return () => rm(root, { recursive: true, force: true });
  });

  it("writes each mail as an .eml file a person can open", async () => {
    const mailer = createMailer({ from: FROM, mailDir, now: () => new Date("2026-12-01T10:00:00+09:00") });
    const sent = await mailer.send({ ...invitationMail(booking, "ja"), messageId: "outbox-7" });
    mailer.close();

    const files = await readdir(mailDir);
    expect(files).toEqual([`2026-12-01T01-00-00.000Z-${sent.messageId.slice(1, -1)}.eml`]);
    const mail = await simpleParser(await readFile(join(mailDir, files[0]!)));
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.subject).toBe("【ハローワーク長崎】オンライン職業相談のご案内 12月3日(木) 14:00～");
    expect(firstAddress(mail.to)).toBe("taro@example.jp");
    expect(mail.text).toContain("https://meet.example.jp/r/abc");
    expect(calendarOf(mail)).toContain("DTSTART:20261203T050000Z");
  });
});
