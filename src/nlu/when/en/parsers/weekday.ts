// "Thursday", "this Friday", "next Tuesday": a weekday ("next" on a Tuesday means next week's).
import { nextWeekday, todayOf, weekdayInWeek } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { WEEKDAY_NAMES } from "../constants.ts";

export const enWeekdayParser = parser(
  /\b(?:(?<which>this|next|coming|on)\s+)?(?<wd>mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b(?!\s+(?:next|this)\s+week)/i,
  (context, m) => {
    // 12/7 (Mon), Dec 7 (Mon): the weekday restates the date before it
    if (/\d\s*\(\s*$/.test(context.text.slice(0, m.index!))) return null;
    const wd = WEEKDAY_NAMES.indexOf(m.groups!.wd!.slice(0, 3).toLowerCase() as (typeof WEEKDAY_NAMES)[number]);
    const today = todayOf(context);
    const which = m.groups!.which?.toLowerCase();
    const date = which === "this" ? weekdayInWeek(today, 0, wd) : which === "next" ? weekdayInWeek(today, 1, wd) : nextWeekday(today, wd);
    const c = dateComponents(context, date);
    if (which === "next") setTag(c, "week", 1);
    else setTag(c, "bareWeekday", true);
    return c;
  },
);
