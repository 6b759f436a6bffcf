// 来週, 来週中, 来週のどこか, 来週の前半/後半, 今週中, 再来週: a week, as a vague span of its
// working days (Monday to Friday), or the early or late part of them.
import { todayOf, weekdayInWeek } from "../../calendar.ts";
import { parser, vagueSpan } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { WEEK_ONLY_OFFSETS } from "../constants.ts";

const MONDAY = 1;
const WEDNESDAY = 3;
const THURSDAY = 4;
const FRIDAY = 5;

export const weekSpanParser = parser(
  /(?<week>今週|来週|翌週|再来週|さ来週)(?:\s*(?:の\s*)?(?:(?<early>前半|頭|初め|始め)|(?<late>後半|終わり|末)))?(?:中|の\s*どこか|のうち|あたり|辺り|くらい|ぐらい)*(?!\s*(?:の\s*)?(?:[月火水木金土日]|今日|同じ))/,
  (context, m) => {
    const g = m.groups!;
    const weeks = WEEK_ONLY_OFFSETS[g.week!] ?? 2;
    const today = todayOf(context);
    const from = weekdayInWeek(today, weeks, g.late ? THURSDAY : MONDAY);
    const to = weekdayInWeek(today, weeks, g.early ? WEDNESDAY : FRIDAY);
    const r = vagueSpan(context, m.index!, m[0], from, to, today);
    // this week's working days are over: ask which day is meant
    if (!r) {
      const c = context.createParsingComponents();
      setTag(c, "confirm", "past_date");
      return context.createParsingResult(m.index!, m[0], c);
    }
    if (!g.early && !g.late) setTag(r.start, "weekOnly", weeks);
    return r;
  },
);
