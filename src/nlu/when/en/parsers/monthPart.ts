// "late December", "mid-January", "the end of March": a part of a named month, as the
// vague span of the Japanese 上旬/中旬/下旬/初め/末.
import { toDateString } from "../../../../jst.ts";
import { daysInMonth, todayOf, yearOfNextMonth } from "../../calendar.ts";
import { parser, vagueSpan } from "../../components.ts";
import { MONTH_PARTS } from "../../ja/constants.ts";
import { EN_MONTH_PARTS, MONTH_NAMES } from "../constants.ts";

export const enMonthPartParser = parser(
  new RegExp(String.raw`\b(?<part>${Object.keys(EN_MONTH_PARTS).join("|")})[\s-]+(?:of\s+|in\s+)?(?<month>${MONTH_NAMES.join("|")})[a-z]*\b`, "i"),
  (context, m) => {
    const g = m.groups!;
    const month = MONTH_NAMES.indexOf(g.month!.toLowerCase() as (typeof MONTH_NAMES)[number]) + 1;
    const today = todayOf(context);
    const year = yearOfNextMonth(today, month);
    const [a, b] = MONTH_PARTS[EN_MONTH_PARTS[g.part!.toLowerCase().replace(/\s+/g, " ")]!]!(daysInMonth(year, month));
    return vagueSpan(context, m.index!, m[0], toDateString(year, month, a), toDateString(year, month, b), today);
  },
);
