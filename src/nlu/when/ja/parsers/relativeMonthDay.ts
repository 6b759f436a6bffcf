// 来月10日, 今月の30日: a day in a month named relative to this one.
import { isValidDate, parseDateString, toDateString } from "../../../../jst.ts";
import { todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { MONTH_OFFSETS } from "../constants.ts";

export const relativeMonthDayParser = parser(/(?<month>今月|来月|再来月|翌月)\s*(?:の\s*)?(?<day>\d{1,2})\s*日(?![間後前])/, (context, m) => {
  const { year, month } = parseDateString(todayOf(context));
  const total = year * 12 + (month - 1) + MONTH_OFFSETS[m.groups!.month!]!;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  const day = Number(m.groups!.day);
  if (!isValidDate(y, mo, day)) return null;
  return dateComponents(context, toDateString(y, mo, day));
});
