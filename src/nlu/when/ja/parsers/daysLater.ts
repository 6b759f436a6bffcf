// 4日後, 2週間後, 3週先: days or weeks from today.
import { addDays } from "../../../../jst.ts";
import { todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";

const MAX_DAYS_AHEAD = 400;

export const daysLaterParser = parser(/(?<n>\d{1,3})\s*(?<unit>日|週間|週)\s*(?:後|先)/, (context, m) => {
  if (/[\d.]/.test(context.text[m.index! - 1] ?? "")) return null;
  const n = Number(m.groups!.n);
  const days = m.groups!.unit === "日" ? n : n * 7;
  if (days > MAX_DAYS_AHEAD) return null;
  return dateComponents(context, addDays(todayOf(context), days));
});
