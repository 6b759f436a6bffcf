// その翌週の火曜, その2日後, その前日, 翌月の10日: days counted from a date said earlier (see
// refiners/anchorRelatives.ts); here only the Japanese phrases and what each one counts.
import { type AnchoredPhrase, anchorRelatives, type Relation } from "../../refiners/anchorRelatives.ts";
import { WEEKDAY_KANJI } from "../constants.ts";

const WEEKDAY = String.raw`(?:\s*の)?\s*(?<wd>[月火水木金土日])\s*(?:曜日?|よう日?)`;
/** その次の日の7日 names its day: not a count. */
const NO_DAY_NAMED = String.raw`(?!\s*(?:の\s*)?\d{1,2}\s*日)`;

const WEEK_WORDS: Record<string, number> = { 翌々週: 2, 翌週: 1, 次の週: 1, 前の週: -1, 前週: -1, 週: 0, 同じ週: 0 };
const DAY_WORDS: Record<string, number> = { 翌々日: 2, 翌日: 1, 次の日: 1, あくる日: 1, 明くる日: 1, 前日: -1, 前の日: -1 };
const MONTH_WORDS: Record<string, number> = { 翌月: 1, 次の月: 1, 前の月: -1, 前月: -1 };

const PHRASE = new RegExp(
  [
    // weekday before or after the anchor: その次の火曜, その前の火曜日
    String.raw`(?<so1>その\s*)(?<dir>次|後|翌|前)の` + WEEKDAY.replace("?<wd>", "?<wd1>"),
    // その翌週(の火曜), その週の金曜, 次の週の火曜, その翌週の同じ曜日
    String.raw`(?<so2>その\s*)?(?<week>翌々週|翌週|次の週|前の週|前週|同じ週|(?<=その\s*)週)(?!\s*末)(?:` + WEEKDAY.replace("?<wd>", "?<wd2>") + String.raw`|(?:\s*の)?\s*(?<sameWd>同じ曜日?))?`,
    // その2日後, その1週間後の火曜, その3日前; 12月7日の2日後
    String.raw`(?<so3>その\s*)?(?<n>\d{1,2})\s*(?<unit>日|週間|週)\s*(?<nDir>後|先|前)(?:` + WEEKDAY.replace("?<wd>", "?<wd3>") + ")?",
    // その翌日, 翌々日, 前の日
    String.raw`(?<so4>その\s*)?(?<day>翌々日|翌日|次の日|あくる日|明くる日|前日|前の日)(?!\s*(?:曜|よう))` + NO_DAY_NAMED,
    // (その)翌月の10日, その翌月
    String.raw`(?<so5>その\s*)?(?<month>翌月|次の月|前の月|前月)(?:\s*の?\s*(?<mDay>\d{1,2})\s*日)?`,
  ].join("|"),
  "g",
);

function relationOf(g: Record<string, string | undefined>): Relation {
  const wd = g.wd1 ?? g.wd2 ?? g.wd3;
  const wdIndex = wd ? WEEKDAY_KANJI.indexOf(wd) : undefined;
  if (g.dir) return g.dir === "前" ? { kind: "weekdayBefore", weekday: wdIndex! } : { kind: "weekdayAfter", weekday: wdIndex! };
  if (g.week) return { kind: "week", weeks: WEEK_WORDS[g.week]!, weekday: wdIndex, sameWeekday: Boolean(g.sameWd) };
  if (g.n) {
    const sign = g.nDir === "前" ? -1 : 1;
    const n = Number(g.n);
    if (g.unit === "日") return wd ? { kind: "unknown" } : { kind: "days", days: sign * n };
    return wd ? { kind: "week", weeks: sign * n, weekday: wdIndex } : { kind: "days", days: sign * 7 * n };
  }
  if (g.day) return { kind: "days", days: DAY_WORDS[g.day]! };
  if (g.month && g.mDay) return { kind: "month", months: MONTH_WORDS[g.month]!, day: Number(g.mDay) };
  return { kind: "unknown" };
}

/** Words a count is only pointed with when there is an earlier date (前日, 前の週): never from today. */
const ALWAYS_POINTING = /^(?:前日|前の日|前の週|前週|前の月|前月|翌々日|次の日|あくる日|明くる日)$/;

export function findJapaneseAnchoredPhrases(text: string): AnchoredPhrase[] {
  if (!/その|翌|次|前|後|先|あくる|明くる/.test(text)) return [];
  const found: AnchoredPhrase[] = [];
  for (const m of text.matchAll(PHRASE)) {
    const g = m.groups!;
    const so = Boolean(g.so1 ?? g.so2 ?? g.so3 ?? g.so4 ?? g.so5) || g.week === "週";
    const word = g.week ?? g.day ?? g.month ?? "";
    // 次の日 and 前の日 are pointed words; 前日 inside 前日まで (the booking rule) is not a day
    if (!so && g.day === "前日" && /^\s*まで/.test(text.slice(m.index + m[0].length))) continue;
    found.push({ index: m.index, length: m[0].length, relation: relationOf(g), pointing: so || ALWAYS_POINTING.test(word), explicit: so, fromToday: !so && g.n !== undefined });
  }
  return found;
}

export const jaAnchorRelatives = anchorRelatives(findJapaneseAnchoredPhrases);
