// 12月3日（周四）, 3/12 (thứ Năm): a weekday after a date restates it; when they disagree, ask.
import { weekday } from "../../../jst.ts";
import { between, copy, dateOf, isDateOnly, joined, refiner, type Result } from "../components.ts";
import { hasTag, setTag } from "../tags.ts";

export const dateThenWeekday = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && isDateOnly(prev) && !hasTag(prev.start, "bareWeekday") && hasTag(r.start, "bareWeekday") && isDateOnly(r) && /^\s*[,，、]?\s*$/.test(between(context, prev, r))) {
      const start = copy(prev.start);
      if (weekday(dateOf(prev.start)) !== weekday(dateOf(r.start))) setTag(start, "confirm", "weekday_mismatch");
      out[out.length - 1] = joined(context, prev, r, start, prev.end);
      continue;
    }
    out.push(r);
  }
  return out;
});

