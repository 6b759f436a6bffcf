// 午後の2時, 朝、10時: a part of day right before a clock time names its meridiem.
import { between, copy, hasDate, hasPod, hasTime, joined, refiner, type Result } from "../components.ts";
import { getTag, hasTag, tagString } from "../tags.ts";

export const mergePartOfDayTime = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (
      prev &&
      hasPod(prev.start) &&
      !hasTime(prev.start) &&
      !hasDate(prev.start) &&
      hasTime(r.start) &&
      !hasDate(r.start) &&
      /^\s*(?:の|、|,)?\s*$/.test(between(context, prev, r))
    ) {
      const pod = getTag(prev.start, "pod")!;
      let start = copy(r.start);
      const hour = start.get("hour")!;
      if (hasTag(start, "ambiguousHour") || hour < 12) {
        const fromHour = Number(pod.slice(0, 2));
        let h = hour;
        if (fromHour >= 12 && h < 12) h += 12;
        else if (fromHour < 12 && h > 12 && hasTag(start, "ambiguousHour")) h -= 12;
        start.assign("hour", h);
        start = copy(start, tagString("ambiguousHour", true));
      }
      out[out.length - 1] = joined(context, prev, r, start, r.end);
      continue;
    }
    out.push(r);
  }
  return out;
});
