// 12月3日から5日, 月曜~水曜: a range of dates; a bare day takes the month of the start.
import type { ParsingContext } from "chrono-node";
import { addDays, daysBetween, weekday } from "../../../jst.ts";
import { nextDayOfMonth } from "../calendar.ts";
import { between, copy, dateOf, hasDate, hasPod, hasTime, joined, refiner, type Result, setDate } from "../components.ts";
import { getTag, hasTag, setTag, tagString } from "../tags.ts";
import { MOVE_FOLLOWS, RANGE_BETWEEN } from "./connectors.ts";

const MAX_RANGE_DAYS = 31;

/**
 * 12月9日10時から12月11日12時まで: from one dated time to a later one. 12/3~12/4の13時~15時: days
 * that share a time range run from its start on the first day to its end on the last.
 */
function timedRange(context: ParsingContext, prev: Result, r: Result): Result | null {
  const startDate = dateOf(prev.start);
  if (dateOf(r.start) <= startDate || daysBetween(startDate, dateOf(r.start)) > MAX_RANGE_DAYS) return null;
  if (hasTime(prev.start) && hasTime(r.start) && !r.end) return joined(context, prev, r, copy(prev.start), copy(r.start, tagString("open", "before")));
  if (!hasTime(prev.start) && !hasPod(prev.start) && hasTime(r.start) && r.end && hasTime(r.end) && dateOf(r.end) === dateOf(r.start)) {
    const start = copy(r.start);
    setDate(start, startDate);
    return joined(context, prev, r, start, copy(r.end));
  }
  // 12月3日から12月5日の14時: each day at 14:00, or until 14:00 on the last? Ask.
  if (!hasTime(prev.start) && !hasPod(prev.start) && hasTime(r.start) && !r.end) {
    const start = copy(r.start);
    setDate(start, startDate);
    setTag(start, "confirm", "ambiguous_date");
    return joined(context, prev, r, start, setDate(context.createParsingComponents(), dateOf(r.start)));
  }
  return null;
}

export const mergeDateRange = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    // 予約を12月8日から12月10日に変更: a move, not a range
    const ranged = prev && hasDate(prev.start) && !prev.end && hasDate(r.start) && RANGE_BETWEEN.test(between(context, prev, r)) && !MOVE_FOLLOWS.test(context.text.slice(r.index + r.text.length));
    if (ranged && (hasTime(prev.start) || hasTime(r.start))) {
      const merged = timedRange(context, prev, r);
      if (merged) {
        out[out.length - 1] = merged;
        continue;
      }
    }
    if (ranged && !hasTime(r.start) && !hasTime(prev.start)) {
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
