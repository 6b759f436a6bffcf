// 1月の第2火曜日, 来月の最初の木曜, 12月の最後の水曜: the nth weekday of a month. Without a month
// (第4木曜; but 次の第4木曜 is the next one) or counted in weeks (1月の3週目の水曜, 第2週の火曜), the day is a
// guess, so it is asked back.
import { parseDateString } from "../../../../jst.ts";
import { monthsAhead, nthWeekdayOf, todayOf, yearOfNextMonth } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { MONTH_OFFSETS, WEEKDAY_KANJI } from "../constants.ts";

/** A month named earlier in the sentence (12月は第2火曜が…): the last one before the match. */
const MONTH_BEFORE = /(?:(?<month>\d{1,2})\s*月(?![曜日\d])|(?<rel>今月|来月|翌月|再来月))(?!.*(?:\d\s*月(?![曜日\d])|今月|来月|翌月|再来月))[^。.!?\n]*$/;

const ORDINAL = "1一2二3三4四5五6六";

function ordinal(s: string): number {
  return Math.floor(ORDINAL.indexOf(s) / 2) + 1;
}

export const nthWeekdayParser = parser(
  new RegExp(
    String.raw`(?:(?<month>\d{1,2})\s*月|(?<rel>今月|来月|翌月|再来月)|(?<next>次の|今度の|直近の|一番近い))?\s*(?:の\s*)?` +
      String.raw`(?:第\s*(?<nth>[1-6一二三四五六])\s*|(?<nthCount>[1-6一二三四五六])\s*(?:回目|番目)\s*の\s*|(?:第\s*)?(?<weekCount>[1-6一二三四五六])\s*週\s*目?\s*の\s*|(?<first>最初|初め|はじめ)\s*の\s*|(?<last>最終|最後\s*の)\s*)` +
      String.raw`(?<wd>[月火水木金土日])\s*(?:曜日?|よう日?)`,
  ),
  (context, m) => {
    const g = { ...m.groups! };
    if (!g.month && !g.rel && !g.nth && !g.weekCount) return null; // 最初の木曜 alone is just the next Thursday
    if (!g.month && !g.rel) Object.assign(g, MONTH_BEFORE.exec(context.text.slice(0, m.index!))?.groups);
    const today = todayOf(context);
    const wd = WEEKDAY_KANJI.indexOf(g.wd!);
    const nth = g.last ? -1 : g.first ? 1 : ordinal((g.nth ?? g.nthCount ?? g.weekCount)!);
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
    const c = dateComponents(context, date);
    if (!g.month && !g.rel) setTag(c, "nthWithoutMonth", `${nth}:${wd}`);
    // the third week may start with the month's first Monday or with its 1st: ask which
    if (g.weekCount || (!g.month && !g.rel && !g.next)) setTag(c, "confirm", "ambiguous_date");
    return c;
  },
);
