// What the bot says in the seeker's chat (web or LINE) when staff act on a booking, and the staff's
// LINE notice, arranged from the catalogue's words.
import type { Office } from "../config.ts";
import type { BookingCard, BotMessage } from "../messages.ts";
import { staffCatalogues, wordsFor, type Locale } from "../i18n/index.ts";
import { waitlistAnswerValue, type StaffEvent } from "../notices.ts";

export interface ChatBooking {
  reference: string;
  office: Office;
  startsAt: Date;
  endsAt: Date;
  meetingUrl?: string | null;
  accessCode?: string | null;
}

type CardStatus = BookingCard["statusCode"];

function card(locale: Locale, b: ChatBooking, statusCode: CardStatus, withMeeting: boolean): BookingCard {
  const { notices, formats, codes } = wordsFor(locale);
  return {
    reference: b.reference,
    office: b.office.name[locale],
    when: formats.slot(b.startsAt, b.endsAt),
    status: codes.status[statusCode],
    statusCode,
    ...(withMeeting && b.meetingUrl ? { meetingUrl: b.meetingUrl } : {}),
    ...(withMeeting && b.accessCode ? { rows: [{ label: notices.accessCode, value: b.accessCode }] } : {}),
  };
}

/** A refusal: the apology, the reason, free times if any, and how to go on. */
function refusal(locale: Locale, b: ChatBooking, apology: string[], reason: string | null, alternatives: string[], statusCode: CardStatus): BotMessage {
  const { notices, formats } = wordsFor(locale);
  const lines = [...apology];
  if (reason) lines.push("", notices.reason(reason));
  if (alternatives.length > 0) lines.push("", notices.alternativesHeading, ...alternatives.map(formats.bullet));
  lines.push("", notices.bookAgain, notices.contact(b.office));
  return { text: lines.join("\n"), booking: card(locale, b, statusCode, false), choices: [bookAgain(locale)] };
}

// The menu's own value, so that the engine starts a booking as from the menu.
const bookAgain = (locale: Locale) => ({ label: wordsFor(locale).notices.bookAgainChoice, value: "menu:book" });

export const chatNotices = {
  invitation: (locale: Locale, b: ChatBooking): BotMessage => ({ text: wordsFor(locale).notices.invitation.join("\n"), booking: card(locale, b, "confirmed", true) }),
  meetingChanged: (locale: Locale, b: ChatBooking): BotMessage => ({ text: wordsFor(locale).notices.meetingChanged.join("\n"), booking: card(locale, b, "confirmed", true) }),
  reminder: (locale: Locale, b: ChatBooking): BotMessage => ({ text: wordsFor(locale).notices.reminder.join("\n"), booking: card(locale, b, "confirmed", true) }),
  /** Minutes before the start: the button to join, and the rule about joining late. */
  join: (locale: Locale, b: ChatBooking): BotMessage => ({ text: wordsFor(locale).notices.join(b.office).join("\n"), booking: card(locale, b, "confirmed", true) }),
  rejected: (locale: Locale, b: ChatBooking, reason: string | null, alternatives: string[]): BotMessage =>
    refusal(locale, b, wordsFor(locale).notices.rejected, reason, alternatives, "rejected"),
  cancelledByStaff: (locale: Locale, b: ChatBooking, reason: string | null): BotMessage => refusal(locale, b, wordsFor(locale).notices.cancelledByStaff, reason, [], "cancelled"),
  /** The office closed the day (a typhoon): the booking is cancelled, other free times are offered. */
  closure: (locale: Locale, b: ChatBooking, reason: string | null, alternatives: string[]): BotMessage =>
    refusal(locale, b, wordsFor(locale).notices.closure, reason, alternatives, "cancelled"),
  noShow: (locale: Locale, b: ChatBooking): BotMessage => ({
    text: wordsFor(locale).notices.noShow.join("\n"),
    booking: card(locale, b, "no_show", false),
    choices: [bookAgain(locale)],
  }),
  released: (locale: Locale): BotMessage => ({ text: wordsFor(locale).notices.released }),
  /** A freed time offered from the waitlist, held until `until`, with the two answers. */
  waitlistOffer: (locale: Locale, o: { startsAt: Date; endsAt: Date; until: Date; entryId: string; bookingId: string }): BotMessage => {
    const { notices, formats } = wordsFor(locale);
    return {
      text: notices.waitlist.offer(formats.slot(o.startsAt, o.endsAt), formats.instant(o.until)).join("\n"),
      choices: [
        { label: notices.waitlist.accept, value: waitlistAnswerValue("accept", o.entryId, o.bookingId) },
        { label: notices.waitlist.decline, value: waitlistAnswerValue("decline", o.entryId, o.bookingId) },
      ],
    };
  },
  waitlistLapsed: (locale: Locale): BotMessage => ({ text: wordsFor(locale).notices.waitlist.lapsed, choices: [bookAgain(locale)] }),
  waitlistEnded: (locale: Locale, window: string): BotMessage => ({ text: wordsFor(locale).notices.waitlist.ended(window), choices: [bookAgain(locale)] }),
};

/** The staff LINE notice, in Japanese as staff read it: what, which office, when, the reference and the link; never personal data. */
export function staffLineText(input: { event: StaffEvent; office: Office; startsAt?: Date; endsAt?: Date; reference?: string; at: Date; staffUrl: string }): string {
  const { mail, notices, formats } = staffCatalogues.ja;
  return [
    `${mail.staffNotice.subjectTag}${mail.staffNotice.events[input.event].title}`,
    input.office.name.ja,
    ...(input.startsAt && input.endsAt ? [formats.slot(input.startsAt, input.endsAt)] : []),
    ...(input.reference ? [notices.staffLine.reference(input.reference)] : []),
    notices.staffLine.received(formats.instant(input.at)),
    input.staffUrl,
  ].join("\n");
}
