// The outbox's notice handlers. A notice (staff.notice, seeker.notice) fans out into one job per
// channel (notify/channels/), enqueued in one transaction with keys derived from its own, so each
// channel retries on its own and nothing is sent twice; each channel's own job does the I/O.
import type { Config, Office } from "../config.ts";
import { findOffice } from "../config.ts";
import type { BotMessage } from "../messages.ts";
import type { SeekerEvent, SeekerNoticePayload, StaffNoticePayload, WaitlistNoticePayload } from "../notices.ts";
import { reasonText, wordsFor } from "../i18n/index.ts";
import { findEntry } from "../store/waitlist.ts";
import type { MailSendPayload } from "./channels/mail.ts";
import { addDays, jstDate, jstTime } from "../jst.ts";
import { findBooking, suggest, type Booking } from "../store/bookings.ts";
import { findConversation } from "../store/conversations.ts";
import { listClosures } from "../store/calendar.ts";
import { enqueue, type NewJob, type OutboxJob } from "../store/outbox.ts";
import { PermanentJobError, type JobHandler } from "./outboxWorker.ts";
import { joinReminderJob, reminderJob } from "./reminders.ts";
import { chatNotices, type ChatBooking } from "./chatNotices.ts";
import type { ChannelDeps, SeekerNotice, StaffNotice } from "./channels/channel.ts";
import { outboundChannels, seekerChatJob } from "./channels/index.ts";

export type NotifyDeps = ChannelDeps;

