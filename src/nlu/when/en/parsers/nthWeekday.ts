// "the first Monday of December", "the last Friday in January": the nth weekday of a month.
import { nthWeekdayOf, todayOf, yearOfNextMonth } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../constants.ts";

const NTH: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, fifth: 5, "5th": 5, last: -1 };

export const enNthWeekdayParser = parser(
  /\b(?:the\s+)?(?<nth>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\s+(?<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(?:of|in)\s+(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i,
  (context, m) => {
    const g = m.groups!;
    const month = MONTH_NAMES.indexOf(g.month!.toLowerCase() as (typeof MONTH_NAMES)[number]) + 1;
    const wd = WEEKDAY_NAMES.indexOf(g.wd!.toLowerCase() as (typeof WEEKDAY_NAMES)[number]);
    const date = nthWeekdayOf(yearOfNextMonth(todayOf(context), month), month, NTH[g.nth!.toLowerCase()]!, wd);
    return date ? dateComponents(context, date) : context.createParsingComponents();
  },
);
