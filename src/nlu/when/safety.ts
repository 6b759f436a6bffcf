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

/**
 * Time words a Chinese or Vietnamese reply may borrow from Japanese or English (午後, 2pm, afternoon,
 * Monday), and Chinese numerals (下州四: a typo that hides a weekday); digits are counted apart.
 */
const BORROWED_TIME_WORDS = /午前|午後|曜|[一二两三四五六七八九十]|(?<![a-z])(?:am|pm|morning|afternoon|noon|evening|tonight|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])/gi;

function unreadWords(masked: string, matched: Array<[number, number]>): boolean {
  for (const m of masked.matchAll(BORROWED_TIME_WORDS)) {
    const at = m.index;
    if (!matched.some(([a, b]) => at >= a && at < b)) return true;
  }
  return false;
}

/**
 * In a Chinese or Vietnamese conversation the readings are younger and seekers mix in Japanese and
 * English: a number or a time word that no parser read may change the date or the time, so every
 * reading is asked back (the bot offers its picker) rather than given with a part of the wish lost.
 */
export function guardUnreadParts(results: Result[], masked: string, matched: Array<[number, number]>): void {
  if (!unreadDigits(masked, matched) && !unreadWords(masked, matched)) return;
  for (const r of results) setTag(r.start, "confirm", "ambiguous_date");
}
