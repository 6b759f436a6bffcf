// The seeker's side of the outbox for console tests: a real SMTP server on loopback (every mail parsed
// and kept), the fake LINE platform, and outbox workers run by hand on the test's clock.
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createLineClient } from "../../src/line/client.ts";
import type { Config } from "../../src/config.ts";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import { createMailer } from "../../src/notify/mail/transport.ts";
import { createOutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { startFakeLinePlatform, type FakeLine } from "../fakes/line-platform/index.ts";
import type { TestStore } from "./stores.ts";

export interface Smtp {
  server: SMTPServer;
  port: number;
}

/** A real SMTP server on loopback; every mail it takes is parsed and pushed to `mails`. */
export async function startSmtp(mails: ParsedMail[], port = 0): Promise<Smtp> {
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

export const stopSmtp = (smtp: Smtp) => new Promise<void>((resolve) => smtp.server.close(() => resolve()));

/** iCalendar folds long lines; tests read them whole. */
export function unfoldIcs(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

export const recipientOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

/** The .ics attachment of a mail by file name, unfolded. */
export function calendarOf(mail: ParsedMail, filename: string): string | undefined {
  const file = mail.attachments.find((a) => a.filename === filename);
  return file ? unfoldIcs(file.content.toString("utf8")) : undefined;
}

export interface Delivery {
  mails: ParsedMail[];
  line: FakeLine;
  /** Runs due jobs until none is left (fan-outs make more). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the SMTP sink and the fake LINE platform; the workers use the app's config and clock. */
export async function startDelivery(store: TestStore, app: { config: Config; clock: () => Date }): Promise<Delivery> {
  const mails: ParsedMail[] = [];
  const smtp = await startSmtp(mails);
  const line = await startFakeLinePlatform();
  const mailDir = await mkdtemp(join(tmpdir(), "soudan-mail-"));
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: "相談予約ボット <no-reply@soudan.example.jp>", mailDir, timeoutMs: 2_000 });
  const lineClient = createLineClient({ accessToken: line.channelAccessToken, baseUrl: line.baseUrl, timeoutMs: 2_000 });
  const workers = createOutboxWorkers({
    db: store.db,
    clock: app.clock,
    handlers: createJobHandlers({ db: store.db, config: app.config, channels: parseStaffChannels({}), mailer, line: lineClient, clock: app.clock }),
    backoff: { baseMs: 1_000, maxMs: 60_000 },
    random: () => 1,
    batchSize: 50,
  });
  return {
    mails,
    line,
    async drain() {
      for (let i = 0; i < 10; i++) if ((await workers.runOnce()) === 0) return;
      throw new Error("the outbox did not settle");
    },
    async close() {
      mailer.close();
      await stopSmtp(smtp);
      await line.close();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
