// The last guard against a confidently wrong date: a reading whose date was only implied (a time
// alone, so today) while digits in the text went unread by every parser. The unread digits may be
// the date the seeker meant (a form the parsers do not know), so the reading is asked back.
import type { Refiner } from "chrono-node";
import { setTag } from "./tags.ts";
import { type Result, hasDate } from "./components.ts";

/** Where every parser matched, before any refiner merged or dropped results. */
export function recordMatches(into: Array<[number, number]>): Refiner {
  return {
    refine: (_context, results) => {
      into.length = 0;
      for (const r of results) into.push([r.index, r.index + r.text.length]);
      return results;
    },
  };
}

export function unreadDigits(masked: string, matched: Array<[number, number]>): boolean {
  for (const m of masked.matchAll(/\d+/g)) {
    const at = m.index;
    if (!matched.some(([a, b]) => at >= a && at < b)) return true;
  }
  return false;
}

export function guardImpliedDates(results: Result[], masked: string, matched: Array<[number, number]>): void {
  if (!results.some((r) => !hasDate(r.start)) || !unreadDigits(masked, matched)) return;
  for (const r of results) if (!hasDate(r.start)) setTag(r.start, "confirm", "ambiguous_date");
}
