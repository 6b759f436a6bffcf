// parseWhen: what a seeker means by a date and time, read the way chrono reads text — a pipeline of
// small parsers and refiners — with our own parsers for how people in Japan write a wish for an
// appointment, and refiners that would rather say "please confirm" than guess.
import * as chrono from "chrono-node";
import type { Parser, ParsingContext, Refiner } from "chrono-node";
import { addDays, daysBetween, isValidDate, jstDate, parseDateString, toDateString, weekday } from "../jst.ts";
import { normalizeForParsing } from "./normalize.ts";

export interface WhenReading {
  date: string;
  time?: string;
  partOfDay?: { from: string; to: string };
  end?: { date: string; time?: string };
  ambiguousHour?: boolean;
  /** An open range: any time after (or before) the date and time given. */
  open?: "after" | "before";
  /** A vague span: any day from `date` to `end.date`, said loosely (来週のどこか, 月末). */
  vague?: boolean;
  confirm?: string;
  span: [number, number];
}

export type WhenConfirmReason = "weekday_mismatch" | "past_date" | "ambiguous_date" | "far_future" | "outside_hours";

type Result = chrono.ParsingResult;
type Components = chrono.ParsingComponents;

const JST = 540;

// Tags carry what chrono's components cannot: a part-of-day window, doubts, and how a date was
// written (so ranges and "A か B" can borrow the month or week from their neighbour).
const TAG_POD = "nlu/pod:";
const TAG_CONFIRM = "nlu/confirm:";
const TAG_AMBIGUOUS_HOUR = "nlu/ambiguousHour";
const TAG_DAY_ONLY = "nlu/dayOnly";
const TAG_BARE_WEEKDAY = "nlu/bareWeekday";
const TAG_WEEK = "nlu/week:";
const TAG_IMPLIED_YEAR = "nlu/impliedYear";
const TAG_WEEK_ONLY = "nlu/weekOnly:";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function todayOf(context: ParsingContext): string {
  return jstDate(context.reference.instant);
}

function tagValue(c: Components | Result, prefix: string): string | undefined {
  for (const t of c.tags()) if (t.startsWith(prefix)) return t.slice(prefix.length);
  return undefined;
}

function hasDate(c: Components): boolean {
  return c.isCertain("day");
}
function hasTime(c: Components): boolean {
  return c.isCertain("hour");
}
function hasPod(c: Components): boolean {
  return tagValue(c, TAG_POD) !== undefined;
}
function dateOf(c: Components): string {
  return toDateString(c.get("year")!, c.get("month")!, c.get("day")!);
}

/** chrono's clone() leaves tags behind; ours keeps them, optionally dropping one. */
function copy(c: Components, drop?: string): Components {
  const n = c.clone();
  for (const t of c.tags()) if (t !== drop) n.addTag(t);
  return n;
}

function setDate(c: Components, date: string): Components {
  const { year, month, day } = parseDateString(date);
  c.assign("year", year).assign("month", month).assign("day", day);
  c.delete("weekday");
  return c;
}

function setTime(c: Components, hour: number, minute: number): Components {
  return c.assign("hour", hour).assign("minute", minute).assign("second", 0);
}

const WEEKDAY_KANJI = "日月火水木金土";

/** The next occurrence (today included) of month/day. */
function nextMonthDay(today: string, month: number, day: number): { date: string; years: number } | null {
  const { year } = parseDateString(today);
  for (let y = year; y <= year + 8; y++) {
    if (!isValidDate(y, month, day)) continue;
    const d = toDateString(y, month, day);
    if (d >= today) return { date: d, years: y - year };
  }
  return null;
}

/** The next date (today included) whose day of month is `day`. */
function nextDayOfMonth(from: string, day: number): string | null {
  let { year, month } = parseDateString(from);
  for (let i = 0; i < 4; i++) {
    if (isValidDate(year, month, day)) {
      const d = toDateString(year, month, day);
      if (d >= from) return d;
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return null;
}

function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** A weekday in the week `weeksAhead` from this one (weeks start on Monday). */
function weekdayInWeek(today: string, weeksAhead: number, wd: number): string {
  return addDays(mondayOf(today), 7 * weeksAhead + ((wd + 6) % 7));
}

/** The first such weekday after today. */
function nextWeekday(today: string, wd: number): string {
  return addDays(today, (wd - weekday(today) + 7) % 7 || 7);
}

function weekdayMismatch(c: Components, stated: string | undefined): void {
  if (!stated) return;
  const wd = WEEKDAY_KANJI.indexOf(stated);
  if (wd >= 0 && weekday(dateOf(c)) !== wd) c.addTag(TAG_CONFIRM + "weekday_mismatch");
}

// ── Parsers (all run on normalised text: NFKC, '-' for dashes, '~' for wave dashes, kanji numerals
// as digits before 月日時分) ──────────────────────────────────────────────────────────────────────

function parser(pattern: RegExp, extract: Parser["extract"]): Parser {
  return { pattern: () => pattern, extract };
}

/** Whether the characters just before/after a match are digits (part of a longer number). */
function glued(context: ParsingContext, index: number, length: number): boolean {
  const before = context.text[index - 1] ?? "";
  const after = context.text[index + length] ?? "";
  return /[\d./:-]/.test(before) || /[\d]/.test(after);
}

const WEEKDAY_SUFFIX = String.raw`(?:\s*\(\s*([月火水木金土日])\s*(?:曜日?)?\s*\)|\s*(?:の\s*)?([月火水木金土日])曜日?)?`;

function dateComponents(context: ParsingContext, date: string, stated?: string): Components {
  const c = setDate(context.createParsingComponents(), date);
  c.addTag("nlu/date");
  weekdayMismatch(c, stated);
  return c;
}

const eraDateParser = parser(
  new RegExp(String.raw`(令和|R|r|Ｒ)\s*(\d{1,2}|元)\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?` + WEEKDAY_SUFFIX),
  (context, m) => {
    if (/[A-Za-z]/.test(context.text[m.index! - 1] ?? "")) return null;
    const year = 2018 + (m[2] === "元" ? 1 : Number(m[2]));
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (!isValidDate(year, month, day)) return null;
    return dateComponents(context, toDateString(year, month, day), m[5] ?? m[6]);
  },
);

const yearDateParser = parser(
  new RegExp(String.raw`(20\d{2}|\d{2}(?=年))\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?` + WEEKDAY_SUFFIX),
  (context, m) => {
    if (glued(context, m.index!, m[0].length)) return null;
    const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!isValidDate(year, month, day)) return null;
    return dateComponents(context, toDateString(year, month, day), m[4] ?? m[5]);
  },
);

const compactDateParser = parser(/(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)/, (context, m) => {
  if (/\d/.test(context.text[m.index! - 1] ?? "")) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidDate(year, month, day)) return null;
  return dateComponents(context, toDateString(year, month, day));
});

