// "the day after", "Tuesday the week after", "two days before that": days counted from a date said
// earlier (see refiners/anchorRelatives.ts); here only the English phrases and what each one counts.
import { type AnchoredPhrase, anchorRelatives, dropReadingsInsidePhrases, type Relation } from "../../refiners/anchorRelatives.ts";
import { WEEKDAY_NAMES } from "../constants.ts";

const DAY_NAME = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?`;
const THAT = String.raw`(?:\s+(?:that|it|this))?`;
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };

const PHRASE = new RegExp(
  [
    // the Tuesday after (that), the following Tuesday, the Tuesday before
    String.raw`\b(?:on\s+)?the\s+(?:(?<wdA>${DAY_NAME})\s+(?<dirA>after|before)${THAT}|following\s+(?<wdF>${DAY_NAME}))(?!\s+(?:next|this)\s+week)\b`,
    // (Tuesday) the week after (that), the Tuesday of the following week, the same week, that week
    String.raw`\b(?:(?:on\s+)?(?:the\s+)?(?<wdB>${DAY_NAME})\s+(?:of\s+|in\s+)?)?(?:the\s+)?(?<week>week\s+after(?!\s+next)${THAT}|following\s+week|week\s+before${THAT}|previous\s+week|same\s+week|that\s+week)(?:\s*,?\s*(?:on\s+)?(?:the\s+)?(?<wdC>${DAY_NAME}))?\b`,
    // two days after that, 3 days later, a week before that
    String.raw`\b(?<n>\d{1,2}|a|one|two|three|four|five|six|seven|ten)\s+(?<unit>days?|weeks?)\s+(?<nDir>after|later|before|earlier)${THAT}\b`,
    // the day after (that), the next day, the day before
    String.raw`\bthe\s+(?:(?<after>day\s+after${THAT}(?!\s+tomorrow)|next\s+day|following\s+day)|(?<before>day\s+before${THAT}(?!\s+yesterday)|previous\s+day))\b`,
  ].join("|"),
  "gi",
);

function weekdayOf(name: string | undefined): number | undefined {
  return name ? WEEKDAY_NAMES.indexOf(name.slice(0, 3).toLowerCase() as (typeof WEEKDAY_NAMES)[number]) : undefined;
}

function relationOf(g: Record<string, string | undefined>): Relation {
  if (g.wdA) return g.dirA!.toLowerCase() === "before" ? { kind: "weekdayBefore", weekday: weekdayOf(g.wdA)! } : { kind: "weekdayAfter", weekday: weekdayOf(g.wdA)! };
  if (g.wdF) return { kind: "weekdayAfter", weekday: weekdayOf(g.wdF)! };
  if (g.week) {
    const w = g.week.toLowerCase();
    const weeks = /after|following/.test(w) ? 1 : /before|previous/.test(w) ? -1 : 0;
    return { kind: "week", weeks, weekday: weekdayOf(g.wdB ?? g.wdC) };
  }
  if (g.n) {
    const n = NUMBER_WORDS[g.n.toLowerCase()] ?? Number(g.n);
    const sign = /before|earlier/i.test(g.nDir!) ? -1 : 1;
    return { kind: "days", days: sign * n * (/week/i.test(g.unit!) ? 7 : 1) };
  }
  if (g.after) return { kind: "days", days: 1 };
  if (g.before) return { kind: "days", days: -1 };
  return { kind: "unknown" };
}

export function findEnglishAnchoredPhrases(text: string): AnchoredPhrase[] {
  if (!/after|before|following|next|previous|later|earlier|week/i.test(text)) return [];
  return [...text.matchAll(PHRASE)].map((m) => ({ index: m.index, length: m[0].length, relation: relationOf(m.groups!), pointing: true, explicit: true }));
}

export const enAnchorRelatives = anchorRelatives(findEnglishAnchoredPhrases);
export const enDropReadingsInsideCounts = dropReadingsInsidePhrases(findEnglishAnchoredPhrases);
