// Calendar arithmetic on 'YYYY-MM-DD' strings in Tokyo (weeks start on Monday).
import type { ParsingContext } from "chrono-node";
import { addDays, isValidDate, jstDate, parseDateString, toDateString, weekday } from "../../jst.ts";

export function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function todayOf(context: ParsingContext): string {
  return jstDate(context.reference.instant);
}

/** The next occurrence (today included) of month/day. */
export function nextMonthDay(today: string, month: number, day: number): { date: string; years: number } | null {
  const { year } = parseDateString(today);
  for (let y = year; y <= year + 8; y++) {
    if (!isValidDate(y, month, day)) continue;
    const d = toDateString(y, month, day);
    if (d >= today) return { date: d, years: y - year };
  }
  return null;
}

/** The next date (today included) whose day of month is `day`. */
export function nextDayOfMonth(from: string, day: number): string | null {
  let { year, month } = parseDateString(from);
  for (let i = 0; i < 4; i++) {
    if (isValidDate(year, month, day)) {
      const d = toDateString(year, month, day);
      if (d >= from) return d;
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return null;
}

export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** A weekday in the week `weeksAhead` from this one (weeks start on Monday). */
export function weekdayInWeek(today: string, weeksAhead: number, wd: number): string {
  return addDays(mondayOf(today), 7 * weeksAhead + ((wd + 6) % 7));
}

/** The first such weekday after today. */
export function nextWeekday(today: string, wd: number): string {
  return addDays(today, (wd - weekday(today) + 7) % 7 || 7);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The year and month `ahead` months after the month of `date`. */
export function monthsAhead(date: string, ahead: number): { year: number; month: number } {
  const { year, month } = parseDateString(date);
  const total = year * 12 + (month - 1) + ahead;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

/** The next occurrence of a month (this month included): its year. */
export function yearOfNextMonth(today: string, month: number): number {
  const { year, month: now } = parseDateString(today);
  return month >= now ? year : year + 1;
}

/** The nth (1-based; -1 for the last) weekday `wd` of a month, or null when there is none. */
export function nthWeekdayOf(year: number, month: number, nth: number, wd: number): string | null {
  const days = daysInMonth(year, month);
  if (nth === -1) {
    const last = toDateString(year, month, days);
    return addDays(last, -((weekday(last) - wd + 7) % 7));
  }
  const first = toDateString(year, month, 1);
  const day = 1 + ((wd - weekday(first) + 7) % 7) + 7 * (nth - 1);
  return day <= days ? toDateString(year, month, day) : null;
}
