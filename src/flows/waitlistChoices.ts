// The waitlist's choices as values a channel carries back (a button, a LINE postback), and a wished
// window as a person reads it. Pure: the flows and the notices both use them.
import { wordsFor } from "../i18n/index.ts";
import type { Choice, Locale } from "../messages.ts";
import type { WaitWindow } from "../store/waitlist.ts";

const JOIN = "waitlist:join:";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

export function joinChoice(locale: Locale, w: WaitWindow): Choice {
  return { label: wordsFor(locale).bot.waitlist.joinChoice, value: `${JOIN}${w.fromDate},${w.toDate},${w.fromTime},${w.toTime}` };
}

/** The window a join choice carries, or null when the value is not one (or is malformed). */
export function joinedWindow(value: string): WaitWindow | null {
  if (!value.startsWith(JOIN)) return null;
  const [fromDate, toDate, fromTime, toTime, ...rest] = value.slice(JOIN.length).split(",");
  if (rest.length > 0 || !fromDate || !toDate || !fromTime || !toTime) return null;
  if (!DATE.test(fromDate) || !DATE.test(toDate) || !TIME.test(fromTime) || !TIME.test(toTime)) return null;
  if (toDate < fromDate || toTime <= fromTime) return null;
  return { fromDate, toDate, fromTime, toTime };
}

export const SHOW_WAITLIST = "menu:waitlist";
export const leaveChoiceValue = (entryId: string) => `waitlist:leave:${entryId}`;
export const leftEntry = (value: string) => /^waitlist:leave:([0-9a-f-]{36})$/.exec(value)?.[1] ?? null;

/** 12月3日(木) 14:00～14:30, or a span of days with its hours. */
export function windowLabel(locale: Locale, w: WaitWindow): string {
  const { bot, formats } = wordsFor(locale);
  if (w.fromDate === w.toDate) return bot.waitlist.dayWindow(formats.date(w.fromDate), w.fromTime, w.toTime);
  return bot.waitlist.spanWindow(formats.date(w.fromDate), formats.date(w.toDate), w.fromTime, w.toTime);
}
