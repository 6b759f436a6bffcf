// 1月の第2火曜日, 来月の最初の木曜, 12月の最後の水曜, 第4木曜: the nth weekday of a month.
import { parseDateString } from "../../../../jst.ts";
import { monthsAhead, nthWeekdayOf, todayOf, yearOfNextMonth } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { MONTH_OFFSETS, WEEKDAY_KANJI } from "../constants.ts";

const ORDINAL = "1一2二3三4四5五6六";

function ordinal(s: string): number {
  return Math.floor(ORDINAL.indexOf(s) / 2) + 1;
}

export const nthWeekdayParser = parser(
  new RegExp(
    String.raw`(?:(?<month>\d{1,2})\s*月|(?<rel>今月|来月|翌月|再来月))?\s*(?:の\s*)?` +
      String.raw`(?:第\s*(?<nth>[1-6一二三四五六])\s*|(?<nthCount>[1-6一二三四五六])\s*(?:回目|番目)\s*の\s*|(?<first>最初|初め|はじめ)\s*の\s*|(?<last>最終|最後\s*の)\s*)` +
      String.raw`(?<wd>[月火水木金土日])\s*(?:曜日?|よう日?)`,
  ),
  (context, m) => {
    const g = m.groups!;
    if (!g.month && !g.rel && !g.nth) return null; // 最初の木曜 alone is just the next Thursday
    const today = todayOf(context);
    const wd = WEEKDAY_KANJI.indexOf(g.wd!);
    const nth = g.last ? -1 : g.first ? 1 : ordinal((g.nth ?? g.nthCount)!);
    let target: { year: number; month: number };
    if (g.month) {
      const month = Number(g.month);
      if (month < 1 || month > 12) return null;
      target = { year: yearOfNextMonth(today, month), month };
    } else if (g.rel) target = monthsAhead(today, MONTH_OFFSETS[g.rel]!);
    else target = parseDateString(today);
    let date = nthWeekdayOf(target.year, target.month, nth, wd);
    // 第4木曜 alone, already past this month: next month's
    if (date && !g.month && !g.rel && date < today) {
      const next = monthsAhead(today, 1);
      date = nthWeekdayOf(next.year, next.month, nth, wd);
    }
    // 12月の第6月曜 does not exist: a match with no date, so that 月曜 alone is not read instead
    if (!date) return context.createParsingComponents();
    return dateComponents(context, date);
  },
);
