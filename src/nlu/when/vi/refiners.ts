// What only Vietnamese needs: the week comes last (sáng thứ Tư hoặc thứ Năm tuần sau), so an earlier
// alternative borrows the later one's week, and a later one the earlier one's part of the day.
import { weekday } from "../../../jst.ts";
import { todayOf, weekdayInWeek } from "../calendar.ts";
import { between, dateOf, hasDate, hasPod, hasTime, refiner, setDate } from "../components.ts";
import { ALTERNATIVE_BETWEEN } from "../refiners/connectors.ts";
import { getTag, hasTag, setTag } from "../tags.ts";

export const viShareAlternatives = refiner((context, results) => {
  for (let i = results.length - 2; i >= 0; i--) {
    const a = results[i]!;
    const b = results[i + 1]!;
    if (!ALTERNATIVE_BETWEEN.test(between(context, a, b)) || !hasDate(a.start) || !hasDate(b.start)) continue;
    const week = getTag(b.start, "week");
    if (week !== undefined && hasTag(a.start, "bareWeekday")) {
      setDate(a.start, weekdayInWeek(todayOf(context), week, weekday(dateOf(a.start))));
      setTag(a.start, "week", week);
    }
    const pod = getTag(a.start, "pod");
    if (pod && !hasTime(a.start) && !hasPod(b.start) && !hasTime(b.start) && !b.end) setTag(b.start, "pod", pod);
  }
  return results;
});
