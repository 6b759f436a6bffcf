// The Japanese configuration: which parsers and refiners run, in which order. Only order lives here.
import type { Parser, Refiner } from "chrono-node";
import { dropMovedFrom } from "../refiners/dropMovedFrom.ts";
import { flagDoubts } from "../refiners/flagDoubts.ts";
import { mergeDateRange } from "../refiners/mergeDateRange.ts";
import { mergeDateTime } from "../refiners/mergeDateTime.ts";
import { mergePartOfDayTime } from "../refiners/mergePartOfDayTime.ts";
import { mergeRestatedDate } from "../refiners/mergeRestatedDate.ts";
import { mergeTimeRange } from "../refiners/mergeTimeRange.ts";
import { markOpenRanges } from "../refiners/markOpenRanges.ts";
import { mergeWeekdayThenDate } from "../refiners/mergeWeekdayThenDate.ts";
import { overlapRemoval } from "../refiners/overlapRemoval.ts";
import { pairLoneDateAndTime } from "../refiners/pairLoneDateAndTime.ts";
import { sameTimeAsBefore } from "../refiners/sameTimeAsBefore.ts";
import { shareAlternatives } from "../refiners/shareAlternatives.ts";
import { casualDayParser } from "./parsers/casualDay.ts";
import { commaDateParser } from "./parsers/commaDate.ts";
import { compactDateParser } from "./parsers/compactDate.ts";
import { compactTimeParser } from "./parsers/compactTime.ts";
import { dayOnlyParser } from "./parsers/dayOnly.ts";
import { daysLaterParser } from "./parsers/daysLater.ts";
import { eraDateParser } from "./parsers/eraDate.ts";
import { monthDayParser } from "./parsers/monthDay.ts";
import { noonParser } from "./parsers/noon.ts";
import { partOfDayParser } from "./parsers/partOfDay.ts";
import { relativeMonthDayParser } from "./parsers/relativeMonthDay.ts";
import { slashDateParser } from "./parsers/slashDate.ts";
import { timeParser } from "./parsers/time.ts";
import { weekdayParser } from "./parsers/weekday.ts";
import { enTimeRangeParser } from "../en/parsers/timeRange.ts";
import { hourRangeParser } from "./parsers/hourRange.ts";
import { monthSpanParser } from "./parsers/monthSpan.ts";
import { monthsLaterParser } from "./parsers/monthsLater.ts";
import { nthWeekdayParser } from "./parsers/nthWeekday.ts";
import { sameDayNextWeekParser } from "./parsers/sameDayNextWeek.ts";
import { weekSpanParser } from "./parsers/weekSpan.ts";
import { yearDateParser } from "./parsers/yearDate.ts";
import { flagDayAnaphora } from "./refiners/flagDayAnaphora.ts";
import { dropNonWishes } from "./refiners/dropNonWishes.ts";
import { durationFrom } from "./refiners/durationFrom.ts";
import { dropReasons } from "./refiners/dropReasons.ts";
import { jaAnchorRelatives } from "./refiners/anchorRelatives.ts";

// Parsers all run; where two matches overlap, overlapRemoval keeps the longer, and on equal length
// the one found first — so the order below only settles ties.
export const jaParsers: Parser[] = [
  eraDateParser, // before yearDate: R8.12.3 must not lose its era to a bare 8.12.3
  yearDateParser,
  compactDateParser, // 20261208 before anything reads it as a number
  nthWeekdayParser, // 12月の第2火曜 before monthSpan/weekday read 12月 or 火曜 alone
  monthSpanParser, // 12月中旬 is a span, before anything reads 12月
  relativeMonthDayParser, // 来月10日 before dayOnly reads 10日 alone
  monthDayParser, // 12月3日 before dayOnly reads 3日 alone
  slashDateParser,
  commaDateParser,
  dayOnlyParser, // the weakest date reading: last of the dates
  casualDayParser,
  monthsLaterParser, // 2か月後の15日 before dayOnly reads 15日 alone
  daysLaterParser,
  sameDayNextWeekParser, // 来週の今日 before weekSpan reads 来週 alone
  weekdayParser, // before weekSpan: 来週水曜 is a day, 来週 alone a week
  weekSpanParser,
  hourRangeParser, // before timeParser: in 13-15時 the 15時 alone is only the end
  enTimeRangeParser, // before timeParser: in 12/8 2-4pm the 4pm alone is only the end
  timeParser, // before compactTime: 14:00 is a time with a colon before a bare 1400
  compactTimeParser,
  noonParser,
  partOfDayParser, // last: 午後 inside 午後2時 is the time parser's
];

export const jaRefiners: Refiner[] = [
  overlapRemoval, // first: every later refiner assumes results do not overlap
  mergeWeekdayThenDate, // before mergeDateTime: 木曜日、12月3日 14時 is one date before it meets its time
  mergePartOfDayTime, // before the ranges: 午後2時から3時 needs 午後 on the 2 first
  mergeTimeRange, // before mergeDateTime: the date attaches to the whole range
  mergeDateTime, // a date meets its time
  durationFrom, // before mergeDateRange: 明日から3日間 is already a range
  mergeDateRange, // after mergeDateTime: 3日から5日の午後 ranges over dates that carry their time
  shareAlternatives, // after the merges: alternatives share whole readings
  mergeDateTime, // again: what shareAlternatives dated may now meet a time
  mergeRestatedDate, // after the merges: 来週火曜(12/2) 14時 compares whole dates
  sameTimeAsBefore, // before the drops: the earlier time it repeats may be a past one (前回は…14時)
  jaAnchorRelatives, // after the merges and sameTimeAsBefore, before the drops: その翌週の火曜10時 is whole, its anchor (…なので) still stands
  dropMovedFrom, // before dropNonWishes: from-to moves are read on the full results
  dropNonWishes,
  dropReasons, // after dropNonWishes: only dates still standing can be the reason for a later one
  markOpenRanges, // after the merges: 12月8日以降 looks past the whole date
  pairLoneDateAndTime, // after the drops: only what is left is paired
  flagDayAnaphora, // after the merges: what was paired beside a pointed-at day is doubted as a whole
  flagDoubts, // last: doubts are judged on final dates
];