function monthDay(context: ParsingContext, month: number, day: number, stated?: string): Components | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const next = nextMonthDay(todayOf(context), month, day);
  if (!next) return null;
  const c = dateComponents(context, next.date, stated);
  c.addTag(TAG_IMPLIED_YEAR);
  return c;
}

const monthDayParser = parser(
  new RegExp(String.raw`(\d{1,2})\s*月\s*(?:の\s*)?(\d{1,2})\s*日(?![間前])` + WEEKDAY_SUFFIX),
  (context, m) => {
    if (/\d/.test(context.text[m.index! - 1] ?? "")) return null;
    return monthDay(context, Number(m[1]), Number(m[2]), m[3] ?? m[4]);
  },
);

const slashDateParser = parser(
  new RegExp(String.raw`(\d{1,2})\s*([/.])\s*(\d{1,2})(?![\d/.]|\s*(?:時間|日間|分|%|倍|kg|km|cm))(?:\s*日)?` + WEEKDAY_SUFFIX),
  (context, m) => {
    const before = context.text[m.index! - 1] ?? "";
    if (/[\d/.:]/.test(before)) return null;
    // 1.5 is a number, not January 5th, unless a weekday or a time makes it a date.
    if (m[2] === "." && !(m[4] ?? m[5]) && !/^\s*(?:\d{1,2}\s*[時:]|[の、,]?\s*(?:午前|午後|朝|昼|夕方|\d{1,2}:))/.test(context.text.slice(m.index! + m[0].length))) {
      if (!/^\d{1,2}\.\d{1,2}$/.test(m[0].trim()) || Number(m[1]) > 12) return null;
    }
    return monthDay(context, Number(m[1]), Number(m[3]), m[4] ?? m[5]);
  },
);

// 12,3 is probably 12/3 mistyped; worth a question, not a guess.
const commaDateParser = parser(/(\d{1,2})\s*[,、]\s*(\d{1,2})(?=\s*(?:の|に|で|日))/, (context, m) => {
  if (/[\d./:]/.test(context.text[m.index! - 1] ?? "")) return null;
  const c = monthDay(context, Number(m[1]), Number(m[2]));
  c?.addTag(TAG_CONFIRM + "ambiguous_date");
  return c;
});

// 「3日」 alone: the next 3rd. Not 3日間 (a duration), 3日後/3日前 (relative), 1日も早く (an idiom).
const dayOnlyParser = parser(
  new RegExp(String.raw`(\d{1,2})\s*日(?![間後前中目曜ぶ以]|\s*も)` + WEEKDAY_SUFFIX),
  (context, m) => {
    const before = context.text.slice(Math.max(0, m.index! - 2), m.index!);
    if (/[\d./:月-]\s*$/.test(before) || /(?:毎|土|休|第|祝|週)\s*$/.test(before)) return null;
    const day = Number(m[1]);
    if (day < 1 || day > 31) return null;
    const date = nextDayOfMonth(todayOf(context), day);
    if (!date) return null;
    const c = dateComponents(context, date, m[2] ?? m[3]);
    c.addTag(TAG_DAY_ONLY);
    return c;
  },
);

const relativeMonthDayParser = parser(/(今月|来月|再来月|翌月)\s*(?:の\s*)?(\d{1,2})\s*日(?![間後前])/, (context, m) => {
  const { year, month } = parseDateString(todayOf(context));
  const ahead = m[1] === "今月" ? 0 : m[1] === "再来月" ? 2 : 1;
  const total = year * 12 + (month - 1) + ahead;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  const day = Number(m[2]);
  if (!isValidDate(y, mo, day)) return null;
  return dateComponents(context, toDateString(y, mo, day));
});

const casualDayParser = parser(/(明々後日|明明後日|明後日|明日|今日|本日|昨日|当日|翌日)/, (context, m) => {
  const today = todayOf(context);
  const offset: Record<string, number> = { 明々後日: 3, 明明後日: 3, 明後日: 2, 明日: 1, 今日: 0, 本日: 0, 当日: 0, 昨日: -1, 翌日: 1 };
  return dateComponents(context, addDays(today, offset[m[1]!]!));
});

const daysLaterParser = parser(/(\d{1,3})\s*(日|週間|週)\s*(?:後|先)/, (context, m) => {
  if (/[\d.]/.test(context.text[m.index! - 1] ?? "")) return null;
  const n = Number(m[1]);
  const days = m[2] === "日" ? n : n * 7;
  if (days > 400) return null;
  return dateComponents(context, addDays(todayOf(context), days));
});

const WEEK_PREFIX = String.raw`(今週|来週|翌週|次週|再来週|さ来週|先週|次の|今度の|この|次回の)?\s*(?:の\s*)?`;

