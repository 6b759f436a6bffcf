// 木曜日、12月3日 / Tuesday, December 8: a weekday before a date restates it; when they disagree, ask.
import { weekday } from "../../../jst.ts";
import { between, copy, dateOf, hasDate, isDateOnly, joined, refiner, type Result } from "../components.ts";
import { hasTag, setTag } from "../tags.ts";

export const mergeWeekdayThenDate = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (
      prev &&
      hasTag(prev.start, "bareWeekday") &&
      isDateOnly(prev) &&
      hasDate(r.start) &&
      !hasTag(r.start, "bareWeekday") &&
      /^\s*[,、]?\s*(?:the\s+)?$/i.test(between(context, prev, r))
    ) {
      const start = copy(r.start);
      if (weekday(dateOf(prev.start)) !== weekday(dateOf(r.start))) setTag(start, "confirm", "weekday_mismatch");
      out[out.length - 1] = joined(context, prev, r, start, r.end);
      continue;
    }
    out.push(r);
  }
  return out;
});
