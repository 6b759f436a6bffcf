// Tiếng Việt dates and times, day before month: thứ Năm, 3/12 lúc 14:00. The JST arithmetic is jst.ts's.
// How this catalogue was written and checked: see index.ts.
import { jstDate, jstTime, parseDateString, weekday, type DateString } from "../../jst.ts";
import type { Catalogue } from "../catalogue.ts";

const weekdays = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];
const shortWeekdays = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"];

/** thứ Năm, 3/12 */
function date(day: DateString): string {
  const { month, day: dayOfMonth } = parseDateString(day);
  return `${weekdays[weekday(day)]}, ${dayOfMonth}/${month}`;
}

/** thứ Năm, 3/12 lúc 14:00 */
function instant(at: Date): string {
  return `${date(jstDate(at))} lúc ${jstTime(at)}`;
}

export const formats = {
  languageName: "Tiếng Việt",
  weekdays,
  date,
  instant,
  /** thứ Năm, 3/12, 14:00–14:30 */
  slot: (startsAt: Date, endsAt: Date) => `${date(jstDate(startsAt))}, ${jstTime(startsAt)}–${jstTime(endsAt)}`,
  start: instant,
  /** T5 3/12 14:00 — short enough for a LINE quick reply. */
  shortInstant: (at: Date) => {
    const day = jstDate(at);
    const { month, day: dayOfMonth } = parseDateString(day);
    return `${shortWeekdays[weekday(day)]} ${dayOfMonth}/${month} ${jstTime(at)}`;
  },
  timeRange: (from: string, to: string) => `${from}–${to}`,
  bookingChoice: (startsAt: Date) => {
    const day = jstDate(startsAt);
    const { month, day: dayOfMonth } = parseDateString(day);
    return `${shortWeekdays[weekday(day)]}, ${dayOfMonth}/${month} lúc ${jstTime(startsAt)}`;
  },
  row: (label: string, value: string) => `${label}: ${value}`,
  aside: (text: string, note: string) => `${text} (${note})`,
  or: (items: string[]) => items.join(" hoặc "),
  bullet: (item: string) => `• ${item}`,
} satisfies Catalogue["formats"];