// 来週の水曜日, 金曜, (火), and the first of 「水か木曜」 (a bare kanji followed by another weekday).
const weekdayParser = parser(
  new RegExp(WEEK_PREFIX + String.raw`(?:([月火水木金土日])\s*(?:曜日?|よう日?)|\(\s*([月火水木金土日])\s*\)|([月火水木金])(?=\s*(?:か|、|・|/|or)\s*[月火水木金](?:\s*曜|\s*\()))`),
  (context, m) => {
    const before = context.text[m.index! - 1] ?? "";
    const wdChar = m[2] ?? m[3] ?? m[4]!;
    if (!m[1] && m[3] && /[日\d]\s*$/.test(context.text.slice(0, m.index!))) return null; // 3日(木) is the date parser's
    if (!m[1] && m[2] === "月" && /\d$/.test(before)) return null; // 12月曜 is not Monday
    const wd = WEEKDAY_KANJI.indexOf(wdChar);
    const today = todayOf(context);
    const weeks: Record<string, number> = { 今週: 0, この: 0, 来週: 1, 翌週: 1, 次週: 1, 再来週: 2, さ来週: 2, 先週: -1 };
    const prefix = m[1];
    const ahead = prefix !== undefined ? weeks[prefix] : undefined;
    const date = ahead !== undefined ? weekdayInWeek(today, ahead, wd) : nextWeekday(today, wd);
    const c = dateComponents(context, date);
    c.addTag(ahead !== undefined ? TAG_WEEK + ahead : TAG_BARE_WEEKDAY);
    return c;
  },
);

// 「来週」 alone: a week, not a day — the bot has to ask which day.
const weekOnlyParser = parser(/(今週|来週|再来週|翌週)(?:中|のどこか|あたり|のうち|以降|の)?(?!\s*(?:の\s*)?[月火水木金土日]\s*(?:曜|\())/, (context, m) => {
  const weeks: Record<string, number> = { 今週: 0, 来週: 1, 翌週: 1, 再来週: 2 };
  const today = todayOf(context);
  let date = weekdayInWeek(today, weeks[m[1]!]!, 1);
  if (date <= today) date = addDays(today, 1);
  const c = dateComponents(context, date);
  c.addTag(TAG_CONFIRM + "ambiguous_date");
  c.addTag(TAG_WEEK_ONLY + weeks[m[1]!]);
  return c;
});

interface PartOfDay {
  from: string;
  to: string;
  confirm?: string;
}

const PARTS_OF_DAY: Array<[string, PartOfDay]> = [
  ["午前中", { from: "10:00", to: "12:00" }],
  ["朝イチ", { from: "10:00", to: "11:00" }],
  ["朝一番", { from: "10:00", to: "11:00" }],
  ["朝一", { from: "10:00", to: "11:00" }],
  ["午後イチ", { from: "13:00", to: "14:00" }],
  ["午後一番", { from: "13:00", to: "14:00" }],
  ["午後一", { from: "13:00", to: "14:00" }],
  ["昼イチ", { from: "13:00", to: "14:00" }],
  ["昼一", { from: "13:00", to: "14:00" }],
  ["お昼過ぎ", { from: "13:00", to: "15:00" }],
  ["昼過ぎ", { from: "13:00", to: "15:00" }],
  ["昼すぎ", { from: "13:00", to: "15:00" }],
  ["お昼前", { from: "11:00", to: "12:00" }],
  ["昼前", { from: "11:00", to: "12:00" }],
  ["お昼", { from: "12:00", to: "13:00" }],
  ["昼頃", { from: "12:00", to: "13:00" }],
  ["夕方", { from: "16:00", to: "17:00" }],
  ["夕刻", { from: "16:00", to: "17:00" }],
  ["午前", { from: "10:00", to: "12:00" }],
  ["午後", { from: "13:00", to: "17:00" }],
  ["AM", { from: "10:00", to: "12:00" }],
  ["PM", { from: "13:00", to: "17:00" }],
  ["朝", { from: "10:00", to: "12:00" }],
  ["昼", { from: "12:00", to: "13:00" }],
  ["夜", { from: "17:00", to: "17:00", confirm: "outside_hours" }],
  ["晩", { from: "17:00", to: "17:00", confirm: "outside_hours" }],
];
const POD_BY_WORD = new Map(PARTS_OF_DAY);

const partOfDayParser = parser(
  new RegExp(`(${PARTS_OF_DAY.map(([w]) => w).join("|")})(?:の?(?:頃|ごろ|あたり|くらい|ぐらい|辺り))?`),
  (context, m) => {
    const word = m[1]!;
    if ((word === "AM" || word === "PM") && /[A-Za-z]/.test((context.text[m.index! - 1] ?? "") + (context.text[m.index! + 2] ?? ""))) return null;
    if (word === "朝" && /^朝(?:食|刊|礼|日)/.test(context.text.slice(m.index!))) return null;
    if (word === "昼" && /^昼(?:食|休|ご飯|間|夜)/.test(context.text.slice(m.index!))) return null;
    if (word === "夜" && /^夜(?:勤|間|中)/.test(context.text.slice(m.index!))) return null;
    const pod = POD_BY_WORD.get(word)!;
    const c = context.createParsingComponents();
    c.addTag(`${TAG_POD}${pod.from}-${pod.to}`);
    if (pod.confirm) c.addTag(TAG_CONFIRM + pod.confirm);
    return c;
  },
);

type Meridiem = "am" | "pm" | "noon" | undefined;

function meridiemOf(word: string | undefined): Meridiem {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/\./g, "");
  if (w === "午前" || w === "朝" || w === "am" || w === "午前中") return "am";
  if (w === "昼" || w === "お昼" || w === "正午") return "noon";
  return "pm";
}

/** Clock hour with a meridiem word; bare 1–6 o'clock is read as the afternoon and flagged. */
function clockHour(hour: number, meridiem: Meridiem): { hour: number; ambiguous: boolean } | null {
  if (hour > 24) return null;
  if (meridiem === "am") return hour <= 12 ? { hour: hour === 12 ? 12 : hour, ambiguous: false } : hour < 24 ? { hour, ambiguous: false } : null;
  if (meridiem === "pm") return hour < 12 ? { hour: hour + 12, ambiguous: false } : hour < 24 ? { hour, ambiguous: false } : null;
  if (meridiem === "noon") return hour >= 1 && hour <= 6 ? { hour: hour + 12, ambiguous: false } : hour < 24 ? { hour, ambiguous: false } : null;
  if (hour === 24) return null;
  if (hour >= 1 && hour <= 6) return { hour: hour + 12, ambiguous: true };
  return { hour, ambiguous: false };
}

