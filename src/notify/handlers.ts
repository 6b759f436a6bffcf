// The outbox's job handlers. A notice (staff.notice, seeker.notice) fans out into one job per
// channel, enqueued in one transaction with keys derived from its own, so each channel retries on
// its own and nothing is sent twice; the channel jobs (mail.send, line.push, staff.webhook,
// chat.post) do the I/O.
import type { Config, Office } from "../config.ts";
import type { LineClient } from "../line/client.ts";
import { LINE_RETRY_KEY_MS, linePushJob, type LinePushPayload } from "../line/push.ts";
import { renderForLine } from "../line/render.ts";
import type { BotMessage, Locale } from "../messages.ts";
import type { SeekerEvent, SeekerNoticePayload, StaffNoticePayload } from "../notices.ts";
import { wordsFor } from "../i18n/index.ts";
import { addDays, jstDate, jstTime } from "../jst.ts";
import { findBooking, suggest, type Booking } from "../store/bookings.ts";
import { appendMessages, findConversation } from "../store/conversations.ts";
import { listClosures } from "../store/calendar.ts";
import type { Db } from "../store/db.ts";
import { enqueue, type NewJob, type OutboxJob } from "../store/outbox.ts";
import { findOffice } from "../config.ts";
import { invitationMail, seekerNoticeMail, staffNoticeMail, withCancellation, type ComposedMail } from "./mail/compose.ts";
import { MailSendError, type Mailer } from "./mail/transport.ts";
import { PermanentJobError, type JobHandler } from "./outboxWorker.ts";
import { reminderJob } from "./reminders.ts";
import type { StaffChannels } from "./staffChannels.ts";
import { postStaffWebhook, StaffWebhookError } from "./webhook/send.ts";
import { chatNotices, staffLineText, type ChatBooking } from "./chatNotices.ts";

export interface NotifyDeps {
  db: Db;
  config: Pick<Config, "offices" | "PUBLIC_BASE_URL" | "MAIL_FROM">;
  channels: StaffChannels;
  mailer: Mailer;
  /** Absent when LINE is not configured: LINE jobs are then not made. */
  line?: LineClient;
  clock: () => Date;
}

export interface MailSendPayload {
  mail: ComposedMail;
}

export interface StaffWebhookPayload {
  body: Record<string, unknown>;
}

export interface ChatPostPayload {
  conversationId: string;
  message: BotMessage;
}

/** Where a seeker's chat message goes: LINE push, or the web chat's history. */
export function seekerChatJob(
  key: string,
  conversation: { id: string; channel: "web" | "line"; userKey: string; followed: boolean; locale: Locale },
  message: BotMessage,
  options: { line: boolean; record: boolean; now: Date },
): NewJob | undefined {
  if (conversation.channel === "line") {
    if (!options.line || !conversation.followed) return undefined;
    return linePushJob({
      idempotencyKey: `${key}:line:${conversation.userKey}`,
      to: conversation.userKey,
      messages: renderForLine([message], conversation.locale),
      runAt: options.now,
      ...(options.record ? { record: { conversationId: conversation.id, message } } : {}),
    });
  }
  if (!options.record) return undefined;
  const payload: ChatPostPayload = { conversationId: conversation.id, message };
  return { kind: "chat.post", idempotencyKey: `${key}:chat`, payload: payload as unknown as Record<string, unknown>, runAt: options.now, orderKey: `chat:${conversation.id}` };
}

