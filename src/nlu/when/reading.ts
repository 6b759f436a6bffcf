// From chrono results to readings.
import { pad } from "./calendar.ts";
import { type Components, dateOf, hasDate, hasTime, type Result } from "./components.ts";
import { EN_PARTS_OF_DAY } from "./en/constants.ts";
import { getTag, hasTag } from "./tags.ts";
import type { WhenReading } from "./types.ts";

/** chrono.en's own casual times (this morning) leave only its tag: read it as our window. */
export function podFromEnglishTags(s: Components): string | undefined {
  for (const t of s.tags()) {
    const m = /^casualReference\/(morning|afternoon|evening)$/.exec(t);
    if (m && !s.isCertain("hour")) return EN_PARTS_OF_DAY[m[1]!];
  }
  return undefined;
}

function timeOf(c: Components): string {
  return `${pad(c.get("hour")!)}:${pad(c.get("minute") ?? 0)}`;
}

export function toReading(r: Result, today: string, map: number[]): WhenReading {
  const s = r.start;
  const date = hasDate(s) || s.isCertain("weekday") || s.isCertain("month") ? dateOf(s) : today;
  const reading: WhenReading = { date, confidence: "sure", span: [map[r.index]!, map[r.index + r.text.length]!] };
  if (hasTime(s)) reading.time = timeOf(s);
  const pod = getTag(s, "pod") ?? podFromEnglishTags(s);
  if (pod && !reading.time) reading.partOfDay = { from: pod.slice(0, 5), to: pod.slice(6) };
  if (r.end) {
    const e = r.end;
    const endDate = hasDate(e) || e.isCertain("weekday") ? dateOf(e) : date;
    reading.end = hasTime(e) ? { date: endDate, time: timeOf(e) } : { date: endDate };
    if (reading.end.date === date && !reading.end.time) delete reading.end;
  }
  if (hasTag(s, "ambiguousHour") && reading.time) reading.ambiguousHour = true;
  const open = getTag(s, "open");
  if (open) reading.open = open;
  if (hasTag(s, "vague") && reading.end) reading.vague = true;
  const confirm = getTag(s, "confirm");
  if (confirm) reading.confirm = confirm;
  if (reading.confirm || reading.ambiguousHour) reading.confidence = "unsure";
  return reading;
}
