// 4日後, 今日から10日後, 2週間後, 3週先, 2週間後の火曜: days or weeks from today (a weekday picks its day in that week).
import { addDays } from "../../../../jst.ts";
import { todayOf, weekdayInWeek } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { WEEKDAY_KANJI } from "../constants.ts";

const MAX_DAYS_AHEAD = 400;

export const daysLaterParser = parser(
  /(?:(?:今|今日|本日)\s*から\s*)?(?<n>\d{1,3})\s*(?<unit>日|週間|週)\s*(?:後|先)(?:\s*の\s*(?<wd>[月火水木金土日])\s*(?:曜日?|よう日?))?/,
  (context, m) => {
    if (/[\d.]/.test(context.text[m.index! - 1] ?? "")) return null;
    const g = m.groups!;
    const n = Number(g.n);
    const days = g.unit === "日" ? n : n * 7;
    if (days > MAX_DAYS_AHEAD) return null;
    const today = todayOf(context);
    if (g.wd && g.unit !== "日") return dateComponents(context, weekdayInWeek(today, n, WEEKDAY_KANJI.indexOf(g.wd)));
    return dateComponents(context, addDays(today, days), g.wd);
  },
);