const MERIDIEM_WORDS = String.raw`午前|午後|朝|お昼|昼|夕方|夜|晩|a\.?m\.?|p\.?m\.?`;
const TIME_TAIL = String.raw`(?:\s*(a\.?m\.?|p\.?m\.?)(?![a-z]))?\s*(頃|くらい|ぐらい|位|前後|以降|以後|より後|過ぎ|すぎ|まで(?:に|で)?|より前)?`;

const timeParser = parser(
  new RegExp(
    String.raw`(?:(${MERIDIEM_WORDS})\s*(?:の\s*|、\s*)?)?(\d{1,2})\s*(?:時\s*(?:(\d{1,2})\s*分|(半))?|:\s*(\d{2})(?!\d))` + TIME_TAIL,
    "i",
  ),
  (context, m) => {
    const start = m.index!;
    if (/[\d.:/]/.test(context.text[start - 1] ?? "")) return null;
    const after = context.text.slice(start + m[0].length);
    if (/^\s*間/.test(after)) return null;
    const meridiem = meridiemOf(m[1] ?? m[6]);
    const minuteValue = m[4] === "半" ? 30 : m[3] !== undefined ? Number(m[3]) : m[5] !== undefined ? Number(m[5]) : 0;
    if (minuteValue >= 60) return null;
    const h = clockHour(Number(m[2]), meridiem);
    if (!h) return null;
    return timeComponents(context, h.hour, minuteValue, h.ambiguous, m[7]);
  },
);

function timeComponents(context: ParsingContext, hour: number, minute: number, ambiguous: boolean, tail: string | undefined): Components {
  const c = context.createParsingComponents();
  const time = `${pad(hour)}:${pad(minute)}`;
  if (tail && /以降|以後|より後|過ぎ|すぎ/.test(tail)) {
    c.addTag(`${TAG_POD}${time}-17:00`);
  } else if (tail && /まで|より前/.test(tail)) {
    c.addTag(`${TAG_POD}10:00-${time}`);
  } else {
    setTime(c, hour, minute);
  }
  if (ambiguous) c.addTag(TAG_AMBIGUOUS_HOUR);
  return c;
}

// 1400, 1030: a four-digit clock time, only at round minutes and inside a working day.
const compactTimeParser = parser(/(?<!\d)([01]\d|2[0-3])([0-5]\d)(?!\d)\s*(頃|くらい|ぐらい|以降|まで)?(?=\s*(?:~|-|から|に|で|頃|ごろ|から|希望|の|は|、|,|。|\s|$))/, (context, m) => {
  if (/[\d.:/]/.test(context.text[m.index! - 1] ?? "")) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour < 7 || hour > 20 || minute % 10 !== 0 && minute % 15 !== 0) return null;
  return timeComponents(context, hour, minute, false, m[3]);
});

const noonParser = parser(/正午/, (context) => setTime(context.createParsingComponents(), 12, 0));

const jaParsers: Parser[] = [
  eraDateParser,
  yearDateParser,
  compactDateParser,
  relativeMonthDayParser,
  monthDayParser,
  slashDateParser,
  commaDateParser,
  dayOnlyParser,
  casualDayParser,
  daysLaterParser,
  weekdayParser,
  weekOnlyParser,
  timeParser,
  compactTimeParser,
  noonParser,
  partOfDayParser,
];

// ── Refiners ─────────────────────────────────────────────────────────────────────────────────

function refiner(refine: Refiner["refine"]): Refiner {
  return { refine };
}

function between(context: ParsingContext, a: Result, b: Result): string {
  return context.text.slice(a.index + a.text.length, b.index);
}

function isTimeLike(r: Result): boolean {
  return !hasDate(r.start) && (hasTime(r.start) || hasPod(r.start));
}

function isDateOnly(r: Result): boolean {
  return hasDate(r.start) && !hasTime(r.start) && !hasPod(r.start) && !r.end;
}

function joined(context: ParsingContext, a: Result, b: Result, start = a.start, end = b.end): Result {
  return context.createParsingResult(a.index, b.index + b.text.length, start, end ?? undefined);
}

/** Remove results that overlap a longer one (chrono's own rule, kept from the clone). */
const overlapRemoval = refiner((_context, results) => {
  const kept: Result[] = [];
  for (const r of results) {
    const prev = kept[kept.length - 1];
    if (prev && r.index < prev.index + prev.text.length) {
      if (r.text.length > prev.text.length) kept[kept.length - 1] = r;
      continue;
    }
    kept.push(r);
  }
  return kept;
});

/** 午後の2時, 朝、10時: a part of day right before a clock time names its meridiem, already applied. */
const mergePartOfDayTime = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && hasPod(prev.start) && !hasTime(prev.start) && !hasDate(prev.start) && hasTime(r.start) && !hasDate(r.start) && /^\s*(?:の|、|,)?\s*$/.test(between(context, prev, r))) {
      const pod = tagValue(prev.start, TAG_POD)!;
      let start = copy(r.start);
      const hour = start.get("hour")!;
      if (start.tags().has(TAG_AMBIGUOUS_HOUR) || hour < 12) {
        const fromHour = Number(pod.slice(0, 2));
        let h = hour;
        if (fromHour >= 12 && h < 12) h += 12;
        else if (fromHour < 12 && h > 12 && start.tags().has(TAG_AMBIGUOUS_HOUR)) h -= 12;
        start.assign("hour", h);
        start = copy(start, TAG_AMBIGUOUS_HOUR);
      }
      out[out.length - 1] = joined(context, prev, r, start, r.end);
      continue;
    }
    out.push(r);
  }
  return out;
});

