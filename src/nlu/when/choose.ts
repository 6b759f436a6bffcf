// Choose: which of the refined results are readings of the wish.
import { hasDate, hasPod, hasTime, type Result } from "./components.ts";
import { podFromEnglishTags } from "./reading.ts";
import { getTag, setTag } from "./tags.ts";

/** The results worth a reading, or null when the text asks which rather than choosing. */
export function choose(results: Result[], masked: string): Result[] | null {
  let found = results.filter((r) => hasDate(r.start) || hasTime(r.start) || hasPod(r.start) || r.start.isCertain("weekday") || podFromEnglishTags(r.start));
  // A time or part of day left on its own beside a real date is a stray (「朝のほうが助かります」).
  if (found.some((r) => hasDate(r.start) || r.start.isCertain("weekday"))) found = found.filter((r) => hasDate(r.start) || r.start.isCertain("weekday"));
  // 「午前と午後どちらが…」 asks which; it does not choose.
  const windows = new Set(found.filter((r) => !hasTime(r.start)).map((r) => getTag(r.start, "pod")).filter(Boolean));
  if (windows.size > 1 && found.every((r) => !hasDate(r.start) && !hasTime(r.start))) return null;
  // 「午後でも大丈夫ですか」 asks about a part of the day without naming one.
  if (/[か?]\s*$/.test(masked)) for (const r of found) if (!hasDate(r.start) && !hasTime(r.start)) setTag(r.start, "confirm", "ambiguous_date");
  return found;
}
