// 12月3日, 12月3号, 12/3: a month and day in its next occurrence (chrono.zh would keep this year's, even past).
import { parser } from "../../components.ts";
import { monthDay } from "../../ja/parsers/monthDay.ts";
import { ZH_COUNTED } from "../constants.ts";

export const zhMonthDayParser = parser(/(?<![\d/.])(?<month>\d{1,2})\s*(?:月\s*(?<day>\d{1,2})\s*(?:日|号)|\/\s*(?<slashDay>\d{1,2})(?![\d/]))/, (context, m) => {
  const g = m.groups!;
  if (ZH_COUNTED.test(context.text.slice(m.index! + m[0].length))) return null;
  return monthDay(context, Number(g.month), Number(g.day ?? g.slashDay));
});
