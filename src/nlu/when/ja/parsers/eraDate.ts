// 令和8年12月3日, R8.12.3, r9/1/8: a date in the Reiwa era.
import { isValidDate, toDateString } from "../../../../jst.ts";
import { dateComponents, parser } from "../../components.ts";
import { WEEKDAY_SUFFIX } from "../constants.ts";

const REIWA_YEAR_ZERO = 2018;

export const eraDateParser = parser(
  new RegExp(
    String.raw`(?:令和|R|r|Ｒ)\s*(?<era>\d{1,2}|元)\s*(?:年|[./-])\s*(?<month>\d{1,2})\s*(?:月|[./-])\s*(?<day>\d{1,2})(?:\s*日)?(?!\d)` + WEEKDAY_SUFFIX,
  ),
  (context, m) => {
    if (/[A-Za-z]/.test(context.text[m.index! - 1] ?? "")) return null;
    const g = m.groups!;
    const year = REIWA_YEAR_ZERO + (g.era === "元" ? 1 : Number(g.era));
    const month = Number(g.month);
    const day = Number(g.day);
    if (!isValidDate(year, month, day)) return null;
    return dateComponents(context, toDateString(year, month, day), g.wdParen ?? g.wdWord);
  },
);
