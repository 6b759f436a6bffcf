// sáng mai 10h30, 明天上午 10点半: a day with its part of the day, then a clock time: the time, on that
// day, in that part of the day.
import { between, hasDate, hasPod, hasTime, isTimeLike, refiner, type Result } from "../components.ts";
import { getTag, hasTag, tagString } from "../tags.ts";
import { copy } from "../components.ts";
import { attachTime } from "./mergeDateTime.ts";

export const mergeDayPartThenTime = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && hasDate(prev.start) && hasPod(prev.start) && !hasTime(prev.start) && !prev.end && isTimeLike(r) && hasTime(r.start) && !r.end && /^\s*(?:,|lúc|luc|vào|vao)?\s*$/i.test(between(context, prev, r))) {
      const merged = attachTime(context, prev, r, prev, r);
      const fromHour = Number(getTag(prev.start, "pod")!.slice(0, 2));
      const hour = merged.start.get("hour")!;
      if (fromHour >= 12 && hour < 12) merged.start.assign("hour", hour + 12);
      else if (fromHour < 12 && hour > 12 && hasTag(merged.start, "ambiguousHour")) merged.start.assign("hour", hour - 12);
      out[out.length - 1] = context.createParsingResult(merged.index, merged.index + merged.text.length, copy(merged.start, tagString("ambiguousHour", true)));
      continue;
    }
    out.push(r);
  }
  return out;
});
