// 12月3日, 12月の3日(木): a month and day, in its next occurrence.
import type { ParsingContext } from "chrono-node";
import { nextMonthDay, todayOf } from "../../calendar.ts";
import { type Components, dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { WEEKDAY_SUFFIX } from "../constants.ts";

/** Month and day without a year: the next occurrence, marked so the refiners know the year was implied. */
export function monthDay(context: ParsingContext, month: number, day: number, stated?: string): Components | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const next = nextMonthDay(todayOf(context), month, day);
  if (!next) return null;
  const c = dateComponents(context, next.date, stated);
  setTag(c, "impliedYear", true);
  return c;
}

export const monthDayParser = parser(
  new RegExp(String.raw`(?<month>\d{1,2})\s*月\s*(?:の\s*)?(?<day>\d{1,2})\s*日(?![間前])` + WEEKDAY_SUFFIX),
  (context, m) => {
    if (/\d/.test(context.text[m.index! - 1] ?? "")) return null;
    const g = m.groups!;
    return monthDay(context, Number(g.month), Number(g.day), g.wdParen ?? g.wdWord);
  },
);
