// 12/3, 12.3(木): month/day with a slash or a dot.
import { parser } from "../../components.ts";
import { WEEKDAY_SUFFIX } from "../constants.ts";
import { monthDay } from "./monthDay.ts";

/** After a dotted pair: a time or a part of day, which makes 12.3 a date. */
const TIME_FOLLOWS = /^\s*(?:\d{1,2}\s*[時:]|[の、,]?\s*(?:午前|午後|朝|昼|夕方|\d{1,2}:))/;

export const slashDateParser = parser(
  new RegExp(
    String.raw`(?<month>\d{1,2})\s*(?<sep>[/.])\s*(?<day>\d{1,2})(?![\d/.]|\s*(?:時間|日間|分|%|倍|kg|km|cm))(?:\s*日)?` + WEEKDAY_SUFFIX,
  ),
  (context, m) => {
    const before = context.text[m.index! - 1] ?? "";
    if (/[\d/.:]/.test(before)) return null;
    const g = m.groups!;
    const stated = g.wdParen ?? g.wdWord;
    // 1.5 is a number, not January 5th, unless a weekday or a time makes it a date.
    if (g.sep === "." && !stated && !TIME_FOLLOWS.test(context.text.slice(m.index! + m[0].length))) {
      if (!/^\d{1,2}\.\d{1,2}$/.test(m[0].trim()) || Number(g.month) > 12) return null;
    }
    return monthDay(context, Number(g.month), Number(g.day), stated);
  },
);
