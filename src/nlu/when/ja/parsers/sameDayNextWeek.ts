// 来週の今日, 再来週の今日: the same weekday one or two weeks on.
import { addDays } from "../../../../jst.ts";
import { todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { WEEK_OFFSETS } from "../constants.ts";

export const sameDayNextWeekParser = parser(/(?<week>来週|再来週|さ来週)\s*の\s*(?:今日|同じ曜日)/, (context, m) =>
  dateComponents(context, addDays(todayOf(context), 7 * WEEK_OFFSETS[m.groups!.week!]!)),
);
