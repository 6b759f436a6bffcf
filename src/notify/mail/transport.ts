// Delivers composed mail: over SMTP when SMTP_URL is set, otherwise as .eml files in a folder so a
// developer (or an operator without a mail server) can open each mail as it would have been sent.
import { createHash } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer, { type NodemailerError, type SendMailOptions } from "nodemailer";
import type { ComposedMail } from "./compose.ts";

export interface MailerOptions {
  smtpUrl?: string;
  /** 'Display Name <address>' */
  from: string;
  /** Where .eml files go when there is no SMTP server. */
  mailDir: string;
  /** Connection, greeting and socket timeout for SMTP, in ms. */
  timeoutMs?: number;
  /** Clock for .eml file names; the transport is the shell, so it may read the time. */
  now?: () => Date;
}

export interface OutgoingMail extends ComposedMail {
  /**
   * A stable id from the caller (e.g. the outbox job id): a retried send carries the same
   * Message-ID, so the recipient's mail client can drop the duplicate.
   */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * A send that failed. The message names no recipient (logs must not carry personal data);
 * `permanent` is true when the server refused the message for good and a retry would not help.
 */
export class MailSendError extends Error {
  override name = "MailSendError";
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly responseCode: number | undefined,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

function domainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? "soudan-yoyaku";
}

/**
 * A stable id (an outbox job's idempotency key, which names the recipient) → '<32 hex digits@domain>':
 * the same key gives the same Message-ID on every retry, and neither the header nor the .eml file
 * name carries the recipient's address.
 */
export function formatMessageId(id: string, from: string): string {
  return `<${createHash("sha256").update(id).digest("hex").slice(0, 32)}@${domainOf(from)}>`;
}

/** A Message-ID made safe for a file name: no brackets, slashes or other separators. */
function fileSafe(messageId: string): string {
  return messageId.replace(/^<|>$/g, "").replace(/[^A-Za-z0-9._@-]/g, "_");
}

/** ISO 8601 without colons, which some file systems refuse: 2026-12-03T05-00-00.000Z */
function fileTimestamp(at: Date): string {
  return at.toISOString().replace(/:/g, "-");
}

function toSendOptions(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: formatMessageId(mail.messageId, from),
    attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
  };
}

function describeFailure(err: unknown): MailSendError {
  const e = err as NodemailerError;
  const code = typeof e?.code === "string" ? e.code : undefined;
  const responseCode = typeof e?.responseCode === "number" ? e.responseCode : undefined;
  const parts = ["mail send failed", code, responseCode !== undefined ? `SMTP ${responseCode}` : undefined, e?.command];
  return new MailSendError(parts.filter(Boolean).join(": "), code, responseCode, e?.permanent === true);
}

export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? createSmtpMailer(options, options.smtpUrl) : createFileMailer(options);
}

function createSmtpMailer(options: MailerOptions, smtpUrl: string): Mailer {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: false,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(mail) {
      const message = toSendOptions(mail, options.from);
      try {
        await transport.sendMail(message);
      } catch (err) {
        throw describeFailure(err);
      }
      return { messageId: message.messageId as string };
    },
    close() {
      transport.close();
    },
  };
}

function createFileMailer(options: MailerOptions): Mailer {
  const now = options.now ?? (() => new Date());
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(mail) {
      const message = toSendOptions(mail, options.from);
      const messageId = message.messageId as string;
      const info = await composer.sendMail(message);
      await mkdir(options.mailDir, { recursive: true });
      const path = join(options.mailDir, `${fileTimestamp(now())}-${fileSafe(messageId)}.eml`);
      // Write then rename, so a reader never sees half a message.
      const partial = `${path}.partial`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, path);
      return { messageId };
    },
    close() {
      composer.close();
    },
  };
}