export function staffUrl(config: Pick<Config, "PUBLIC_BASE_URL">, target: { bookingId?: string; conversationId?: string }): string {
  const base = (config.PUBLIC_BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  if (target.bookingId) return `${base}/staff/bookings/${target.bookingId}`;
  if (target.conversationId) return `${base}/staff/conversations/${target.conversationId}`;
  return `${base}/staff/`;
}

function addressOf(from: string): string | undefined {
  return /<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? (/^[^<>\s]+@[^<>\s]+$/.test(from.trim()) ? from.trim() : undefined);
}

function mailBody(...sections: string[][]): string {
  return sections.filter((s) => s.length > 0).map((s) => s.join("\n")).join("\n\n") + "\n";
}

export function createJobHandlers(deps: NotifyDeps): Record<string, JobHandler> {
  const { db, config, channels, mailer, line, clock } = deps;

  const officeOf = (id: string): Office => {
    const office = findOffice(config, id);
    if (!office) throw new PermanentJobError(`unknown office ${id}`);
    return office;
  };

  async function fanOut(jobs: (NewJob | undefined)[]): Promise<void> {
    const list = jobs.filter((j): j is NewJob => j !== undefined);
    if (list.length === 0) return;
    await db.transaction(async (tx) => {
      for (const job of list) await enqueue(tx, job);
    });
  }

  async function staffNotice(payload: StaffNoticePayload, job: OutboxJob): Promise<void> {
    const office = officeOf(payload.officeId);
    const booking = payload.bookingId ? await findBooking(db, payload.bookingId) : undefined;
    const at = new Date(payload.at);
    const url = staffUrl(config, { bookingId: booking?.id, conversationId: payload.conversationId });
    const now = clock();
    const key = job.idempotencyKey;
    const slot = booking ? { startsAt: booking.startsAt, endsAt: booking.endsAt } : {};
    const jobs: (NewJob | undefined)[] = [];

    const mailTo = channels.mailTo[office.id];
    if (mailTo) {
      const details =
        office.personalDataInStaffMail && booking?.name && booking.email && booking.phone
          ? { name: booking.name, seekerNumber: booking.seekerNumber ?? undefined, email: booking.email, phone: booking.phone, topic: booking.topic ?? "" }
          : undefined;
      const mail = staffNoticeMail({ event: payload.event, to: mailTo, office, reference: booking?.reference, ...slot, at, staffUrl: url, details });
      jobs.push({ kind: "mail.send", idempotencyKey: `${key}:mail:${mailTo}`, payload: { mail } satisfies MailSendPayload as unknown as Record<string, unknown>, runAt: now });
    }
    const lineTo = channels.lineTo[office.id];
    if (lineTo && line) {
      const text = staffLineText({ event: payload.event, office, reference: booking?.reference, ...slot, at, staffUrl: url });
      jobs.push(linePushJob({ idempotencyKey: `${key}:line:${lineTo}`, to: lineTo, messages: [{ type: "text", text }], runAt: now }));
    }
    if (channels.webhook) {
      const body = {
        event: payload.event,
        office: office.id,
        at: at.toISOString(),
        bookingId: booking?.id ?? null,
        reference: booking?.reference ?? null,
        startsAt: booking?.startsAt.toISOString() ?? null,
        endsAt: booking?.endsAt.toISOString() ?? null,
        status: booking?.status ?? null,
        conversationId: payload.conversationId ?? null,
        url,
      };
      jobs.push({ kind: "staff.webhook", idempotencyKey: `${key}:webhook`, payload: { body } satisfies StaffWebhookPayload, runAt: now });
    }
    await fanOut(jobs);
  }

  const expectedStatus: Record<SeekerEvent, Booking["status"][]> = {
    requested: ["requested", "confirmed"],
    changed: ["requested", "confirmed"],
    invitation: ["confirmed"],
    meeting_changed: ["confirmed"],
    reminder: ["confirmed"],
    rejected: ["rejected"],
    cancelled_by_staff: ["cancelled"],
    cancelled: ["cancelled"],
    no_show: ["no_show"],
    closure: ["cancelled"],
  };

  // What a seeker's own action or a rejection sends goes only to an address proven with a code:
  // otherwise anyone could make the office mail any address, greeting it with a name they typed.
  // Staff confirming a booking (invitation, reminders) have judged the request real.
  const onlyToVerified = new Set<SeekerEvent>(["requested", "changed", "cancelled", "rejected"]);

  /** A few free times near the booking's own, as the seeker reads them, to offer with a refusal. */
  async function alternativesFor(b: Booking, office: Office): Promise<string[]> {
    const slots = await suggest(db, {
      office,
      now: clock(),
      wish: { kind: "point", date: jstDate(b.startsAt), time: jstTime(b.startsAt) },
      n: 3,
    }).catch(() => []);
    return slots.map((s) => wordsFor(b.locale).formats.slot(s.startsAt, s.endsAt));
  }

  function seekerMail(event: SeekerEvent, b: Booking, office: Office, alternatives: string[]): ComposedMail | undefined {
    if (!b.email) return undefined;
    // An address staff took down from the person on the phone or at the counter is as good as proven.
    if (onlyToVerified.has(event) && !b.emailVerifiedAt && b.channel !== "staff") return undefined;
    const locale = b.locale;
    const name = b.name ?? "";
    const base = { reference: b.reference, seekerName: name, email: b.email, office, startsAt: b.startsAt, endsAt: b.endsAt };
    const calendarEvent = () =>
      ({ ...base, meetingUrl: b.meetingUrl!, accessCode: b.accessCode ?? undefined, organizerEmail: addressOf(config.MAIL_FROM), issuedAt: b.updatedAt, sequence: b.sequence }) as const;
    // A session the seeker was invited to (it has a meeting URL) leaves their calendar with a CANCEL.
    const cancelling = (mail: ComposedMail) => (b.meetingUrl ? withCancellation(mail, calendarEvent(), locale) : mail);
    switch (event) {
      case "invitation":
        return invitationMail(calendarEvent(), locale);
      case "meeting_changed":
        return invitationMail({ ...calendarEvent(), updated: true }, locale);
      case "reminder":
        return seekerNoticeMail({ ...base, kind: "reminder", meetingUrl: b.meetingUrl!, accessCode: b.accessCode ?? undefined }, locale);
      case "rejected":
        return seekerNoticeMail({ ...base, kind: "rejected", reason: b.statusReason ?? "" }, locale);
      case "cancelled_by_staff":
        return cancelling(seekerNoticeMail({ ...base, kind: "cancelled_by_staff", reason: b.statusReason ?? undefined }, locale));
      case "no_show":
        return seekerNoticeMail({ ...base, kind: "no_show" }, locale);
      case "closure":
        return seekerNoticeMail({ ...base, kind: "closure", reason: b.statusReason ?? "", alternatives }, locale);
      case "requested":
      case "changed":
      case "cancelled": {
        const words = wordsFor(locale);
        const w = words.notices.acknowledgement[event];
        const mail: ComposedMail = {
          to: b.email,
          subject: w.subject(office),
          text: mailBody(
            words.mail.greeting(name),
            [words.mail.introduction(office), ...w.lead],
            words.mail.slotSection(b.startsAt, b.endsAt),
            event === "cancelled" ? [] : words.mail.cancelSection(office),
            words.mail.referenceSection(b.reference),
            words.mail.signature(office),
          ),
        };
        return event === "cancelled" ? cancelling(mail) : mail;
      }
    }
  }

  async function seekerChat(event: SeekerEvent, b: Booking, office: Office, alternatives: string[]): Promise<BotMessage | undefined> {
    const locale = b.locale;
    const chat: ChatBooking = { reference: b.reference, office, startsAt: b.startsAt, endsAt: b.endsAt, meetingUrl: b.meetingUrl, accessCode: b.accessCode };
    switch (event) {
      case "invitation":
        return chatNotices.invitation(locale, chat);
      case "meeting_changed":
        return chatNotices.meetingChanged(locale, chat);
      case "reminder":
        return chatNotices.reminder(locale, chat);
      case "rejected":
        return chatNotices.rejected(locale, chat, b.statusReason, await alternativesFor(b, office));
      case "closure":
        return chatNotices.closure(locale, chat, b.statusReason, alternatives);
      case "cancelled_by_staff":
        return chatNotices.cancelledByStaff(locale, chat, b.statusReason);
      case "no_show":
        return chatNotices.noShow(locale, chat);
      default:
        // The bot already answered these in the conversation itself.
        return undefined;
    }
  }

  async function seekerNotice(payload: SeekerNoticePayload, job: OutboxJob): Promise<void> {
    const b = await findBooking(db, payload.bookingId);
    if (!b) return;
    // A reminder for a session cancelled since, an invitation for a booking already rejected: say nothing.
    if (!expectedStatus[payload.event].includes(b.status)) return;
    // The meeting changed again since: the newer notice carries the newer details.
    if (payload.sequence !== undefined && payload.sequence !== b.sequence) return;
    const office = officeOf(b.officeId);
    const now = clock();
    const key = job.idempotencyKey;
    const jobs: (NewJob | undefined)[] = [];

    // Offered in the mail and in the chat alike, read after the closure is stored so its day is not among them.
    const alternatives = payload.event === "closure" ? await alternativesFor(b, office) : [];
    const mail = seekerMail(payload.event, b, office, alternatives);
    if (mail) jobs.push({ kind: "mail.send", idempotencyKey: `${key}:mail:${mail.to}`, payload: { mail } satisfies MailSendPayload as unknown as Record<string, unknown>, runAt: now });

    const message = await seekerChat(payload.event, b, office, alternatives);
    const conversation = message && b.conversationId ? await findConversation(db, b.conversationId) : undefined;
    if (message && conversation) {
      jobs.push(seekerChatJob(key, conversation, message, { line: line !== undefined, record: true, now }));
    }
    if (payload.event === "invitation") {
      // A month back covers any run of closed days between the session and its reminder.
      const day = jstDate(b.startsAt);
      const closures = await listClosures(db, { officeId: office.id, from: addDays(day, -31), to: day });
      jobs.push(reminderJob({ bookingId: b.id, office, startsAt: b.startsAt, reminderTime: channels.reminderTime, closures, now }));
    }
    await fanOut(jobs);
  }

  return {
    "staff.notice": (payload: StaffNoticePayload, job) => staffNotice(payload, job),
    "seeker.notice": (payload: SeekerNoticePayload, job) => seekerNotice(payload, job),

    async "mail.send"(payload: MailSendPayload, job) {
      try {
        await mailer.send({ ...payload.mail, messageId: job.idempotencyKey });
      } catch (error) {
        if (error instanceof MailSendError && error.permanent) throw new PermanentJobError(error.message);
        throw error;
      }
    },

    async "line.push"(payload: LinePushPayload, job) {
      if (!line) throw new PermanentJobError("LINE is not configured (LINE_CHANNEL_ACCESS_TOKEN)");
      if (job.firstAttemptAt && clock().getTime() - job.firstAttemptAt.getTime() > LINE_RETRY_KEY_MS) {
        throw new PermanentJobError("LINE's retry key expires 24 h after the first attempt; requeue to send with a fresh key (it may arrive twice if an earlier attempt got through)");
      }
      const result = await line.push(payload.to, payload.messages, payload.retryKey);
      // 409: a push with this retry key was accepted before, so the messages are already there.
      if (!result.ok && result.kind !== "already_sent") {
        const message = `LINE push failed: ${result.status} ${result.message}`;
        if (result.kind === "retryable") throw new Error(message);
        throw new PermanentJobError(message);
      }
      if (payload.record) {
        await appendMessages(db, payload.record.conversationId, [{ author: "bot", body: { message: payload.record.message } }], clock());
      }
    },

    async "staff.webhook"(payload: StaffWebhookPayload, job) {
      if (!channels.webhook) throw new PermanentJobError("no staff webhook is configured (STAFF_WEBHOOK_URL)");
      try {
        await postStaffWebhook(channels.webhook, payload.body, { idempotencyKey: job.idempotencyKey });
      } catch (error) {
        const status = error instanceof StaffWebhookError ? error.status : undefined;
        if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
          throw new PermanentJobError((error as Error).message);
        }
        throw error;
      }
    },

    async "chat.post"(payload: ChatPostPayload) {
      await appendMessages(db, payload.conversationId, [{ author: "bot", body: { message: payload.message } }], clock());
    },
  };
}
