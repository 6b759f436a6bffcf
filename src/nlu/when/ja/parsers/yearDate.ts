// 2026年12月3日, 2026/12/3, 2026-12-03, 26年12月3日: a date with its year.
import { isValidDate, toDateString } from "../../../../jst.ts";
import { dateComponents, glued, parser } from "../../components.ts";
import { WEEKDAY_SUFFIX } from "../constants.ts";

export const yearDateParser = parser(
  new RegExp(
    String.raw`(?<year>20\d{2}|\d{2}(?=年))\s*(?:年|[./-])\s*(?<month>\d{1,2})\s*(?:月|[./-])\s*(?<day>\d{1,2})(?:\s*日)?(?!\d)` + WEEKDAY_SUFFIX,
  ),
  (context, m) => {
    if (glued(context, m.index!, m[0].length)) return null;
    const g = m.groups!;
    const year = g.year!.length === 2 ? 2000 + Number(g.year) : Number(g.year);
    const month = Number(g.month);
    const day = Number(g.day);
    if (!isValidDate(year, month, day)) return null;
    return dateComponents(context, toDateString(year, month, day), g.wdParen ?? g.wdWord);
  },
);
