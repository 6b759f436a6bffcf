// 下周二, 这个星期五, 礼拜三, (周四): a weekday, in a named week or the next one. Weeks start on Monday.
import { nextWeekday, todayOf, weekdayInWeek } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { ZH_WEEKDAYS, ZH_WEEK_OFFSETS } from "../constants.ts";

export const zhWeekdayParser = parser(
  new RegExp(String.raw`(?<open>\(\s*)?(?<week>${Object.keys(ZH_WEEK_OFFSETS).join("|")})?\s*(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])(?:\s*\))?`),
  (context, m) => {
    const g = m.groups!;
    const wd = ZH_WEEKDAYS[g.wd!]!;
    const today = todayOf(context);
    const ahead = g.week !== undefined ? ZH_WEEK_OFFSETS[g.week]! : undefined;
    const c = dateComponents(context, ahead !== undefined ? weekdayInWeek(today, ahead, wd) : nextWeekday(today, wd));
    if (ahead !== undefined) setTag(c, "week", ahead);
    else setTag(c, "bareWeekday", true);
    return c;
  },
);