const RANGE_BETWEEN = /^\s*(?:から|より|~|-|to|until|till)\s*(?:の\s*)?$/i;

/** 13時~15時, 1時から3時: a time range; the end takes the afternoon from the start. */
const mergeTimeRange = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && hasTime(prev.start) && !hasDate(prev.start) && !prev.end && hasTime(r.start) && !hasDate(r.start) && RANGE_BETWEEN.test(between(context, prev, r))) {
      const end = copy(r.start);
      const sh = prev.start.get("hour")!;
      let eh = end.get("hour")!;
      if (eh < sh && eh < 12 && sh >= 12) eh += 12;
      if (end.tags().has(TAG_AMBIGUOUS_HOUR) && eh - 12 > sh && sh < 12) eh -= 12; // 10時から2時: 14:00 stays
      end.assign("hour", eh);
      if (eh * 60 + end.get("minute")! <= sh * 60 + prev.start.get("minute")!) {
        out.push(r);
        continue;
      }
      let start = copy(prev.start);
      if (start.tags().has(TAG_AMBIGUOUS_HOUR) && !end.tags().has(TAG_AMBIGUOUS_HOUR) && eh >= 12) start = copy(start, TAG_AMBIGUOUS_HOUR);
      out[out.length - 1] = joined(context, prev, r, start, end);
      continue;
    }
    out.push(r);
  }
  return out;
});

const DATE_TIME_BETWEEN = /^\s*(?:の|は|に|、|,|で|なら|だと|ですと|でしたら|であれば|頃の?|ごろの?|くらいの?)?\s*(?:の)?\s*$/;

/** 明日の14時, 12月3日(木)午後: a date followed by a time or a part of day. */
const mergeDateTime = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && isDateOnly(prev) && isTimeLike(r) && DATE_TIME_BETWEEN.test(between(context, prev, r))) {
      out[out.length - 1] = attachTime(context, prev, r, prev, r);
      continue;
    }
    if (prev && isTimeLike(prev) && !prev.end && isDateOnly(r) && /^\s*(?:の|、|,)?\s*$/.test(between(context, prev, r))) {
      out[out.length - 1] = attachTime(context, r, prev, prev, r);
      continue;
    }
    out.push(r);
  }
  return out;
});

function attachTime(context: ParsingContext, dateResult: Result, timeResult: Result, first: Result, last: Result): Result {
  const date = dateOf(dateResult.start);
  const start = copy(timeResult.start);
  setDate(start, date);
  start.addTags(dateResult.start.tags());
  let end: Components | undefined;
  if (timeResult.end) {
    end = copy(timeResult.end);
    setDate(end, date);
  }
  const r = context.createParsingResult(first.index, last.index + last.text.length, start, end);
  return r;
}

/** 12月3日から5日, 月曜~水曜: a range of dates; a bare day takes the month of the start. */
const mergeDateRange = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && hasDate(prev.start) && !prev.end && hasDate(r.start) && !hasTime(r.start) && !hasTime(prev.start) && RANGE_BETWEEN.test(between(context, prev, r))) {
      const end = copy(r.start);
      const startDate = dateOf(prev.start);
      let endDate = dateOf(end);
      if (end.tags().has(TAG_DAY_ONLY)) endDate = nextDayOfMonth(startDate, end.get("day")!) ?? endDate;
      if (end.tags().has(TAG_BARE_WEEKDAY)) endDate = addDays(startDate, (weekday(endDate) - weekday(startDate) + 7) % 7);
      if (endDate > startDate && daysBetween(startDate, endDate) <= 31) {
        setDate(end, endDate);
        const merged = joined(context, prev, r, copy(prev.start), end);
        const pod = tagValue(r.start, TAG_POD);
        if (pod && !hasPod(merged.start)) merged.start.addTag(TAG_POD + pod);
        out[out.length - 1] = merged;
        continue;
      }
    }
    out.push(r);
  }
  return out;
});

const ALTERNATIVE_BETWEEN = /^\s*[、,]?\s*(?:か|or|または|又は|もしくは|若しくは|あるいは|とか|か又は|かまたは|・|\/|、|,)\s*[、,]?\s*(?:の\s*)?$/i;

/**
 * 「3日か4日の午前」, 「来週の水か木曜」, 「明日の10時か11時」: alternatives share what only one of
 * them says (the month, the week, the date, the part of day).
 */
const shareAlternatives = refiner((context, results) => {
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    if (!ALTERNATIVE_BETWEEN.test(between(context, a, b))) continue;
    // the later one borrows the month or week of the earlier
    if (hasDate(a.start) && hasDate(b.start)) {
      const aDate = dateOf(a.start);
      if (b.start.tags().has(TAG_DAY_ONLY) && !a.start.tags().has(TAG_DAY_ONLY)) {
        const d = nextDayOfMonth(toDateString(parseDateString(aDate).year, parseDateString(aDate).month, 1), b.start.get("day")!);
        if (d) setDate(b.start, d < aDate ? (nextDayOfMonth(aDate, b.start.get("day")!) ?? d) : d);
      }
      const week = tagValue(a.start, TAG_WEEK);
      if (week !== undefined && b.start.tags().has(TAG_BARE_WEEKDAY)) {
        setDate(b.start, weekdayInWeek(todayOf(context), Number(week), weekday(dateOf(b.start))));
        b.start.addTag(TAG_WEEK + week);
      }
    }
    // the later one borrows the date of the earlier: 明日の10時か11時
    if (hasDate(a.start) && !hasDate(b.start) && (hasTime(b.start) || hasPod(b.start))) {
      setDate(b.start, dateOf(a.start));
      if (b.end) setDate(b.end, dateOf(a.start));
    }
  }
  // the earlier ones borrow the time or part of day of the last: 3日か4日の午前
  for (let i = results.length - 2; i >= 0; i--) {
    const a = results[i]!;
    const b = results[i + 1]!;
    if (!ALTERNATIVE_BETWEEN.test(between(context, a, b))) continue;
    // 今週か来週の金曜: the bare week takes the weekday
    const weekOnly = tagValue(a.start, TAG_WEEK_ONLY);
    if (weekOnly !== undefined && tagValue(b.start, TAG_WEEK) !== undefined) {
      a.start = copy(a.start, TAG_CONFIRM + "ambiguous_date");
      setDate(a.start, weekdayInWeek(todayOf(context), Number(weekOnly), weekday(dateOf(b.start))));
      a.start.addTag(TAG_WEEK + weekOnly);
    }
    if (isDateOnly(a) && hasDate(b.start) && (hasTime(b.start) || hasPod(b.start))) {
      const pod = tagValue(b.start, TAG_POD);
      if (pod) a.start.addTag(TAG_POD + pod);
      if (hasTime(b.start)) setTime(a.start, b.start.get("hour")!, b.start.get("minute")!);
      if (b.start.tags().has(TAG_AMBIGUOUS_HOUR)) a.start.addTag(TAG_AMBIGUOUS_HOUR);
      if (b.end && hasTime(b.end)) {
        const end = copy(b.end);
        setDate(end, dateOf(a.start));
        a.end = end;
      }
    }
  }
  return results;
});

