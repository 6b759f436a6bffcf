import type { Office } from "../config.ts";
import { addDays, jstDate, jstInstant, minutesOf, timeOf, type DateString, type TimeString } from "../jst.ts";
import { closureLookup, previousBusinessDay, type Closure, type ClosureLookup } from "./calendar.ts";

/** One session is 30 minutes, and sessions start on a 30-minute grid from the window's start. */
export const SLOT_MINUTES = 30;
export const SLOT_MS = SLOT_MINUTES * 60_000;

/** Start times of the office's slots, in order: '10:00', '10:30', … '15:30' for a 10:00–16:00 window. */
export function slotTimes(office: Office): TimeString[] {
  return slotStartMinutes(office).map(timeOf);
}

/** Start times as minutes since midnight; the last start leaves a whole session before the window ends. */
export function slotStartMinutes(office: Office): number[] {
  const from = minutesOf(office.window.from);
  const to = minutesOf(office.window.to);
  const starts: number[] = [];
  for (let m = from; m + SLOT_MINUTES <= to; m += SLOT_MINUTES) starts.push(m);
  return starts;
}

/**
 * The first instant at which a session on `date` can no longer be requested (a request at exactly
 * this instant is too late).
 * - previous_business_day_close: the office's closing time on the last business day before the date,
 *   so Monday closes on Friday at closing time, and ad-hoc closures move the cutoff earlier too.
 * - previous_day_midnight: 24:00 of the calendar day before, i.e. 00:00 of the day itself.
 */
export function bookingCutoff(office: Office, date: DateString, closures: readonly Closure[] | ClosureLookup): Date {
  if (office.cutoff === "previous_day_midnight") return jstInstant(date, "00:00");
  const lookup = typeof closures === "function" ? closures : closureLookup(office.id, closures);
  return jstInstant(previousBusinessDay(office.id, date, lookup), office.openingHours.to);
}

/**
 * The last date that can be booked: today's Tokyo date plus office.horizonDays. With the default 30,
 * a request on 1 June can book up to and including 1 July.
 */
export function lastBookableDate(office: Office, now: Date): DateString {
  return addDays(jstDate(now), office.horizonDays);
}

export function slotEnd(startsAt: Date): Date {
  return new Date(startsAt.getTime() + SLOT_MS);
}
