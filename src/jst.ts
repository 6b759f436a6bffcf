// Calendar arithmetic in Asia/Tokyo. JST has no daylight saving, so it is UTC+09:00 all year;
// everything here is independent of the host's TZ.

export const JST_OFFSET_MINUTES = 540;
const OFFSET_MS = JST_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A calendar date in Asia/Tokyo, 'YYYY-MM-DD'. */
export type DateString = string;
/** A wall-clock time in Asia/Tokyo, 'HH:mm'. */
export type TimeString = string;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The JST calendar date of an instant. */
export function jstDate(instant: Date): DateString {
  const d = new Date(instant.getTime() + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The JST wall-clock time of an instant, 'HH:mm'. */
export function jstTime(instant: Date): TimeString {
  const d = new Date(instant.getTime() + OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Minutes since JST midnight of an instant. */
export function jstMinuteOfDay(instant: Date): number {
  const d = new Date(instant.getTime() + OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** The instant of a JST date and wall-clock time. */
export function jstInstant(date: DateString, time: TimeString = "00:00"): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - OFFSET_MS);
}

export function parseDateString(date: DateString): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

export function toDateString(year: number, month: number, day: number): DateString {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Whether year/month/day names a real calendar date. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: DateString, days: number): DateString {
  const { year, month, day } = parseDateString(date);
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return toDateString(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: DateString, b: DateString): number {
  const pa = parseDateString(a);
  const pb = parseDateString(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: DateString): number {
  const { year, month, day } = parseDateString(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function minutesOf(time: TimeString): number {
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return hh * 60 + mm;
}

export function timeOf(minutes: number): TimeString {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** 08:30 → 8:30, the way offices print their hours. */
export function clockText(time: TimeString): string {
  return time.replace(/^0(\d)/, "$1");
}