const PAST_TENSE = /^[^。.!?\n]{0,18}?(?:しました|ています|てます|ている|した(?![いら])|でした|ました|だった|済み|済ませ|退職|離職|辞め|終わ|終了|生まれ|入社|受けた|受けて|行った|来た)/;
const STILL_A_WISH = /(?:希望|お願い|予約し?たい|したい|できますか|出来ますか|可能|空い|あい|大丈夫|でしょうか|どう|いかが|がいい|が良い|に変更|へ変更|変えて|ですか|ますか|いけます|行けます|で$)/;
const PAST_BEFORE = /(?:退職|離職|入社|誕生|生年月日|前回|先日|以前|先月|去年|昨年|面接は|面接が|説明会は)[^。.!?\n]{0,6}$/;
const NOT_THAT_DAY = /^\s*(?:は|が|の)?\s*(?:無理|むり|ムリ|ダメ|だめ|駄目|都合が悪|都合がつかない|都合つかない|難し|むずかし|厳し|いけない|行けない|いけません|行けません|NG|不可|以外|を除|除い|は避け|ちょっと|仕事|用事|予定が|埋ま|休み|定休|来られない|出られない|無理|空いていない|空いてない|あいてない|じゃなくて|ではなく|でなく|も?\s*(?:やって|営業|開いて|開庁|相談でき(?:ますか|るの)))/i;

/** Drop dates that are plainly not the wish: what happened (退職しました) and what is refused (明日は無理). */
const dropNonWishes = refiner((context, results) => {
  return results.filter((r) => {
    const after = context.text.slice(r.index + r.text.length);
    const before = context.text.slice(Math.max(0, r.index - 16), r.index);
    if (NOT_THAT_DAY.test(after)) return false;
    if (PAST_BEFORE.test(before)) return false;
    const clause = /^[^。!?\n]*/.exec(after)![0];
    if (PAST_TENSE.test(after) && !STILL_A_WISH.test(clause)) return false;
    return true;
  });
});

/** 来週火曜(12/2): a date in brackets restates the one before it; when they disagree, ask. */
const mergeRestatedDate = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && hasDate(prev.start) && hasDate(r.start) && !r.end && !prev.end && /^\s*[(]\s*$/.test(between(context, prev, r)) && /^\s*\)/.test(context.text.slice(r.index + r.text.length))) {
      const start = copy(prev.start);
      if (dateOf(prev.start) !== dateOf(r.start)) start.addTag(TAG_CONFIRM + "weekday_mismatch");
      if (hasTime(r.start)) setTime(start, r.start.get("hour")!, r.start.get("minute")!);
      const close = context.text.indexOf(")", r.index + r.text.length);
      out[out.length - 1] = context.createParsingResult(prev.index, close + 1, start);
      continue;
    }
    out.push(r);
  }
  return out;
});

/** 木曜日、12月3日 / Tuesday, December 8: a weekday before a date restates it; when they disagree, ask. */
const mergeWeekdayThenDate = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev && prev.start.tags().has(TAG_BARE_WEEKDAY) && isDateOnly(prev) && hasDate(r.start) && !r.start.tags().has(TAG_BARE_WEEKDAY) && /^\s*[,、]?\s*(?:the\s+)?$/i.test(between(context, prev, r))) {
      const start = copy(r.start);
      if (weekday(dateOf(prev.start)) !== weekday(dateOf(r.start))) start.addTag(TAG_CONFIRM + "weekday_mismatch");
      out[out.length - 1] = joined(context, prev, r, start, r.end);
      continue;
    }
    out.push(r);
  }
  return out;
});

/** 「明日いける？14時とか」: one date and one time in the same message belong together. */
const pairLoneDateAndTime = refiner((context, results) => {
  const dates = results.filter((r) => hasDate(r.start));
  const times = results.filter((r) => isTimeLike(r));
  if (dates.length !== 1 || times.length !== 1 || !isDateOnly(dates[0]!)) return results;
  const [d, t] = [dates[0]!, times[0]!];
  const merged = d.index < t.index ? attachTime(context, d, t, d, t) : attachTime(context, d, t, t, d);
  return [merged];
});

/** 「12月3日14時から12月4日10時に変更」: the first is the booking being moved, not the wish. */
const dropMovedFrom = refiner((context, results) =>
  results.filter((r, i) => {
    const next = results[i + 1];
    if (!next || !hasDate(r.start) || !hasDate(next.start)) return true;
    if (!/^\s*(?:から|より)\s*$/.test(between(context, r, next))) return true;
    return !/^\s*(?:に|へ)\s*(?:変更|変え|ずらし|移し|振り替え)/.test(context.text.slice(next.index + next.text.length));
  }),
);

