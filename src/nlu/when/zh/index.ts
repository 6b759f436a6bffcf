// The 简体中文 configuration: chrono.zh (simplified) for clock times and full dates, with ours around it
// for what must match the Japanese and English readings (weeks start on Monday, parts of the day are
// office-hour windows, a month and day is its next occurrence, a bare 1–6 o'clock is the afternoon and
// asked back). Only order lives here.
import * as chrono from "chrono-node";
import type { Parser, Refiner } from "chrono-node";
import { flagDoubts } from "../refiners/flagDoubts.ts";
import { markOpenRanges } from "../refiners/markOpenRanges.ts";
import { mergeDateRange } from "../refiners/mergeDateRange.ts";
import { mergeDateTime } from "../refiners/mergeDateTime.ts";
import { mergeTimeRange } from "../refiners/mergeTimeRange.ts";
import { mergeWeekdayThenDate } from "../refiners/mergeWeekdayThenDate.ts";
import { overlapRemoval } from "../refiners/overlapRemoval.ts";
import { pairLoneDateAndTime } from "../refiners/pairLoneDateAndTime.ts";
import { shareAlternatives } from "../refiners/shareAlternatives.ts";
import { amPmClockParser } from "../en/parsers/amPmClock.ts";
import { zhCasualDayParser } from "./parsers/casualDay.ts";
import { zhDayOnlyParser } from "./parsers/dayOnly.ts";
import { zhMonthDayParser } from "./parsers/monthDay.ts";
import { zhPartOfDayParser } from "./parsers/partOfDay.ts";
import { zhWeekdayParser } from "./parsers/weekday.ts";
import { zhWeekSpanParser } from "./parsers/weekSpan.ts";
import { zhBusinessHour, zhDropNonWishes, zhEvening, zhForwardYear, zhOpenTimes } from "./refiners.ts";
import { dateThenWeekday } from "../refiners/dateThenWeekday.ts";

const base = chrono.zh.hans.casual.clone();

export const zhParsers: Parser[] = [
  zhMonthDayParser, // before chrono's dates: 12月3日 is its next occurrence
  zhCasualDayParser, // ours replaces chrono's casual dates: 下午 alone is a window, not 15:00
  zhWeekdayParser, // ours replaces chrono's weekdays: weeks start on Monday, 下周二 is next week's
  zhWeekSpanParser,
  zhPartOfDayParser,
  amPmClockParser, // 明天 2pm: English borrowed for the time
  ...base.parsers.filter((p) => !/Weekday|CasualDate|Ago/.test(p.constructor.name)), // chrono.zh for clock times and the rest
  zhDayOnlyParser, // last: 3号 only where nothing fuller was found
];

export const zhRefiners: Refiner[] = [
  overlapRemoval, // before chrono's merges: (周四) must restate its date before chrono joins it to the time after it
  dateThenWeekday, // 12月3日（周四）下午2点: the weekday restates the date before the time joins it
  ...base.refiners.filter((r) => !/ForwardDate|MergeWeekday/.test(r.constructor.name)), // chrono's merges; we date forward ourselves
  overlapRemoval, // every later refiner assumes results do not overlap
  zhForwardYear,
  zhBusinessHour, // before the date meets its time: the hour is read before it is dated
  zhEvening,
  zhOpenTimes, // before mergeDateTime: 明天下午3点以后 is open as a whole
  mergeWeekdayThenDate,
  mergeTimeRange,
  mergeDateTime,
  mergeDateRange,
  zhDropNonWishes, // after the merges: 明天下午不行 refuses the whole reading
  shareAlternatives,
  markOpenRanges, // 12月8日以后: the whole reading is open
  pairLoneDateAndTime,
  flagDoubts, // last: doubts are judged on final dates
];
