// Channel-neutral messages, the leaf both sides import: flows speak only these, src/bot/* translates
// them to and from a channel, and the store keeps them as they are.

export type { Locale } from "./i18n/locales.ts";
export type Channel = "web" | "line";

export type Inbound =
  /** A new conversation; `manageToken`: opened from the link in a mail, signed for one booking (web). */
  | { kind: "start"; manageToken?: string }
  | { kind: "text"; text: string }
  | { kind: "choice"; value: string }
  /** A picked date-time, Asia/Tokyo wall clock, 'YYYY-MM-DDTHH:mm' (from a LINE picker of another mode, a bare date or time). */
  | { kind: "datetime"; value: string };

export interface Choice {
  /** Shown to the user: at most 20 characters so LINE can show it as a quick reply. */
  label: string;
  value: string;
}

/** A booking's status as a card shows it: the ledger's, but an expired hold is never shown. */
export const bookingCardStatuses = ["held", "requested", "confirmed", "attended", "no_show", "cancelled", "rejected"] as const;

export interface BookingCard {
  reference: string;
  office: string;
  /** 12月3日(木) 14:00～14:30 */
  when: string;
  status: string;
  statusCode: (typeof bookingCardStatuses)[number];
  /** Rows of the summary, label and value, in order. */
  rows?: { label: string; value: string }[];
  meetingUrl?: string;
}

export interface BotMessage {
  text: string;
  /** At most 13. */
  choices?: Choice[];
  /** Bounds of a date-time picker, 'YYYY-MM-DDTHH:mm' Asia/Tokyo. */
  datePicker?: { min: string; max: string };
  booking?: BookingCard;
}

export const MAX_CHOICES = 13;
export const MAX_CHOICE_LABEL = 20;
