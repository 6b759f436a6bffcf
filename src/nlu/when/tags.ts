// Typed tags: what chrono's components cannot carry (a part-of-day window, doubts, how a date was
// written), kept in chrono's own tag set so that they survive chrono's merges, but read and written
// only through these typed helpers.
import type { ParsingComponents, ParsingResult } from "chrono-node";
import type { WhenConfirmReason } from "./types.ts";

export interface TagValues {
  /** A part-of-day window, "HH:mm-HH:mm". */
  pod: string;
  /** A doubt the bot should raise; the first one set wins. */
  confirm: WhenConfirmReason;
  /** A bare 1–6 o'clock read as the afternoon. */
  ambiguousHour: true;
  /** A day of the month written without its month (「3日」). */
  dayOnly: true;
  /** A weekday written without its week (「火曜」). */
  bareWeekday: true;
  /** A weekday in a named week: 0 this week, 1 next week… */
  week: number;
  /** A month and day written without the year. */
  impliedYear: true;
  /** A week with no day (「来週」): its offset. */
  weekOnly: number;
  /** An open range: any time after (or before) this point. */
  open: "after" | "before";
  /** 第3木曜 without its month: "nth:weekday", so an alternative can lend it one (1月の第2木曜か第3木曜). */
  nthWithoutMonth: string;
  /** A span said loosely (来週のどこか, 月末); the result's end is its last day. */
  vague: true;
}

export type TagName = keyof TagValues;

const PREFIX = "nlu/";

type Tagged = ParsingComponents | ParsingResult;

function key(name: TagName): string {
  return `${PREFIX}${name}`;
}

export function setTag<K extends TagName>(c: ParsingComponents, name: K, value: TagValues[K]): void {
  if (value === true) c.addTag(key(name));
  else c.addTag(`${key(name)}:${value}`);
}

export function getTag<K extends TagName>(c: Tagged, name: K): TagValues[K] | undefined {
  const k = key(name);
  for (const t of c.tags()) {
    if (t === k) return true as TagValues[K];
    if (t.startsWith(k + ":")) {
      const raw = t.slice(k.length + 1);
      return (name === "week" || name === "weekOnly" ? Number(raw) : raw) as TagValues[K];
    }
  }
  return undefined;
}

export function hasTag(c: Tagged, name: TagName): boolean {
  return getTag(c, name) !== undefined;
}

/** The tag's string form, for dropping it from a copy. */
export function tagString<K extends TagName>(name: K, value: TagValues[K]): string {
  return value === true ? key(name) : `${key(name)}:${value}`;
}
