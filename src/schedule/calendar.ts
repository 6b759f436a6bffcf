import holidayJp from "@holiday-jp/holiday_jp";
import type { OfficeId } from "../config.ts";
import type { Locale } from "../i18n/locales.ts";
import { addDays, parseDateString, weekday, type DateString } from "../jst.ts";

/** A day an office is shut at short notice (a typhoon day). Staff add these at run time. */
export interface Closure {
  /** The office closed, as stored; null closes every office. */
  officeId: string | null;
  date: DateString;
  reason: string;
}

export type ClosedReason =
  | { kind: "weekend" }
  | { kind: "holiday"; name: Record<Locale, string> }
  | { kind: "year_end" }
  | { kind: "closure"; reason: string };

// The package types every date as a literal key; we only ever look up arbitrary strings.
const holidays = holidayJp.holidays as Readonly<Record<string, { name: string; name_en: string } | undefined>>;

/**
 * The national holiday on a date, with its name in each locale, or null. The package names holidays in
 * Japanese and English only: a new locale gives its names here (the type checker asks for them).
 */
export function holidayOn(date: DateString): Record<Locale, string> | null {
  const h = holidays[date];
  // Chinese reads the Japanese name (its kanji), Vietnamese the English one
  return h ? { ja: h.name, en: h.name_en, "ja-x-easy": h.name, "zh-Hans": h.name, vi: h.name_en } : null;
}

/** 12/29–1/3, the year-end and New Year closure every Hello Work office keeps. */
export function isYearEndClosure(date: DateString): boolean {
  const { month, day } = parseDateString(date);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
}

/** Looks up ad-hoc closures for one office; the first matching entry wins. */
export type ClosureLookup = (date: DateString) => string | undefined;

export function closureLookup(officeId: OfficeId, closures: readonly Closure[]): ClosureLookup {
  const byDate = new Map<DateString, string>();
  for (const c of closures) {
    if ((c.officeId === null || c.officeId === officeId) && !byDate.has(c.date)) byDate.set(c.date, c.reason);
  }
  return (date) => byDate.get(date);
}

/**
 * Why an office is shut on a date, or null on a business day. When several reasons apply, the
 * order is year_end, weekend, holiday, closure: the most permanent reason explains the day best.
 */
export function closedReason(
  officeId: OfficeId,
  date: DateString,
  closures: readonly Closure[] | ClosureLookup,
): ClosedReason | null {
  if (isYearEndClosure(date)) return { kind: "year_end" };
  const wd = weekday(date);
  if (wd === 0 || wd === 6) return { kind: "weekend" };
  const holiday = holidayOn(date);
  if (holiday) return { kind: "holiday", name: holiday };
  const lookup = typeof closures === "function" ? closures : closureLookup(officeId, closures);
  const reason = lookup(date);
  return reason === undefined ? null : { kind: "closure", reason };
}

export function isBusinessDay(officeId: OfficeId, date: DateString, closures: readonly Closure[] | ClosureLookup): boolean {
  return closedReason(officeId, date, closures) === null;
}

// No real calendar has a year without a business day; the bound only stops a runaway loop when
// staff have closed every day by mistake.
const MAX_SEARCH_DAYS = 366;

/** The last business day strictly before a date. */
export function previousBusinessDay(
  officeId: OfficeId,
  date: DateString,
  closures: readonly Closure[] | ClosureLookup,
): DateString {
  return stepToBusinessDay(officeId, date, closures, -1);
}

/** The first business day strictly after a date. */
export function nextBusinessDay(
  officeId: OfficeId,
  date: DateString,
  closures: readonly Closure[] | ClosureLookup,
): DateString {
  return stepToBusinessDay(officeId, date, closures, 1);
}

function stepToBusinessDay(officeId: OfficeId, date: DateString, closures: readonly Closure[] | ClosureLookup, step: 1 | -1): DateString {
  const lookup = typeof closures === "function" ? closures : closureLookup(officeId, closures);
  let d = date;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    d = addDays(d, step);
    if (isBusinessDay(officeId, d, lookup)) return d;
  }
  throw new RangeError(`no business day for office ${officeId} in the year ${step < 0 ? "before" : "after"} ${date}`);
}
