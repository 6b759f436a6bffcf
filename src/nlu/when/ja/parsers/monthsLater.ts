// 1ヶ月後, 2か月後の15日: months from today, on a given day or the same day of the month.
import { isValidDate, toDateString } from "../../../../jst.ts";
import { daysInMonth, monthsAhead, todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";

const MAX_MONTHS_AHEAD = 12;

export const monthsLaterParser = parser(/(?<n>\d{1,2})\s*(?:か|ヶ|ケ|カ|ヵ|箇)\s*月\s*(?:後|先)(?:\s*の\s*(?<day>\d{1,2})\s*日)?/, (context, m) => {
  if (/[\d.]/.test(context.text[m.index! - 1] ?? "")) return null;
  const n = Number(m.groups!.n);
  if (n < 1 || n > MAX_MONTHS_AHEAD) return null;
  const today = todayOf(context);
  const { year, month } = monthsAhead(today, n);
  const day = m.groups!.day ? Number(m.groups!.day) : Math.min(Number(today.slice(8)), daysInMonth(year, month));
  if (!isValidDate(year, month, day)) return null;
  return dateComponents(context, toDateString(year, month, day));
});
