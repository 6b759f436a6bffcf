// 13時~15時, 1時から3時: a time range; the end takes the afternoon from the start.
import { between, copy, hasDate, hasTime, joined, refiner, type Result } from "../components.ts";
import { getTag, hasTag, tagString } from "../tags.ts";
import { RANGE_BETWEEN } from "./connectors.ts";

export const mergeTimeRange = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && hasTime(prev.start) && !hasDate(prev.start) && !prev.end && !hasTag(prev.start, "open") && getTag(r.start, "open") !== "after" && hasTime(r.start) && !hasDate(r.start) && RANGE_BETWEEN.test(between(context, prev, r))) {
      const end = copy(r.start, tagString("open", "before")); // 2時から3時半まで: まで closes the range
      const sh = prev.start.get("hour")!;
      let eh = end.get("hour")!;
      if (eh < sh && eh < 12 && sh >= 12) eh += 12;
      if (hasTag(end, "ambiguousHour") && eh - 12 > sh && sh < 12) eh -= 12; // 10時から2時: 14:00 stays
      end.assign("hour", eh);
      if (eh * 60 + end.get("minute")! <= sh * 60 + prev.start.get("minute")!) {
        out.push(r);
        continue;
      }
      let start = copy(prev.start);
      if (hasTag(start, "ambiguousHour") && !hasTag(end, "ambiguousHour") && eh >= 12) start = copy(start, tagString("ambiguousHour", true));
      out[out.length - 1] = joined(context, prev, r, start, end);
      continue;
    }
    out.push(r);
  }
  return out;
});