export function staffUrl(config: Pick<Config, "PUBLIC_BASE_URL">, target: { bookingId?: string; conversationId?: string }): string {
  const base = (config.PUBLIC_BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  if (target.bookingId) return `${base}/staff/bookings/${target.bookingId}`;
  if (target.conversationId) return `${base}/staff/conversations/${target.conversationId}`;
  return `${base}/staff/`;
}

export function createJobHandlers(deps: NotifyDeps): Record<string, JobHandler> {
  const { db, config, channels, line, clock } = deps;

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
    const notice: StaffNotice = {
      key: job.idempotencyKey,
      now: clock(),
      event: payload.event,
      office,
      ...(booking ? { booking } : {}),
      at: new Date(payload.at),
      ...(payload.conversationId ? { conversationId: payload.conversationId } : {}),
      url: staffUrl(config, { bookingId: booking?.id, conversationId: payload.conversationId }),
    };
    await fanOut(outboundChannels.map((channel) => channel.staffJob?.(notice, deps)));
  }

  const expectedStatus: Record<SeekerEvent, Booking["status"][]> = {
    requested: ["requested", "confirmed"],
    changed: ["requested", "confirmed"],
    invitation: ["confirmed"],
    meeting_changed: ["confirmed"],
    reminder: ["confirmed"],
    join: ["confirmed"],
    rejected: ["rejected"],
    cancelled_by_staff: ["cancelled"],
    cancelled: ["cancelled"],
    no_show: ["no_show"],
    closure: ["cancelled"],
  };

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
      case "join":
        return chatNotices.join(locale, chat);
      case "rejected":
        return chatNotices.rejected(locale, chat, reasonText(locale, b), await alternativesFor(b, office));
      case "closure":
        return chatNotices.closure(locale, chat, reasonText(locale, b), alternatives);
      case "cancelled_by_staff":
        return chatNotices.cancelledByStaff(locale, chat, reasonText(locale, b));
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
    // The session moved since the join reminder was set; the new start has its own.
    if (payload.startsAt !== undefined && payload.startsAt !== b.startsAt.toISOString()) return;
    if (payload.event === "join" && !b.meetingUrl) return;
    const office = officeOf(b.officeId);
    const now = clock();
    const key = job.idempotencyKey;
    const jobs: (NewJob | undefined)[] = [];

    // Offered in the mail and in the chat alike, read after the closure is stored so its day is not among them.
    const alternatives = payload.event === "closure" ? await alternativesFor(b, office) : [];
    const notice: SeekerNotice = { key, now, event: payload.event, booking: b, office, alternatives };
    for (const channel of outboundChannels) jobs.push(channel.seekerJob?.(notice, deps));

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
    // Set at the invitation; the day-before reminder sets it too, for sessions confirmed before it existed (same key).
    if (payload.event === "invitation" || payload.event === "reminder") {
      jobs.push(joinReminderJob({ bookingId: b.id, startsAt: b.startsAt, minutesBefore: channels.joinReminderMinutes, now }));
    }
    await fanOut(jobs);
  }

  /** 12月3日(木) 14:00～16:00, or a span of days with its hours. */
  function windowText(locale: Booking["locale"], w: { fromDate: string; toDate: string; fromTime: string; toTime: string }): string {
    const { bot, formats } = wordsFor(locale);
    return w.fromDate === w.toDate
      ? bot.waitlist.dayWindow(formats.date(w.fromDate), w.fromTime, w.toTime)
      : bot.waitlist.spanWindow(formats.date(w.fromDate), formats.date(w.toDate), w.fromTime, w.toTime);
  }

  /**
   * A waitlist notice goes into the chat the person waited from (LINE push or web chat) and, for an
   * offer, to their address when they proved it with a code (as for what their own actions send).
   * An offer answered, lapsed or left since says nothing.
   */
  async function waitlistNotice(payload: WaitlistNoticePayload, job: OutboxJob): Promise<void> {
    const entry = await findEntry(db, payload.entryId);
    if (!entry) return;
    const expected = { offer: "offered", lapsed: "lapsed", ended: "ended" } as const;
    if (entry.status !== expected[payload.event]) return;
    if (payload.event === "offer" && entry.offerBookingId !== payload.bookingId) return;
    const office = officeOf(entry.officeId);
    const now = clock();
    const key = job.idempotencyKey;
    const locale = entry.locale;
    const jobs: (NewJob | undefined)[] = [];
    let message: BotMessage;
    if (payload.event === "offer") {
      const hold = await findBooking(db, payload.bookingId!);
      if (!hold || hold.status !== "held" || !entry.offerExpiresAt) return;
      message = chatNotices.waitlistOffer(locale, { startsAt: hold.startsAt, endsAt: hold.endsAt, until: entry.offerExpiresAt, entryId: entry.id, bookingId: hold.id });
      const answers = (entry.answers ?? {}) as { email?: string; emailVerified?: string; name?: string };
      if (answers.email && answers.emailVerified === answers.email) {
        const words = wordsFor(locale);
        const text = [
          words.mail.greeting(answers.name ?? "").join("\n"),
          [words.mail.introduction(office), ...words.notices.waitlist.mailLead(words.formats.instant(entry.offerExpiresAt))].join("\n"),
          words.mail.slotSection(hold.startsAt, hold.endsAt).join("\n"),
          words.mail.signature(office).join("\n"),
        ].join("\n\n") + "\n";
        const mail: MailSendPayload = { mail: { to: answers.email, subject: words.notices.waitlist.mailSubject(office), text } };
        jobs.push({ kind: "mail.send", idempotencyKey: `${key}:mail:${answers.email}`, payload: { ...mail }, runAt: now });
      }
    } else {
      message = payload.event === "lapsed" ? chatNotices.waitlistLapsed(locale) : chatNotices.waitlistEnded(locale, windowText(locale, entry));
    }
    const conversation = await findConversation(db, entry.conversationId);
    if (conversation) jobs.push(seekerChatJob(key, conversation, message, { line: line !== undefined, record: true, now }));
    await fanOut(jobs);
  }

  return {
    "staff.notice": (payload: StaffNoticePayload, job) => staffNotice(payload, job),
    "waitlist.notice": (payload: WaitlistNoticePayload, job) => waitlistNotice(payload, job),
    "seeker.notice": (payload: SeekerNoticePayload, job) => seekerNotice(payload, job),
    ...Object.fromEntries(outboundChannels.map((channel): [string, JobHandler] => [channel.kind, (payload, job) => channel.send(payload, job, deps)])),
  };
}
