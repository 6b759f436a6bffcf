// 下周, 这周, 下个星期 without a day: the week's working days, said loosely.
import { todayOf, weekdayInWeek } from "../../calendar.ts";
import { parser, vagueSpan } from "../../components.ts";
import { ZH_WEEK_OFFSETS } from "../constants.ts";

export const zhWeekSpanParser = parser(
  new RegExp(String.raw`(?<week>${Object.keys(ZH_WEEK_OFFSETS).join("|")})\s*(?:周|星期|礼拜)(?![一二三四五六日天1-7]|末)(?<part>内|之内|中)?`),
  (context, m) => {
    const weeks = ZH_WEEK_OFFSETS[m.groups!.week!]!;
    if (weeks < 0) return null;
    const today = todayOf(context);
    return vagueSpan(context, m.index!, m[0], weekdayInWeek(today, weeks, 1), weekdayInWeek(today, weeks, 5), today);
  },
);