/** Doubts the bot should raise: a date already past, a week with no day, a year away. */
const flagDoubts = refiner((context, results) => {
  const today = todayOf(context);
  for (const r of results) {
    if (!hasDate(r.start)) continue;
    const date = dateOf(r.start);
    if (date < today) r.start.addTag(TAG_CONFIRM + "past_date");
    else if (r.start.tags().has(TAG_IMPLIED_YEAR) && daysBetween(today, date) > 240) r.start.addTag(TAG_CONFIRM + "far_future");
    else if (daysBetween(today, date) > 400) r.start.addTag(TAG_CONFIRM + "far_future");
  }
  return results;
});

const jaChrono = chrono.ja.casual.clone();
jaChrono.parsers = jaParsers;
jaChrono.refiners = [
  overlapRemoval,
  mergeWeekdayThenDate,
  mergePartOfDayTime,
  mergeTimeRange,
  mergeDateTime,
  mergeDateRange,
  shareAlternatives,
  mergeDateTime,
  mergeRestatedDate,
  dropMovedFrom,
  dropNonWishes,
  pairLoneDateAndTime,
  flagDoubts,
];

// English: chrono.en with weeks that start on Monday, 1–6 o'clock read as the afternoon, and parts of
// the day mapped to office-hour windows.
const enNextWeekWeekday = parser(
  /\b(?:(next|this|the following)\s+week(?:'s)?\s+(mon|tue|wed|thu|fri|sat|sun)[a-z]*|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(next|this)\s+week)\b/i,
  (context, m) => {
    const names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    const wd = names.indexOf((m[2] ?? m[3])!.toLowerCase());
    const which = (m[1] ?? m[4])!.toLowerCase();
    const c = dateComponents(context, weekdayInWeek(todayOf(context), which === "this" ? 0 : 1, wd));
    c.addTag(TAG_WEEK + (which === "this" ? 0 : 1));
    return c;
  },
);
const enWeekdayOnly = parser(/\b(?:(this|next|coming|on)\s+)?(mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b(?!\s+(?:next|this)\s+week)/i, (context, m) => {
  const names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  const wd = names.indexOf(m[2]!.slice(0, 3).toLowerCase());
  const today = todayOf(context);
  const which = m[1]?.toLowerCase();
  // "next Thursday" said on a Tuesday means next week's; "this"/"coming"/bare is the next one
  const date = which === "this" ? weekdayInWeek(today, 0, wd) : which === "next" ? weekdayInWeek(today, 1, wd) : nextWeekday(today, wd);
  const c = dateComponents(context, date);
  c.addTag(which === "next" ? TAG_WEEK + 1 : TAG_BARE_WEEKDAY);
  return c;
});
const EN_POD: Record<string, string> = {
  morning: "10:00-12:00",
  afternoon: "13:00-17:00",
  "early afternoon": "13:00-14:00",
  "late afternoon": "16:00-17:00",
  evening: "16:00-17:00",
  lunchtime: "12:00-13:00",
};
const enPartOfDay = parser(/\b(?:in the\s+)?(early afternoon|late afternoon|morning|afternoon|evening|lunchtime)\b/i, (context, m) => {
  const c = context.createParsingComponents();
  c.addTag(TAG_POD + EN_POD[m[1]!.toLowerCase()]);
  return c;
});
const enNoon = parser(/\b(?:at\s+)?noon\b/i, (context) => setTime(context.createParsingComponents(), 12, 0));

const enChrono = chrono.en.casual.clone();
enChrono.parsers = [
  enNextWeekWeekday,
  enWeekdayOnly,
  enPartOfDay,
  enNoon,
  ...enChrono.parsers.filter((p) => !/Weekday|CasualTime/.test(p.constructor.name)),
];
const enOrdinalDay = parser(/\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/i, (context, m) => {
  const date = nextDayOfMonth(todayOf(context), Number(m[1]));
  if (!date) return null;
  const c = dateComponents(context, date);
  c.addTag(TAG_DAY_ONLY);
  return c;
});
enChrono.parsers.push(enOrdinalDay);

const enOwnRefiners: Refiner[] = [
  overlapRemoval,
  mergeWeekdayThenDate,
  refiner((_context, results) => {
    // chrono.en implies a date for bare times and may move it to tomorrow; ours is today
    for (const r of results) {
      if (!hasDate(r.start) && r.start.isCertain("hour") && !r.start.isCertain("meridiem")) {
        const h = r.start.get("hour")!;
        if (h >= 1 && h <= 6) {
          r.start.assign("hour", h + 12);
          r.start.addTag(TAG_AMBIGUOUS_HOUR);
        }
      }
    }
    return results;
  }),
  mergeDateTime,
  mergeDateRange,
  shareAlternatives,
  dropNonWishesEn(),
  pairLoneDateAndTime,
  flagDoubts,
];
enChrono.refiners = [...enChrono.refiners.filter((r) => !/ForwardDate/.test(r.constructor.name)), ...enOwnRefiners];

function dropNonWishesEn(): Refiner {
  return refiner((context, results) =>
    results.filter((r) => {
      const after = context.text.slice(r.index + r.text.length, r.index + r.text.length + 30);
      const before = context.text.slice(Math.max(0, r.index - 30), r.index);
      if (/^\s*(?:is|are|'s)?\s*(?:not|no good|bad|impossible|doesn't|does not|won't|isn't)/i.test(after)) return false;
      if (/\b(?:not|except|but not|can't do|cannot do|quit|left|resigned|born|was|had|last)\s*(?:on\s*)?$/i.test(before)) return false;
      return true;
    }),
  );
}

// ── Masking: numbers that are never the appointment ─────────────────────────────────────────

const NOT_A_DATE: RegExp[] = [
  /\d+\s*日\s*(?=\d+(?:\.\d+)?\s*(?:時間|回|件|人|社|個))/g,
  /\+?81[-\s]?\(?0?\d{1,4}\)?[-\s]?\d{1,4}[-\s]?\d{3,4}(?!\d)/g,
  /(?<![\d/.])\(?0\d{1,4}\)?\s*[-/.\s()]\s*\d{1,4}\s*[-/.\s)]\s*\d{3,4}(?![\d/.])/g,
  /(?<!\d)\d{5}\s*-\s*\d{1,8}(?!\d)/g,
  /(?<!\d)\d{4}-\d{6}-\d(?!\d)/g,
  /〒\s*\d{3}-?\d{4}|(?<![\d~])\d{3}-\d{4}(?![\d-])/g,
  /(?<!\d)\d{4}[-\s]\d{4}[-\s]\d{4}[-\s]\d{2,4}(?!\d)/g,
  /(?<![\d時:半]\s*)\d+(?:\.\d+)?\s*(?:分(?:間|程度|ほど|くらい|ぐらい|位|以内|以上|だけ|で|前|後)?)(?!\s*(?:から|~|頃|に|の|まで|希望|で))/g,
  /\d+(?:\.\d+)?\s*時間(?:半)?/g,
  /\d+\s*(?:日間|週間(?![後先])|か月|ヶ月|ケ月|カ月|ヵ月|年間|年目|年前|年ぶり|日前|週前|歳|才|円|万|千|人|名|回目|回|件|社|枚|通|代|%|kg|cm|番|号|階|丁目|番地)/g,
  /\b\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|years?)\b(?!\s*(?:later|from now))/gi,
  /\d{5,}/g,
];

function mask(text: string): string {
  let masked = text;
  for (const pattern of NOT_A_DATE) {
    if (!pattern.test(masked)) continue;
    pattern.lastIndex = 0;
    masked = masked.replace(pattern, (m) => (/^20\d{6}$/.test(m) ? m : " ".repeat(m.length)));
  }
  return masked;
}

// ── From chrono results to readings ─────────────────────────────────────────────────────────

function toReading(r: Result, today: string, map: number[]): WhenReading {
  const s = r.start;
  const date = hasDate(s) || s.isCertain("weekday") || s.isCertain("month") ? dateOf(s) : today;
  const reading: WhenReading = { date, span: [map[r.index]!, map[r.index + r.text.length]!] };
  if (hasTime(s)) reading.time = `${pad(s.get("hour")!)}:${pad(s.get("minute") ?? 0)}`;
  const pod = tagValue(s, TAG_POD) ?? podFromEnglishTags(s);
  if (pod && !reading.time) reading.partOfDay = { from: pod.slice(0, 5), to: pod.slice(6) };
  if (r.end) {
    const e = r.end;
    const endDate = hasDate(e) || e.isCertain("weekday") ? dateOf(e) : date;
    reading.end = hasTime(e) ? { date: endDate, time: `${pad(e.get("hour")!)}:${pad(e.get("minute") ?? 0)}` } : { date: endDate };
    if (reading.end.date === date && !reading.end.time) delete reading.end;
  }
  if (s.tags().has(TAG_AMBIGUOUS_HOUR) && reading.time) reading.ambiguousHour = true;
  const confirm = tagValue(s, TAG_CONFIRM);
  if (confirm) reading.confirm = confirm;
  return reading;
}

function podFromEnglishTags(s: Components): string | undefined {
  for (const t of s.tags()) {
    const m = /^casualReference\/(morning|afternoon|evening)$/.exec(t);
    if (m && !s.isCertain("hour")) return EN_POD[m[1]!];
  }
  return undefined;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function rank(readings: WhenReading[]): WhenReading[] {
  const seen = new Set<string>();
  const unique = readings.filter((r) => {
    const key = JSON.stringify([r.date, r.time, r.partOfDay, r.end]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const detail = (r: WhenReading) => (r.time || r.partOfDay ? 0 : 1);
  const anyDetail = unique.some((r) => detail(r) === 0 && !r.confirm);
  return unique
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.confirm ? 1 : 0) - (b.r.confirm ? 1 : 0) || (anyDetail ? detail(a.r) - detail(b.r) : 0) || a.i - b.i)
    .map(({ r }) => r);
}

/** Dates and times a seeker wished for in `text`, best first; [] when there are none. */
export function parseWhen(text: string, options: { now: Date }): WhenReading[] {
  const normalized = normalizeForParsing(text);
  const masked = mask(normalized.text);
  const today = jstDate(options.now);
  const reference = { instant: options.now, timezone: JST };
  const useEnglish = !JAPANESE.test(masked) && /(?<![a-z])(?!(?:am|pm)(?![a-z]))[a-z]{2,}/i.test(masked);
  // chrono's parse() is typed with the read-only interfaces; the objects are its ParsingResults
  const results = (useEnglish ? enChrono.parse(masked, reference) : jaChrono.parse(masked, reference)) as Result[];
  let found = results.filter((r) => hasDate(r.start) || hasTime(r.start) || hasPod(r.start) || r.start.isCertain("weekday") || podFromEnglishTags(r.start));
  // A time or part of day left on its own beside a real date is a stray (「朝のほうが助かります」).
  if (found.some((r) => hasDate(r.start) || r.start.isCertain("weekday"))) found = found.filter((r) => hasDate(r.start) || r.start.isCertain("weekday"));
  // 「午前と午後どちらが…」 asks which; it does not choose.
  const windows = new Set(found.filter((r) => !hasTime(r.start)).map((r) => tagValue(r.start, TAG_POD)).filter(Boolean));
  if (windows.size > 1 && found.every((r) => !hasDate(r.start) && !hasTime(r.start))) return [];
  // 「午後でも大丈夫ですか」 asks about a part of the day without naming one.
  if (/[か?]\s*$/.test(masked)) for (const r of found) if (!hasDate(r.start) && !hasTime(r.start)) r.start.addTag(TAG_CONFIRM + "ambiguous_date");
  return rank(found.map((r) => toReading(r, today, normalized.map)));
}
