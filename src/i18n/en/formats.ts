// Dates and times in British English: Thu 3 Dec, 14:00–14:30. The JST arithmetic is jst.ts's.
import { jstDate, jstInstant, jstTime, parseDateString, weekday, type DateString } from "../../jst.ts";
import type { Catalogue } from "../catalogue.ts";

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Thu 3 Dec */
function date(day: DateString): string {
  const { day: dayOfMonth } = parseDateString(day);
  const monthName = jstInstant(day, "12:00").toLocaleString("en-GB", { month: "short", timeZone: "Asia/Tokyo" });
  return `${weekdays[weekday(day)]} ${dayOfMonth} ${monthName}`;
}

/** Thu 3 Dec, 14:00 */
function instant(at: Date): string {
  return `${date(jstDate(at))}, ${jstTime(at)}`;
}

export const formats = {
  languageName: "English",
  weekdays,
  date,
  instant,
  /** Thu 3 Dec, 14:00–14:30 */
  slot: (startsAt: Date, endsAt: Date) => `${instant(startsAt)}–${jstTime(endsAt)}`,
  start: instant,
  /** Thu 3/12 14:00 */
  shortInstant: (at: Date) => {
    const day = jstDate(at);
    const { month, day: dayOfMonth } = parseDateString(day);
    return `${weekdays[weekday(day)]} ${dayOfMonth}/${month} ${jstTime(at)}`;
  },
  timeRange: (from: string, to: string) => `${from}–${to}`,
  // The whole slot, as before: cut to 20 characters it ends inside the end time ("…, 14:00–14:").
  bookingChoice: (startsAt: Date) => `${instant(startsAt)}–${jstTime(new Date(startsAt.getTime() + 30 * 60_000))}`,
  row: (label: string, value: string) => `${label}: ${value}`,
  // With no text, the note follows what stands before it: " (note)".
  aside: (text: string, note: string) => `${text} (${note})`,
  or: (items: string[]) => items.join(" or "),
  bullet: (item: string) => `• ${item}`,
} satisfies Catalogue["formats"];
