// "next week Tuesday", "Tuesday next week", "this week's Friday": a weekday in a named week.
import { todayOf, weekdayInWeek } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { WEEKDAY_NAMES } from "../constants.ts";

export const enNextWeekWeekdayParser = parser(
  /\b(?:(?<which>next|this|the following)\s+week(?:'s)?\s+(?<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?<wdFirst>mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(?<whichAfter>next|this)\s+week)\b/i,
  (context, m) => {
    const g = m.groups!;
    const wd = WEEKDAY_NAMES.indexOf((g.wd ?? g.wdFirst)!.toLowerCase() as (typeof WEEKDAY_NAMES)[number]);
    const ahead = (g.which ?? g.whichAfter)!.toLowerCase() === "this" ? 0 : 1;
    const c = dateComponents(context, weekdayInWeek(todayOf(context), ahead, wd));
    setTag(c, "week", ahead);
    return c;
  },
);
