// 月末, 来月末, 12月上旬, 1月中旬, 12月の半ば, 来月の初め, 12月の頭, 今月中: part of a month, as a
// vague span; 来月以降: the whole month, which markOpenRanges opens from its first day.
import { parseDateString, toDateString } from "../../../../jst.ts";
import { daysInMonth, monthsAhead, todayOf, yearOfNextMonth } from "../../calendar.ts";
import { parser, vagueSpan } from "../../components.ts";
import { MONTH_OFFSETS, MONTH_PARTS } from "../constants.ts";

const WHOLE_MONTH = "中";

export const monthSpanParser = parser(
  new RegExp(
    String.raw`(?:(?<month>\d{1,2})\s*月|(?<rel>今月|来月|翌月|再来月)|(?<bare>月))\s*(?:の\s*)?(?:(?<part>${Object.keys(MONTH_PARTS).join("|")})(?!\d)|(?=\s*(?:以降|以後)))`,
  ),
  (context, m) => {
    const g = m.groups!;
    const part = g.part ?? WHOLE_MONTH;
    // 月中 and 月の頭 alone are not said; 月初 and 月末 are; 月以降 is nothing
    if (g.bare && !["末", "初", "初め", "上旬", "中旬", "下旬"].includes(part)) return null;
    if (g.month && part === "中" && /^\s*に?\s*(?:仕事|決め|就職|提出)/.test(context.text.slice(m.index! + m[0].length))) return null;
    // 12日以降 and 12月3日以降 are the day's: only a month with nothing after its 月 opens here
    if (!g.part && g.month && /\d\s*$/.test(context.text.slice(0, m.index!))) return null;
    const today = todayOf(context);
    let target: { year: number; month: number };
    if (g.month) {
      const month = Number(g.month);
      if (month < 1 || month > 12) return null;
      target = { year: yearOfNextMonth(today, month), month };
    } else if (g.rel) target = monthsAhead(today, MONTH_OFFSETS[g.rel]!);
    else target = parseDateString(today);
    const span = (t: { year: number; month: number }) => {
      const [a, b] = MONTH_PARTS[part]!(daysInMonth(t.year, t.month));
      return [toDateString(t.year, t.month, a), toDateString(t.year, t.month, b)] as const;
    };
    let [from, to] = span(target);
    // 月末 or 下旬 alone, already over this month: next month's
    if (g.bare && to < today) [from, to] = span(monthsAhead(today, 1));
    return vagueSpan(context, m.index!, m[0], from, to, today);
  },
);
