// 来週の水曜日, 金曜, (火), and the first of 「水か木曜」 (a bare kanji followed by another weekday).
import { nextWeekday, todayOf, weekdayInWeek } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { WEEKDAY_KANJI, WEEK_OFFSETS } from "../constants.ts";

const WEEK_PREFIX = String.raw`(?<week>今週|来週|翌週|次週|再来週|さ来週|先週|次の|今度の|この|次回の)?\s*(?:の\s*)?`;

export const weekdayParser = parser(
  new RegExp(
    WEEK_PREFIX +
      String.raw`(?:(?<wd>[月火水木金土日])\s*(?:曜日?|よう日?)|\(\s*(?<wdParen>[月火水木金土日])\s*\)|(?<wdBare>[月火水木金])(?=\s*(?:か|、|・|/|or)\s*[月火水木金](?:\s*曜|\s*\()))`,
  ),
  (context, m) => {
    const g = m.groups!;
    const before = context.text[m.index! - 1] ?? "";
    const wdChar = g.wd ?? g.wdParen ?? g.wdBare!;
    if (!g.week && g.wdParen && /[日\d]\s*$/.test(context.text.slice(0, m.index!))) return null; // 3日(木) is the date parser's
    if (!g.week && g.wd === "月" && /\d$/.test(before)) return null; // 12月曜 is not Monday
    const wd = WEEKDAY_KANJI.indexOf(wdChar);
    const today = todayOf(context);
    const ahead = g.week !== undefined ? WEEK_OFFSETS[g.week] : undefined;
    const date = ahead !== undefined ? weekdayInWeek(today, ahead, wd) : nextWeekday(today, wd);
    const c = dateComponents(context, date);
    if (ahead !== undefined) setTag(c, "week", ahead);
    else setTag(c, "bareWeekday", true);
    return c;
  },
);
