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
