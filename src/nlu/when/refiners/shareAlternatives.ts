// 「3日か4日の午前」, 「来週の水か木曜」, 「明日の10時か11時」: alternatives share what only one of
// them says (the month, the week, the date, the part of day).
import { parseDateString, toDateString, weekday } from "../../../jst.ts";
import { nextDayOfMonth, nthWeekdayOf, todayOf, weekdayInWeek } from "../calendar.ts";
import { between, copy, dateOf, hasDate, hasPod, hasTime, isDateOnly, refiner, type Result, setDate, setTime } from "../components.ts";
import { getTag, hasTag, setTag, tagString } from "../tags.ts";
import { ALTERNATIVE_BETWEEN } from "./connectors.ts";

/** A reading moved to another day takes its same-day end along. */
function moveDate(r: Result, date: string): void {
  if (r.end && hasDate(r.end) && dateOf(r.end) === dateOf(r.start)) setDate(r.end, date);
  setDate(r.start, date);
}

export const shareAlternatives = refiner((context, results) => {
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    if (!ALTERNATIVE_BETWEEN.test(between(context, a, b))) continue;
    // the later one borrows the month or week of the earlier
    if (hasDate(a.start) && hasDate(b.start)) {
      const aDate = dateOf(a.start);
      if (hasTag(b.start, "dayOnly") && !hasTag(a.start, "dayOnly")) {
        const { year, month } = parseDateString(aDate);
        const d = nextDayOfMonth(toDateString(year, month, 1), b.start.get("day")!);
        if (d) moveDate(b, d < aDate ? (nextDayOfMonth(aDate, b.start.get("day")!) ?? d) : d);
      }
      // 1月の第2木曜か第3木曜: the month of the first, and no longer a guess
      const nthWeekday = getTag(b.start, "nthWithoutMonth");
      if (nthWeekday && !hasTag(a.start, "nthWithoutMonth")) {
        const [nth, wd] = nthWeekday.split(":").map(Number) as [number, number];
        const { year, month } = parseDateString(aDate);
        const d = nthWeekdayOf(year, month, nth, wd);
        if (d) {
          b.start = copy(b.start, tagString("confirm", "ambiguous_date"));
          moveDate(b, d);
        }
      }
      const week = getTag(a.start, "week");
      if (week !== undefined && hasTag(b.start, "bareWeekday")) {
        moveDate(b, weekdayInWeek(todayOf(context), week, weekday(dateOf(b.start))));
        setTag(b.start, "week", week);
      }
    }
    // the later one borrows the date of the earlier: 明日の10時か11時
    if (hasDate(a.start) && !hasDate(b.start) && (hasTime(b.start) || hasPod(b.start))) {
      setDate(b.start, dateOf(a.start));
      if (b.end) setDate(b.end, dateOf(a.start));
    }
  }
  // the earlier ones borrow the time or part of day of the last: 3日か4日の午前
  for (let i = results.length - 2; i >= 0; i--) {
    const a = results[i]!;
    const b = results[i + 1]!;
    if (!ALTERNATIVE_BETWEEN.test(between(context, a, b))) continue;
    // 今週か来週の金曜: the bare week takes the weekday
    const weekOnly = getTag(a.start, "weekOnly");
    if (weekOnly !== undefined && getTag(b.start, "week") !== undefined) {
      a.start = copy(a.start, tagString("vague", true));
      a.end = undefined;
      setDate(a.start, weekdayInWeek(todayOf(context), weekOnly, weekday(dateOf(b.start))));
      setTag(a.start, "week", weekOnly);
    }
    if (isDateOnly(a) && hasDate(b.start) && (hasTime(b.start) || hasPod(b.start))) {
      const pod = getTag(b.start, "pod");
      if (pod) setTag(a.start, "pod", pod);
      if (hasTime(b.start)) setTime(a.start, b.start.get("hour")!, b.start.get("minute")!);
      if (hasTag(b.start, "ambiguousHour")) setTag(a.start, "ambiguousHour", true);
      if (b.end && hasTime(b.end)) {
        const end = copy(b.end);
        setDate(end, dateOf(a.start));
        a.end = end;
      }
    }
  }
  return results;
});
