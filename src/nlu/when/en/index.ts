// The English configuration: chrono.en's casual parsers and refiners with ours around them. Only
// order lives here.
import * as chrono from "chrono-node";
import type { Parser, Refiner } from "chrono-node";
import { flagDoubts } from "../refiners/flagDoubts.ts";
import { mergeDateRange } from "../refiners/mergeDateRange.ts";
import { mergeDateTime } from "../refiners/mergeDateTime.ts";
import { mergeWeekdayThenDate } from "../refiners/mergeWeekdayThenDate.ts";
import { overlapRemoval } from "../refiners/overlapRemoval.ts";
import { pairLoneDateAndTime } from "../refiners/pairLoneDateAndTime.ts";
import { shareAlternatives } from "../refiners/shareAlternatives.ts";
import { casualDayParser } from "../ja/parsers/casualDay.ts";
import { enAroundHourParser } from "./parsers/aroundHour.ts";
import { enDaysFromTodayParser } from "./parsers/daysFromToday.ts";
import { enMonthPartParser } from "./parsers/monthPart.ts";
import { enNextWeekWeekdayParser } from "./parsers/nextWeekWeekday.ts";
import { enNoonParser } from "./parsers/noon.ts";
import { enTimeRangeParser } from "./parsers/timeRange.ts";
import { enKeepMonthDay } from "./refiners/keepMonthDay.ts";
import { mergeTimeRange } from "../refiners/mergeTimeRange.ts";
import { enNthWeekdayParser } from "./parsers/nthWeekday.ts";
import { enVagueWeekParser } from "./parsers/vagueWeek.ts";
import { markOpenRanges } from "../refiners/markOpenRanges.ts";
import { enOrdinalDayParser } from "./parsers/ordinalDay.ts";
import { enPartOfDayParser } from "./parsers/partOfDay.ts";
import { enWeekdayParser } from "./parsers/weekday.ts";
import { enBusinessHour } from "./refiners/businessHour.ts";
import { enDropNonWishes } from "./refiners/dropNonWishes.ts";
import { enAnchorRelatives, enDropReadingsInsideCounts } from "./refiners/anchorRelatives.ts";

const base = chrono.en.casual.clone();

export const enParsers: Parser[] = [
  casualDayParser, // before chrono's: "day after tomorrow" without "the" must not be read as "tomorrow"
  enDaysFromTodayParser, // before chrono's: "10 days from today" is not "today"
  enMonthPartParser, // before chrono's month names: "late December" is a span, not the 1st
  enNthWeekdayParser, // before chrono's month names: "the first Monday of December" is one date
  enVagueWeekParser, // before chrono's relative dates: "next week" is a span, not today + 7
  enNextWeekWeekdayParser, // before enWeekday: "Tuesday next week" is one reading, not "Tuesday"
  enWeekdayParser, // ours replaces chrono's: weeks start on Monday, "next" means next week's
  enPartOfDayParser, // ours replaces chrono's casual times: parts of the day are office-hour windows
  enNoonParser,
  enAroundHourParser, // "around 3" is a time only with its approximation word; chrono skips it
  enTimeRangeParser, // before chrono's times: "between 2 and 4pm" is one range, not "4pm"
  ...base.parsers.filter((p) => !/Weekday|CasualTime/.test(p.constructor.name)), // chrono.en for the rest
  enOrdinalDayParser, // last: "the 3rd" only where chrono found no fuller date
];

export const enRefiners: Refiner[] = [
  enDropReadingsInsideCounts, // first: chrono must not merge its today-based "the day after" with a time before we count it
  enKeepMonthDay, // before chrono's overlap removal: "Dec 8" must not lose to "8 in the afternoon"
  ...base.refiners.filter((r) => !/ForwardDate/.test(r.constructor.name)), // chrono's merges; we date forward ourselves
  overlapRemoval, // every later refiner assumes results do not overlap
  mergeWeekdayThenDate, // before mergeDateTime: "Tuesday, December 8, 3 PM" is one date first
  enBusinessHour, // before the date meets its time: the hour is read before it is dated
  mergeTimeRange, // before mergeDateTime: the date attaches to the whole range
  mergeDateTime,
  mergeDateRange,
  shareAlternatives, // after the merges: alternatives share whole readings
  enAnchorRelatives, // after the merges, before the drops: "the day after" is counted from a date that still stands
  enDropNonWishes,
  markOpenRanges, // "after 3pm on Friday": the whole reading is open
  pairLoneDateAndTime, // after the drops: only what is left is paired
  flagDoubts, // last: doubts are judged on final dates
];
