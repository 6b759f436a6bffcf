// 简体中文 dates and times: 12月3日（周四）下午2:00. The JST arithmetic is jst.ts's.
// How this catalogue was written and checked: see index.ts.
import { jstDate, jstTime, parseDateString, weekday, type DateString } from "../../jst.ts";
import type { Catalogue } from "../catalogue.ts";

const weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/** 14:00 → 下午2:00; 9:30 → 上午9:30; 12:00 → 中午12:00 (a 24-hour "HH:mm"). */
export function clock(hm: string): string {
  const [h, m] = hm.split(":").map(Number) as [number, number];
  const mm = String(m).padStart(2, "0");
  if (h < 12) return `上午${h}:${mm}`;
  if (h === 12) return `中午12:${mm}`;
  return `下午${h - 12}:${mm}`;
}

/** 12月3日（周四） */
function date(day: DateString): string {
  const { month, day: dayOfMonth } = parseDateString(day);
  return `${month}月${dayOfMonth}日（${weekdays[weekday(day)]}）`;
}

/** 12月3日（周四）下午2:00 */
function instant(at: Date): string {
  return `${date(jstDate(at))}${clock(jstTime(at))}`;
}

export const formats = {
  languageName: "简体中文",
  weekdays,
  date,
  instant,
  /** 12月3日（周四）下午2:00～2:30 (the end keeps its 上午/下午 only when it changes) */
  slot: (startsAt: Date, endsAt: Date) => {
    const from = clock(jstTime(startsAt));
    const to = clock(jstTime(endsAt));
    return `${instant(startsAt)}～${from.slice(0, 2) === to.slice(0, 2) ? to.slice(2) : to}`;
  },
  start: (at: Date) => `${instant(at)}起`,
  /** 12/3（周四）14:00 — short enough for a LINE quick reply. */
  shortInstant: (at: Date) => {
    const day = jstDate(at);
    const { month, day: dayOfMonth } = parseDateString(day);
    return `${month}/${dayOfMonth}（${weekdays[weekday(day)]}）${jstTime(at)}`;
  },
  timeRange: (from: string, to: string) => `${from}～${to}`,
  bookingChoice: (startsAt: Date) => instant(startsAt),
  row: (label: string, value: string) => `${label}：${value}`,
  aside: (text: string, note: string) => `${text}（${note}）`,
  or: (items: string[]) => items.join("或"),
  bullet: (item: string) => `・${item}`,
} satisfies Catalogue["formats"];
