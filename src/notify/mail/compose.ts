// Pure builders for every mail the bot sends: they take the facts (and any instants) as arguments
// and return a mail ready for the transport. No clock, no I/O.
import { createEvent, type EventAttributes } from "ics";
import { cleanInput } from "../../cleanInput.ts";
import type { Office } from "../../config.ts";
import type { StaffEvent } from "../../notices.ts";
import { staffWordsFor, supportText, wordsFor, type Locale, type StaffLocale } from "../../i18n/index.ts";
import type { ManageChat } from "../../i18n/ja/mail.ts";
import { withoutRuby } from "../../i18n/ruby.ts";

export type { ManageChat };

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface ComposedMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface InvitationInput {
  reference: string;
  seekerName: string;
  email: string;
  office: Office;
  startsAt: Date;
  endsAt: Date;
  meetingUrl: string;
  accessCode?: string;
  /** The ORGANIZER address in the .ics (the address the mail is sent from). */
  organizerEmail?: string;
  /** When the invitation was issued (DTSTAMP); pass it so a resend is byte-identical. */
  issuedAt?: Date;
  /** Bump on each change of the same booking so calendars replace the old event. */
  sequence?: number;
  /** A new meeting URL or access code for an invitation already sent: the mail says what changed. */
  updated?: boolean;
  /** Where the seeker changes or cancels in the chat (the signed link, or the chat page). */
  manage?: ManageChat;
}

/** The calendar event the seeker was invited to, for a cancellation that removes it from their calendar. */
export type CancellationEvent = Omit<InvitationInput, "updated" | "manage"> & { sequence: number };

export interface StaffNoticeDetails {
  name: string;
  seekerNumber?: string;
  email: string;
  phone: string;
  topic: string;
}

export interface StaffNoticeInput {
  event: StaffEvent;
  /** The office's staff mailbox. */
  to: string;
  office: Office;
  reference?: string;
  startsAt?: Date;
  endsAt?: Date;
  /** When it happened. */
  at: Date;
  staffUrl: string;
  /** Only when the office allows personal data in staff mail (office.personalDataInStaffMail). */
  details?: StaffNoticeDetails;
  /** The language the seeker uses and the help they asked for (a support code or their words): not personal data. */
  seeker?: { locale: Locale; support: string | null };
}

interface SeekerNoticeBase {
  reference: string;
  seekerName: string;
  email: string;
  office: Office;
  startsAt: Date;
  endsAt: Date;
  /** Where the seeker can pick another time. */
  chatUrl?: string;
  /** Where the seeker changes or cancels a booking still to come (reminder, join). */
  manage?: ManageChat;
}

export type SeekerNoticeInput =
  | (SeekerNoticeBase & { kind: "rejected"; reason: string })
  | (SeekerNoticeBase & { kind: "cancelled_by_staff"; reason?: string })
  | (SeekerNoticeBase & { kind: "no_show" })
  | (SeekerNoticeBase & { kind: "closure"; reason: string; alternatives: string[] })
  | (SeekerNoticeBase & { kind: "reminder"; meetingUrl: string; accessCode?: string })
  | (SeekerNoticeBase & { kind: "join"; meetingUrl: string; accessCode?: string });

const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8; method=REQUEST";
const ICS_CANCEL_CONTENT_TYPE = "text/calendar; charset=utf-8; method=CANCEL";
// Used only when the caller gives no organizer address: an ORGANIZER without MAILTO is invalid iCalendar.
const FALLBACK_ORGANIZER_EMAIL = "no-reply@localhost";

/** Sections separated by one blank line, lines by newlines. */
function body(...sections: string[][]): string {
  // A mail cannot show furigana: any {漢字|かんじ} reads as its kanji (i18n/ruby.ts).
  return withoutRuby(sections.filter((s) => s.length > 0).map((s) => s.join("\n")).join("\n\n") + "\n");
}

