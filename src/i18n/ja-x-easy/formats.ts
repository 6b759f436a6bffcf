// Dates and times as Japanese offices write them: 12月3日(木) 14:00～14:30. The JST arithmetic is jst.ts's.
import type { SeekerCatalogue } from "../catalogue.ts";
import { jstDate, jstTime, parseDateString, weekday, type DateString } from "../../jst.ts";

const weekdays = ["日", "月", "火", "水", "木", "金", "土"];

/** 12月3日(木) */
function date(day: DateString): string {
  const { month, day: dayOfMonth } = parseDateString(day);
  return `${month}月${dayOfMonth}日(${weekdays[weekday(day)]})`;
}

/** 12月3日(木) 14:00 */
function instant(at: Date): string {
  return `${date(jstDate(at))} ${jstTime(at)}`;
}

export const formats = {
  /** The language's own name, as a person choosing it reads it. */
  languageName: "やさしい にほんご",
  weekdays,
  date,
  instant,
  /** 12月3日(木) 14:00～14:30 */
  slot: (startsAt: Date, endsAt: Date) => `${instant(startsAt)}～${jstTime(endsAt)}`,
  /** 12月3日(木) 14:00～, a start in a subject line. */
  start: (at: Date) => `${instant(at)}～`,
  /** 12/3(木) 14:00 — short enough for a LINE quick reply. */
  shortInstant: (at: Date) => {
    const day = jstDate(at);
    const { month, day: dayOfMonth } = parseDateString(day);
    return `${month}/${dayOfMonth}(${weekdays[weekday(day)]}) ${jstTime(at)}`;
  },
  /** 8:30～17:15 */
  timeRange: (from: string, to: string) => `${from}～${to}`,
  /** A booking on a quick-reply button (the flow cuts it to 20 characters). */
  bookingChoice: (startsAt: Date) => instant(startsAt),
  /** A row of a summary: 「お名前：長崎 太郎」 */
  row: (label: string, value: string) => `${label}：${value}`,
  /** 「ハローワーク長崎（築町）」 */
  aside: (text: string, note: string) => `${text}（${note}）`,
  /** 「14:00か14:30」 */
  or: (items: string[]) => items.join("か"),
  /** Items in a list of alternatives. */
  bullet: (item: string) => `・${item}`,
} satisfies SeekerCatalogue["formats"];
