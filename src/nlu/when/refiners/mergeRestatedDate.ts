// 来週火曜(12/2), 第2火曜(12/8): a date in brackets restates the one before it; when they disagree, ask.
import { between, copy, dateOf, hasDate, hasTime, refiner, type Result, setTime } from "../components.ts";
import { setTag, tagString } from "../tags.ts";

export const mergeRestatedDate = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (
      prev &&
      hasDate(prev.start) &&
      hasDate(r.start) &&
      !r.end &&
      !prev.end &&
      /^\s*[(]\s*$/.test(between(context, prev, r)) &&
      /^\s*\)/.test(context.text.slice(r.index + r.text.length))
    ) {
      // a guess (第2火曜) that the brackets restate is no longer a guess
      const start = dateOf(prev.start) === dateOf(r.start) ? copy(prev.start, tagString("confirm", "ambiguous_date")) : copy(prev.start);
      if (dateOf(prev.start) !== dateOf(r.start)) setTag(start, "confirm", "weekday_mismatch");
      if (hasTime(r.start)) setTime(start, r.start.get("hour")!, r.start.get("minute")!);
      const close = context.text.indexOf(")", r.index + r.text.length);
      out[out.length - 1] = context.createParsingResult(prev.index, close + 1, start);
      continue;
    }
    out.push(r);
  }
  return out;
});
