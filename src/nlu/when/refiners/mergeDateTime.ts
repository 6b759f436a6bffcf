// 明日の14時, 12月3日(木)午後, 午後、12月4日: a date and a time or part of day next to each other.
import type { ParsingContext } from "chrono-node";
import { between, type Components, copy, dateOf, hasDate, hasPod, hasTime, isDateOnly, isTimeLike, refiner, type Result, setDate } from "../components.ts";
import { getTag, setTag } from "../tags.ts";
import { DATE_TIME_BETWEEN, SPAN_TIME_BETWEEN } from "./connectors.ts";

/** The time of `timeResult` on the date of `dateResult`, spanning from `first` to `last`. */
export function attachTime(context: ParsingContext, dateResult: Result, timeResult: Result, first: Result, last: Result): Result {
  const date = dateOf(dateResult.start);
  const start = copy(timeResult.start);
  setDate(start, date);
  start.addTags(dateResult.start.tags());
  let end: Components | undefined;
  if (timeResult.end) {
    end = copy(timeResult.end);
    setDate(end, date);
  }
  return context.createParsingResult(first.index, last.index + last.text.length, start, end);
}

export const mergeDateTime = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    // a span or range of days meets a part of the day: 来週の午後ならいつでも, 14日から18日の間の午後
    if (prev && prev.end && hasDate(prev.start) && !hasTime(prev.start) && !hasPod(prev.start) && isTimeLike(r) && !hasTime(r.start) && SPAN_TIME_BETWEEN.test(between(context, prev, r))) {
      const start = copy(prev.start);
      setTag(start, "pod", getTag(r.start, "pod")!);
      out[out.length - 1] = context.createParsingResult(prev.index, r.index + r.text.length, start, prev.end);
      continue;
    }
    if (prev && isDateOnly(prev) && isTimeLike(r) && DATE_TIME_BETWEEN.test(between(context, prev, r))) {
      out[out.length - 1] = attachTime(context, prev, r, prev, r);
      continue;
    }
    if (prev && isTimeLike(prev) && !prev.end && isDateOnly(r) && /^\s*(?:の|、|,)?\s*$/.test(between(context, prev, r))) {
      out[out.length - 1] = attachTime(context, r, prev, prev, r);
      continue;
    }
    out.push(r);
  }
  return out;
});
