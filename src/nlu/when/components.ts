// Small helpers over chrono's components and results, shared by every parser and refiner.
import type { Parser, ParsingComponents, ParsingContext, ParsingResult, Refiner } from "chrono-node";
import { parseDateString, toDateString, weekday } from "../../jst.ts";
import { nextDayOfMonth, todayOf } from "./calendar.ts";
import { WEEKDAY_KANJI } from "./ja/constants.ts";
import { hasTag, setTag } from "./tags.ts";

export type Components = ParsingComponents;
export type Result = ParsingResult;

export function parser(pattern: RegExp, extract: Parser["extract"]): Parser {
  return { pattern: () => pattern, extract };
}

export function refiner(refine: Refiner["refine"]): Refiner {
  return { refine };
}

export function hasDate(c: Components): boolean {
  return c.isCertain("day");
}
export function hasTime(c: Components): boolean {
  return c.isCertain("hour");
}
export function hasPod(c: Components): boolean {
  return hasTag(c, "pod");
}
export function dateOf(c: Components): string {
  return toDateString(c.get("year")!, c.get("month")!, c.get("day")!);
}

/** chrono's clone() leaves tags behind; ours keeps them, optionally dropping one (its string form). */
export function copy(c: Components, drop?: string): Components {
  const n = c.clone();
  for (const t of c.tags()) if (t !== drop) n.addTag(t);
  return n;
}

export function setDate(c: Components, date: string): Components {
  const { year, month, day } = parseDateString(date);
  c.assign("year", year).assign("month", month).assign("day", day);
  c.delete("weekday");
  return c;
}

export function setTime(c: Components, hour: number, minute: number): Components {
  return c.assign("hour", hour).assign("minute", minute).assign("second", 0);
}

/** A date written with a weekday that is not its own (12月3日(金)) is asked back. */
export function weekdayMismatch(c: Components, stated: string | undefined): void {
  if (!stated) return;
  const wd = WEEKDAY_KANJI.indexOf(stated);
  if (wd >= 0 && weekday(dateOf(c)) !== wd) setTag(c, "confirm", "weekday_mismatch");
}

export function dateComponents(context: ParsingContext, date: string, stated?: string): Components {
  const c = setDate(context.createParsingComponents(), date);
  weekdayMismatch(c, stated);
  return c;
}

/** A day of the month said alone (「3日」, 3号, "the 3rd", ngày 3): the next such day from today, tagged dayOnly; null for no such day. */
export function dayOnlyComponents(context: ParsingContext, day: number, stated?: string): Components | null {
  const date = nextDayOfMonth(todayOf(context), day);
  if (!date) return null;
  const c = dateComponents(context, date, stated);
  setTag(c, "dayOnly", true);
  return c;
}

/** Whether the characters just before/after a match are digits (part of a longer number). */
export function glued(context: ParsingContext, index: number, length: number): boolean {
  const before = context.text[index - 1] ?? "";
  const after = context.text[index + length] ?? "";
  return /[\d./:-]/.test(before) || /[\d]/.test(after);
}

export function between(context: ParsingContext, a: Result, b: Result): string {
  return context.text.slice(a.index + a.text.length, b.index);
}

export function isTimeLike(r: Result): boolean {
  return !hasDate(r.start) && (hasTime(r.start) || hasPod(r.start));
}

export function isDateOnly(r: Result): boolean {
  return hasDate(r.start) && !hasTime(r.start) && !hasPod(r.start) && !r.end;
}

export function joined(context: ParsingContext, a: Result, b: Result, start = a.start, end = b.end): Result {
  return context.createParsingResult(a.index, b.index + b.text.length, start, end ?? undefined);
}

/** A vague span (来週のどこか, 月末): from `from` to `to`, cut to start today; null when already past. */
export function vagueSpan(context: ParsingContext, index: number, text: string, from: string, to: string, today: string): Result | null {
  const start = from < today ? today : from;
  if (to < start) return null;
  const s = setDate(context.createParsingComponents(), start);
  setTag(s, "vague", true);
  const e = setDate(context.createParsingComponents(), to);
  return context.createParsingResult(index, text, s, e);
}
