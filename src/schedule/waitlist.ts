// When waitlist offers (キャンセル待ち) are made and how long they last: only in the offer hours of a
// Tokyo day, and an offer's minutes stop overnight, so nobody loses a slot while asleep.
import { addDays, jstDate, jstInstant, jstMinuteOfDay, minutesOf } from "../jst.ts";

export const OFFER_HOURS = { from: "08:30", to: "20:00" } as const;

/** Whether an offer may be made at this instant. */
export function inOfferHours(now: Date): boolean {
  const minute = jstMinuteOfDay(now);
  return minute >= minutesOf(OFFER_HOURS.from) && minute < minutesOf(OFFER_HOURS.to);
}

/**
 * When an offer made at `from` runs out after `minutes` of offer hours: the clock runs from 8:30 to
 * 20:00 and waits overnight (an offer made at 19:50 for 30 minutes lasts until 8:50 the next day).
 */
export function offerExpiry(from: Date, minutes: number): Date {
  let left = minutes * 60_000;
  let date = jstDate(from);
  let at = from;
  for (let guard = 0; guard < 400; guard++) {
    const opens = jstInstant(date, OFFER_HOURS.from);
    const closes = jstInstant(date, OFFER_HOURS.to);
    const start = at < opens ? opens : at;
    if (start < closes) {
      const room = closes.getTime() - start.getTime();
      if (left <= room) return new Date(start.getTime() + left);
      left -= room;
    }
    date = addDays(date, 1);
    at = jstInstant(date, OFFER_HOURS.from);
  }
  return at;
}
