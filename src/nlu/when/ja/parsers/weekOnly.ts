// 「来週」 alone: a week, not a day — the bot has to ask which day.
import { addDays } from "../../../../jst.ts";
import { todayOf, weekdayInWeek } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { WEEK_ONLY_OFFSETS } from "../constants.ts";

export const weekOnlyParser = parser(
  /(?<week>今週|来週|再来週|翌週)(?:中|のどこか|あたり|のうち|以降|の)?(?!\s*(?:の\s*)?[月火水木金土日]\s*(?:曜|\())/,
  (context, m) => {
    const weeks = WEEK_ONLY_OFFSETS[m.groups!.week!]!;
    const today = todayOf(context);
    let date = weekdayInWeek(today, weeks, 1);
    if (date <= today) date = addDays(today, 1);
    const c = dateComponents(context, date);
    setTag(c, "confirm", "ambiguous_date");
    setTag(c, "weekOnly", weeks);
    return c;
  },
);
