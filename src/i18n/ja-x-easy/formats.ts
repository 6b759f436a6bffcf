// Dates and times in やさしい日本語, as the guideline asks: plainly, with 午前・午後 and no 24-hour clock
// (12月3日(木) 午後2時～2時30分). No furigana here: these strings also go into mail and LINE cards.
import { jstDate, jstTime, parseDateString, weekday, type DateString } from "../../jst.ts";
import type { SeekerCatalogue } from "../catalogue.ts";

const weekdays = ["日", "月", "火", "水", "木", "金", "土"];

/** 12月3日(木) */
function date(day: DateString): string {
  const { month, day: dayOfMonth } = parseDateString(day);
  return `${month}月${dayOfMonth}日(${weekdays[weekday(day)]})`;
}

/** 14:00 → 午後2時, 10:30 → 午前10時30分, 12:00 → 午後0時 (the way the guideline's examples write noon). */
export function clock(hhmm: string, withHalf = true): string {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const half = h < 12 ? "午前" : "午後";
  return `${withHalf ? half : ""}${h % 12}時${m ? `${m}分` : ""}`;
}

/** 12月3日(木) 午後2時 */
function instant(at: Date): string {
  return `${date(jstDate(at))} ${clock(jstTime(at))}`;
}

export const formats = {
  languageName: "やさしい にほんご",
  weekdays,
  date,
  instant,
  /** 12月3日(木) 午後2時～2時30分 (the end keeps 午前・午後 only when it changes) */
  slot: (startsAt: Date, endsAt: Date) => {
    const [from, to] = [jstTime(startsAt), jstTime(endsAt)];
    const sameHalf = Number(from.slice(0, 2)) < 12 === Number(to.slice(0, 2)) < 12;
    return `${instant(startsAt)}～${clock(to, !sameHalf)}`;
  },
  start: (at: Date) => `${instant(at)}から`,
  /** 12/3(木) 午後2時 — short enough for a LINE quick reply. */
  shortInstant: (at: Date) => {
    const day = jstDate(at);
    const { month, day: dayOfMonth } = parseDateString(day);
    return `${month}/${dayOfMonth}(${weekdays[weekday(day)]}) ${clock(jstTime(at))}`;
  },
  timeRange: (from: string, to: string) => `${clock(from)}～${clock(to)}`,
  bookingChoice: (startsAt: Date) => instant(startsAt),
  row: (label: string, value: string) => `${label}：${value}`,
  aside: (text: string, note: string) => `${text}（${note}）`,
  or: (items: string[]) => items.join(" か "),
  bullet: (item: string) => `・${item}`,
} satisfies SeekerCatalogue["formats"];
