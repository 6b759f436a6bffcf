// Mail: the staff mailbox of the office, and the seeker's address (with the invitation's .ics).
import type { Config, Office } from "../../config.ts";
import { reasonText, wordsFor } from "../../i18n/index.ts";
import { withoutRuby } from "../../i18n/ruby.ts";
import type { SeekerEvent } from "../../notices.ts";
import type { Booking } from "../../store/bookings.ts";
import { chatPageUrl, manageUrl } from "../../manageLink.ts";
import { invitationMail, seekerNoticeMail, staffNoticeMail, withCancellation, type ComposedMail, type ManageChat } from "../mail/compose.ts";
import { MailSendError } from "../mail/transport.ts";
import { PermanentJobError } from "../outboxWorker.ts";
import { asPayload, type Channel } from "./channel.ts";

export interface MailSendPayload {
  mail: ComposedMail;
}

// What a seeker's own action or a rejection sends goes only to an address proven with a code:
// otherwise anyone could make the office mail any address, greeting it with a name they typed.
// Staff confirming a booking (invitation, reminders) have judged the request real.
const onlyToVerified = new Set<SeekerEvent>(["requested", "changed", "cancelled", "rejected"]);

function addressOf(from: string): string | undefined {
  return /<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? (/^[^<>\s]+@[^<>\s]+$/.test(from.trim()) ? from.trim() : undefined);
}

function mailBody(...sections: string[][]): string {
  return sections.filter((s) => s.length > 0).map((s) => s.join("\n")).join("\n\n") + "\n";
}

type MailConfig = Pick<Config, "MAIL_FROM" | "PUBLIC_BASE_URL" | "MANAGE_LINK_SECRET">;

/** The chat, where the seeker changes or cancels: through the link signed for this booking when a secret is set. */
function manageChat(config: MailConfig, b: Booking): ManageChat {
  const link = manageUrl(config, b.id);
  return { page: chatPageUrl(config), ...(link ? { link } : {}) };
}

function seekerMail(event: SeekerEvent, b: Booking, office: Office, alternatives: string[], config: MailConfig): ComposedMail | undefined {
  if (!b.email) return undefined;
  // An address staff took down from the person on the phone or at the counter is as good as proven.
  if (onlyToVerified.has(event) && !b.emailVerifiedAt && b.channel !== "staff") return undefined;
  const locale = b.locale;
  const name = b.name ?? "";
  const base = { reference: b.reference, seekerName: name, email: b.email, office, startsAt: b.startsAt, endsAt: b.endsAt, chatUrl: chatPageUrl(config) };
  const manage = manageChat(config, b);
  const calendarEvent = () =>
    ({ ...base, manage, meetingUrl: b.meetingUrl!, accessCode: b.accessCode ?? undefined, organizerEmail: addressOf(config.MAIL_FROM), issuedAt: b.updatedAt, sequence: b.sequence }) as const;
  // A session the seeker was invited to (it has a meeting URL) leaves their calendar with a CANCEL.
  const cancelling = (mail: ComposedMail) => (b.meetingUrl ? withCancellation(mail, calendarEvent(), locale) : mail);
  switch (event) {
    case "invitation":
      return invitationMail(calendarEvent(), locale);
    case "meeting_changed":
      return invitationMail({ ...calendarEvent(), updated: true }, locale);
    case "reminder":
      return seekerNoticeMail({ ...base, manage, kind: "reminder", meetingUrl: b.meetingUrl!, accessCode: b.accessCode ?? undefined }, locale);
    case "join":
      return b.meetingUrl ? seekerNoticeMail({ ...base, manage, kind: "join", meetingUrl: b.meetingUrl, accessCode: b.accessCode ?? undefined }, locale) : undefined;
    case "rejected":
      return seekerNoticeMail({ ...base, kind: "rejected", reason: reasonText(locale, b) ?? "" }, locale);
    case "cancelled_by_staff":
      return cancelling(seekerNoticeMail({ ...base, kind: "cancelled_by_staff", reason: reasonText(locale, b) ?? undefined }, locale));
    case "no_show":
      return seekerNoticeMail({ ...base, kind: "no_show" }, locale);
    case "closure":
      return seekerNoticeMail({ ...base, kind: "closure", reason: reasonText(locale, b) ?? "", alternatives }, locale);
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
          event === "cancelled" ? [] : words.mail.cancelSection(office, manage),
          words.mail.referenceSection(b.reference),
          words.mail.signature(office),
        ),
      };
      return event === "cancelled" ? cancelling(mail) : mail;
    }
  }
}

export const mail: Channel<MailSendPayload> = {
  kind: "mail.send",

  staffJob({ key, now, event, office, booking, at, url }, { channels }) {
    const to = channels.mailTo[office.id];
    if (!to) return undefined;
    const details =
      office.personalDataInStaffMail && booking?.name && booking.email && booking.phone
        ? { name: booking.name, seekerNumber: booking.seekerNumber ?? undefined, email: booking.email, phone: booking.phone, topic: booking.topic ?? "" }
        : undefined;
    const slot = booking ? { startsAt: booking.startsAt, endsAt: booking.endsAt } : {};
    const composed = staffNoticeMail({ event, to, office, reference: booking?.reference, ...slot, at, staffUrl: url, details, ...(booking ? { seeker: { locale: booking.locale, support: booking.support } } : {}) });
    return { kind: "mail.send", idempotencyKey: `${key}:mail:${to}`, payload: asPayload<MailSendPayload>({ mail: composed }), runAt: now };
  },

  seekerJob({ key, now, event, booking, office, alternatives }, { config }) {
    const composed = seekerMail(event, booking, office, alternatives, config);
    if (!composed) return undefined;
    return { kind: "mail.send", idempotencyKey: `${key}:mail:${composed.to}`, payload: asPayload<MailSendPayload>({ mail: composed }), runAt: now };
  },

  async send(payload, job, { mailer }) {
    try {
      // A mail cannot show furigana: whichever path wrote it (the acknowledgement, a waitlist offer), a
      // {漢字|かんじ} mark reads as its kanji alone (i18n/ruby.ts), as compose.ts's bodies already do.
      const { subject, text } = payload.mail;
      await mailer.send({ ...payload.mail, subject: withoutRuby(subject), text: withoutRuby(text), messageId: job.idempotencyKey });
    } catch (error) {
      if (error instanceof MailSendError && error.permanent) throw new PermanentJobError(error.message);
      throw error;
    }
  },
};
