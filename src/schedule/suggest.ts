import { addDays, jstDate, jstMinuteOfDay, minutesOf, timeOf, type DateString, type TimeString } from "../jst.ts";
import {
  availableSlots,
  dayRefusal,
  prepareSchedule,
  type PreparedSchedule,
  type ScheduleContext,
  type Slot,
} from "./availability.ts";
import { SLOT_MINUTES } from "./slots.ts";

/** What the user asked for: a point (「明日14時」), a window (「明日の午後」 13:00–17:00) or a whole day. */
export type Wish =
  | { kind: "point"; date: DateString; time: TimeString }
  | { kind: "window"; date: DateString; from: TimeString; to: TimeString }
  | { kind: "day"; date: DateString };

type SortKey = readonly number[];

/** How well a slot start (minutes) fits the wish's time of day; lower is better, compared in order. */
function timeFit(wish: Wish): (minute: number) => SortKey {
  switch (wish.kind) {
    case "point": {
      const t = minutesOf(wish.time);
      return (m) => [Math.abs(m - t), m];
    }
    case "window": {
      const from = minutesOf(wish.from);
      const to = minutesOf(wish.to);
      return (m) => {
        if (m >= from && m + SLOT_MINUTES <= to) return [0, 0, m];
        return [1, m < from ? from - m : m + SLOT_MINUTES - to, m];
      };
    }
    case "day":
      return (m) => [m];
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The n bookable slots nearest to a wish, each one checkSlot would accept. The wished day comes
 * first, then the following days in date order; on every day the wish's time of day decides the
 * order (nearest to a point, ties earlier; inside a window first, then nearest to it; a whole day
 * earliest first). Only when the days from the wish up to the horizon run out are earlier days
 * offered, nearest to the wish first (a wish beyond the horizon still gets the last bookable days).
 */
export function suggestSlots(
  ctx: ScheduleContext | PreparedSchedule,
  wish: Wish,
  n: number,
  options: { counsellorId?: string } = {},
): Slot[] {
  const p = "plan" in ctx ? ctx : prepareSchedule(ctx);
  const found: Slot[] = [];
  if (n <= 0) return found;
  const fit = timeFit(wish);
  const takeDay = (date: DateString): boolean => {
    if (dayRefusal(p, date)) return false;
    const slots = availableSlots(p, date, options);
    const keyed = slots.map((s) => ({ s, key: fit(jstMinuteOfDay(s.startsAt)) }));
    keyed.sort((a, b) => compareKeys(a.key, b.key));
    for (const { s } of keyed) {
      found.push(s);
      if (found.length >= n) return true;
    }
    return false;
  };

  const first = wish.date > p.today ? wish.date : p.today;
  for (let d = first; d <= p.lastDate; d = addDays(d, 1)) {
    if (takeDay(d)) return found;
  }
  for (let d = first > p.lastDate ? p.lastDate : addDays(first, -1); d >= p.today; d = addDays(d, -1)) {
    if (takeDay(d)) return found;
  }
  return found;
}

/**
 * For a named counsellor who is not free at the asked time: their nearest free slots and,
 * separately, the nearest slots with anyone.
 */
export function suggestAlternatives(
  ctx: ScheduleContext | PreparedSchedule,
  request: { startsAt: Date; counsellorId: string },
  n: number,
): { withCounsellor: Slot[]; withAnyone: Slot[] } {
  const p = "plan" in ctx ? ctx : prepareSchedule(ctx);
  const wish: Wish = { kind: "point", date: jstDate(request.startsAt), time: timeOf(jstMinuteOfDay(request.startsAt)) };
  return {
    withCounsellor: suggestSlots(p, wish, n, { counsellorId: request.counsellorId }),
    withAnyone: suggestSlots(p, wish, n),
  };
}