export function invitationMail(b: InvitationInput, locale: Locale): ComposedMail {
  const { mail, formats } = wordsFor(locale);
  const words = mail.invitation;
  const text = body(
    mail.greeting(b.seekerName),
    [mail.introduction(b.office), ...(b.updated ? words.updatedLead : words.lead)],
    mail.slotSection(b.startsAt, b.endsAt),
    mail.meetingSection(b.meetingUrl, b.accessCode),
    mail.joinSteps(b.email),
    mail.checklist,
    mail.cancelSection(b.office, b.manage),
    mail.referenceSection(b.reference),
    mail.signature(b.office),
  );
  return {
    to: b.email,
    subject: (b.updated ? words.updatedSubject : words.subject)(b.office, formats.start(b.startsAt)),
    text,
    attachments: [{ filename: "invite.ics", content: invitationCalendar(b, locale), contentType: ICS_CONTENT_TYPE }],
  };
}

/** A mail that cancels a session the seeker was invited to gets the calendar's CANCEL for that event. */
export function withCancellation(mail: ComposedMail, event: CancellationEvent, locale: Locale): ComposedMail {
  return {
    ...mail,
    attachments: [...(mail.attachments ?? []), { filename: "cancel.ics", content: cancellationCalendar(event, locale), contentType: ICS_CANCEL_CONTENT_TYPE }],
  };
}

/** The invitation as an iCalendar REQUEST, with times in UTC so no host time zone is involved. */
export function invitationCalendar(b: InvitationInput, locale: Locale): string {
  return calendarOf(b, locale, "REQUEST");
}

/** The same event (same UID, a higher SEQUENCE) as a CANCEL, so the seeker's calendar drops it. */
export function cancellationCalendar(b: CancellationEvent, locale: Locale): string {
  return calendarOf(b, locale, "CANCEL");
}

