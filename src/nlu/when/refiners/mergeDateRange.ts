// 12月3日から5日, 月曜~水曜: a range of dates; a bare day takes the month of the start.
import { addDays, daysBetween, weekday } from "../../../jst.ts";
import { nextDayOfMonth } from "../calendar.ts";
import { between, copy, dateOf, hasDate, hasPod, hasTime, joined, refiner, type Result, setDate } from "../components.ts";
import { getTag, hasTag, setTag } from "../tags.ts";
import { RANGE_BETWEEN } from "./connectors.ts";

const MAX_RANGE_DAYS = 31;

export const mergeDateRange = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && hasDate(prev.start) && !prev.end && hasDate(r.start) && !hasTime(r.start) && !hasTime(prev.start) && RANGE_BETWEEN.test(between(context, prev, r))) {
      const end = copy(r.start);
      const startDate = dateOf(prev.start);
      let endDate = dateOf(end);
      if (hasTag(end, "dayOnly")) endDate = nextDayOfMonth(startDate, end.get("day")!) ?? endDate;
      if (hasTag(end, "bareWeekday")) endDate = addDays(startDate, (weekday(endDate) - weekday(startDate) + 7) % 7);
      if (endDate > startDate && daysBetween(startDate, endDate) <= MAX_RANGE_DAYS) {
        setDate(end, endDate);
        const merged = joined(context, prev, r, copy(prev.start), end);
        const pod = getTag(r.start, "pod");
        if (pod && !hasPod(merged.start)) setTag(merged.start, "pod", pod);
        out[out.length - 1] = merged;
        continue;
      }
    }
    out.push(r);
  }
  return out;
});
