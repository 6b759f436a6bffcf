// 月末, 来月末, 12月上旬, 1月中旬, 来月の初め, 12月の頭, 今月中: part of a month, as a vague span.
import { parseDateString, toDateString } from "../../../../jst.ts";
import { daysInMonth, monthsAhead, todayOf, yearOfNextMonth } from "../../calendar.ts";
import { parser, vagueSpan } from "../../components.ts";
import { MONTH_OFFSETS } from "../constants.ts";

/** First and last day of each part, given the month's length. */
const PARTS: Record<string, (days: number) => [number, number]> = {
  上旬: () => [1, 10],
  初旬: () => [1, 10],
  中旬: () => [11, 20],
  下旬: (n) => [21, n],
  初め: () => [1, 7],
  始め: () => [1, 7],
  頭: () => [1, 7],
  初: () => [1, 7],
  末: (n) => [n - 6, n],
  終わり: (n) => [n - 6, n],
  中: (n) => [1, n],
};

export const monthSpanParser = parser(
  /(?:(?<month>\d{1,2})\s*月|(?<rel>今月|来月|翌月|再来月)|(?<bare>月))\s*(?:の\s*)?(?<part>上旬|初旬|中旬|下旬|初め|始め|頭|末|終わり|中|初)(?!\d)/,
  (context, m) => {
    const g = m.groups!;
    const part = g.part!;
    // 月中 and 月の頭 alone are not said; 月初 and 月末 are
    if (g.bare && !["末", "初", "初め", "上旬", "中旬", "下旬"].includes(part)) return null;
    if (g.month && part === "中" && /^\s*に?\s*(?:仕事|決め|就職|提出)/.test(context.text.slice(m.index! + m[0].length))) return null;
    const today = todayOf(context);
    let target: { year: number; month: number };
    if (g.month) {
      const month = Number(g.month);
      if (month < 1 || month > 12) return null;
      target = { year: yearOfNextMonth(today, month), month };
    } else if (g.rel) target = monthsAhead(today, MONTH_OFFSETS[g.rel]!);
    else target = parseDateString(today);
    const span = (t: { year: number; month: number }) => {
      const [a, b] = PARTS[part]!(daysInMonth(t.year, t.month));
      return [toDateString(t.year, t.month, a), toDateString(t.year, t.month, b)] as const;
    };
    let [from, to] = span(target);
    // 月末 or 下旬 alone, already over this month: next month's
    if (g.bare && to < today) [from, to] = span(monthsAhead(today, 1));
    return vagueSpan(context, m.index!, m[0], from, to, today);
  },
);
