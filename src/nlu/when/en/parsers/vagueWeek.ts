// "next week", "some time next week", "early next week", "end of this week": a week as a vague span
// of its working days, or the early or late part of them.
import { todayOf, weekdayInWeek } from "../../calendar.ts";
import { parser, vagueSpan } from "../../components.ts";

export const enVagueWeekParser = parser(
  /\b(?:(?:any ?time|some ?time|(?<early>early|the beginning of|beginning of|the start of|start of)|(?<late>late|later|the end of|end of))\s+(?:in\s+)?)?(?<which>this|next|the following)\s+week\b(?!\s*(?:'s\s+)?(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun))/i,
  (context, m) => {
    const g = m.groups!;
    const weeks = g.which!.toLowerCase() === "this" ? 0 : 1;
    const today = todayOf(context);
    const from = weekdayInWeek(today, weeks, g.late ? 4 : 1);
    const to = weekdayInWeek(today, weeks, g.early ? 3 : 5);
    return vagueSpan(context, m.index!, m[0], from, to, today);
  },
);