function calendarOf(b: InvitationInput, locale: Locale, method: "REQUEST" | "CANCEL"): string {
  const words = wordsFor(locale).mail.invitation;
  const event: EventAttributes & { timestamp?: number } = {
    uid: `${b.reference}@soudan-yoyaku`,
    productId: "soudan-yoyaku",
    method,
    start: b.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: b.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    // A calendar cannot show furigana either.
    title: withoutRuby(words.calendarSummary(b.office)),
    description: withoutRuby(words.calendarDescription(b.meetingUrl, b.accessCode, b.reference)),
    url: b.meetingUrl,
    location: b.meetingUrl,
    status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    organizer: { name: calendarParamText(b.office.name[locale]), email: b.organizerEmail ?? FALLBACK_ORGANIZER_EMAIL },
    attendees: [{ name: calendarParamText(b.seekerName), email: b.email, rsvp: false, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" }],
    ...(b.sequence !== undefined ? { sequence: b.sequence } : {}),
    // DTSTAMP: ics would read the clock itself; the schema accepts `timestamp` though the types omit it.
    ...(b.issuedAt ? { timestamp: b.issuedAt.getTime() } : {}),
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw new Error(`cannot build the invitation calendar for ${b.reference}: ${error?.message ?? "empty"}`);
  return foldByOctets(value);
}

/**
 * A name fit for a quoted iCalendar parameter (CN): RFC 5545 allows neither DQUOTE nor control
 * characters there and has no escape for them (ics writes \", which parsers read as the end of the
 * value), so quotes become apostrophes and controls become spaces.
 */
export function calendarParamText(name: string): string {
  return cleanInput(name)
    .replace(/["\u201C\u201D]/g, "'")
    .replace(/[\p{Cc}]/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Refolds content lines at 75 octets (RFC 5545 3.1), never inside a character; ics folds at 75 characters. */
export function foldByOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  return lines
    .map((line) => {
      const parts: string[] = [];
      let part = "";
      let octets = 0;
      for (const ch of line) {
        const size = Buffer.byteLength(ch);
        // The first line holds 75 octets; a continuation holds 74 after its leading space.
        if (octets + size > (parts.length === 0 ? 75 : 74)) {
          parts.push(part);
          part = "";
          octets = 0;
        }
        part += ch;
        octets += size;
      }
      parts.push(part);
      return parts.join("\r\n ");
    })
    .join("\r\n");
}

export function staffNoticeMail(n: StaffNoticeInput, locale: StaffLocale = "ja"): ComposedMail {
  const staffWords = staffWordsFor(locale);
  const { mail, formats } = staffWords;
  const w = mail.staffNotice;
  const event = w.events[n.event];
  const field = (label: string, value: string) => `${label}: ${value}`;
  const heading = (label: string, value: string) => [label, value];

  const facts: string[][] = [heading(w.office, n.office.name[locale])];
  if (n.startsAt && n.endsAt) facts.push(mail.slotSection(n.startsAt, n.endsAt));
  if (n.reference) facts.push(heading(w.reference, n.reference));
  facts.push(heading(w.at, formats.instant(n.at)));
  if (n.seeker) {
    const support = supportText(locale, n.seeker.support);
    facts.push(heading(w.language, `${staffWords.staff.languages[n.seeker.locale]}${support ? w.support(support) : ""}`));
  }

  const person = n.details
    ? [
        w.person,
        field(w.name, n.details.name),
        ...(n.details.seekerNumber ? [field(w.seekerNumber, n.details.seekerNumber)] : []),
        field(w.email, n.details.email),
        field(w.phone, n.details.phone),
        field(w.topic, n.details.topic),
      ]
    : [...w.noDetails];

  const subjectParts = [
    `${w.subjectTag}${event.title}`,
    n.office.name[locale],
    ...(n.startsAt ? [formats.start(n.startsAt)] : []),
    ...(n.reference ? [`[${n.reference}]`] : []),
  ];

  return {
    to: n.to,
    subject: subjectParts.join(" "),
    text: body([w.dear(n.office)], [...event.lead], ...facts, person, [w.link, n.staffUrl]),
  };
}

export function seekerNoticeMail(n: SeekerNoticeInput, locale: Locale): ComposedMail {
  const { mail, formats } = wordsFor(locale);
  const w = mail.seekerNotice;
  const hello = mail.greeting(n.seekerName);
  const intro = mail.introduction(n.office);
  const reason = (text: string | undefined) => (text ? [w.reasonHeading, text] : []);
  const closing = [mail.referenceSection(n.reference), mail.signature(n.office)];

  switch (n.kind) {
    case "rejected":
      return {
        to: n.email,
        subject: w.rejected.subject(n.office),
        text: body(
          hello,
          [intro, ...w.rejected.lead],
          mail.slotSection(n.startsAt, n.endsAt, w.rejected.slotHeading),
          reason(n.reason),
          mail.nextStepsSection(n.office, n.chatUrl),
          ...closing,
        ),
      };
    case "cancelled_by_staff":
      return {
        to: n.email,
        subject: w.cancelledByStaff.subject(n.office),
        text: body(
          hello,
          [intro, ...w.cancelledByStaff.lead],
          mail.slotSection(n.startsAt, n.endsAt),
          reason(n.reason),
          mail.nextStepsSection(n.office, n.chatUrl),
          ...closing,
        ),
      };
    case "closure":
      return {
        to: n.email,
        subject: w.closure.subject(n.office),
        text: body(
          hello,
          [intro, ...w.closure.lead],
          mail.slotSection(n.startsAt, n.endsAt),
          reason(n.reason),
          n.alternatives.length > 0 ? [w.closure.alternativesHeading, ...n.alternatives.map(formats.bullet)] : [],
          mail.nextStepsSection(n.office, n.chatUrl),
          ...closing,
        ),
      };
    case "no_show":
      return {
        to: n.email,
        subject: w.noShow.subject(n.office),
        text: body(
          hello,
          [intro, ...w.noShow.lead],
          mail.slotSection(n.startsAt, n.endsAt),
          [...w.noShow.again, ...(n.chatUrl ? [n.chatUrl] : [])],
          [...w.noShow.warning],
          ...closing,
        ),
      };
    case "reminder":
      return {
        to: n.email,
        subject: w.reminder.subject(n.office, formats.start(n.startsAt)),
        text: body(
          hello,
          [intro, ...w.reminder.lead],
          mail.slotSection(n.startsAt, n.endsAt),
          mail.meetingSection(n.meetingUrl, n.accessCode),
          mail.joinSteps(n.email),
          mail.checklist,
          mail.cancelSection(n.office, n.manage),
          ...closing,
        ),
      };
    case "join":
      return {
        to: n.email,
        subject: w.join.subject(n.office, formats.start(n.startsAt)),
        text: body(
          hello,
          [intro, ...w.join.lead],
          mail.slotSection(n.startsAt, n.endsAt),
          mail.meetingSection(n.meetingUrl, n.accessCode),
          mail.joinSteps(n.email),
          w.join.lateSection(n.office, n.manage),
          ...closing,
        ),
      };
  }
}
