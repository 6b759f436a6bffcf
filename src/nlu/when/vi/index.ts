// The Vietnamese configuration: our own parsers (parsers.ts) with the shared refiners. Only order lives here.
import type { Parser, Refiner } from "chrono-node";
import { dateThenWeekday } from "../refiners/dateThenWeekday.ts";
import { flagDoubts } from "../refiners/flagDoubts.ts";
import { markOpenRanges } from "../refiners/markOpenRanges.ts";
import { mergeDateRange } from "../refiners/mergeDateRange.ts";
import { mergeDayPartThenTime } from "../refiners/mergeDayPartThenTime.ts";
import { mergeDateTime } from "../refiners/mergeDateTime.ts";
import { mergeTimeRange } from "../refiners/mergeTimeRange.ts";
import { mergeWeekdayThenDate } from "../refiners/mergeWeekdayThenDate.ts";
import { overlapRemoval } from "../refiners/overlapRemoval.ts";
import { pairLoneDateAndTime } from "../refiners/pairLoneDateAndTime.ts";
import { shareAlternatives } from "../refiners/shareAlternatives.ts";
import { amPmClockParser } from "../en/parsers/amPmClock.ts";
import { viDropNonWishes, viShareAlternatives } from "./refiners.ts";
import { viCasualDayParser, viDaysFromTodayParser, viHourRangeParser, viDateParser, viDayOnlyParser, viPartOfDayParser, viTimeParser, viWeekSpanParser, viWeekdayParser } from "./parsers.ts";

export const viParsers: Parser[] = [
  viDateParser, // 3/12 is 3 December: day before month
  viCasualDayParser,
  viDaysFromTodayParser, // 3 ngày nữa: before viTime, whose 3 it is not
  viWeekdayParser, // before viWeekSpan: thứ Ba tuần sau is a day, tuần sau alone a week
  viWeekSpanParser,
  viHourRangeParser, // before viTime: in 2 đến 4 giờ the 4 giờ alone is only the end
  amPmClockParser, // before viTime: thứ Ba 3pm is English borrowed for the time
  viTimeParser, // before viPartOfDay: chiều inside 2 giờ chiều is the time's
  viPartOfDayParser,
  viDayOnlyParser, // last of the dates: ngày 3 only where no month was written
];

export const viRefiners: Refiner[] = [
  overlapRemoval, // first: every later refiner assumes results do not overlap
  mergeWeekdayThenDate, // thứ Năm, 3/12: the weekday restates the date
  dateThenWeekday, // 3/12 (thứ Năm): so does a weekday after it
  mergeTimeRange,
  mergeDateTime,
  mergeDayPartThenTime, // sáng mai 10h30: the time on the day, in its part of the day
  mergeDateRange,
  viDropNonWishes, // after the merges: chiều mai không được refuses the whole reading
  viShareAlternatives, // before shareAlternatives: thứ Tư hoặc thứ Năm tuần sau are both next week's
  shareAlternatives,
  markOpenRanges, // sau ngày 8/12, 3/12 trở đi: the whole reading is open
  pairLoneDateAndTime,
  flagDoubts, // last: doubts are judged on final dates
];
