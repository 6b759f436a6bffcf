// 「認定日が12月3日なので、その翌週の火曜10時」, "Dec 10 is my interview, so the day after": a day
// counted from a date said earlier in the text is read from that date, not from today. Where no such
// date was said, or the count cannot be made, whatever was read near it is asked back.
import type { ParsingContext, Refiner } from "chrono-node";
import { addDays, daysBetween, isValidDate, toDateString, weekday } from "../../../jst.ts";
import { mondayOf, monthsAhead, todayOf } from "../calendar.ts";
import { copy, dateOf, hasDate, type Result, setDate } from "../components.ts";
import { hasTag, setTag, tagString } from "../tags.ts";

/** Past this many days ahead, an anchor date is more likely a past one rolled into next year. */
const ANCHOR_AHEAD_DAYS = 180;

/** How the pointed-at day stands to the anchor date. */
export type Relation =
  | { kind: "days"; days: number }
  | { kind: "week"; weeks: number; weekday?: number; sameWeekday?: boolean }
  | { kind: "weekdayAfter"; weekday: number }
  | { kind: "weekdayBefore"; weekday: number }
  | { kind: "month"; months: number; day: number }
  | { kind: "unknown" };

export interface AnchoredPhrase {
  index: number;
  length: number;
  relation: Relation;
  /** 前日, その…, "the day after": the phrase only makes sense after a date; without one it is asked back. */
  pointing: boolean;
  /** その…, "the day after": the phrase names a day by itself, even with nothing read beside it. */
  explicit: boolean;
  /** 2日後: counted from today, unless glued to a date (12月7日の2日後); after another date, asked back. */
  fromToday?: boolean;
}

export type FindAnchoredPhrases = (text: string) => AnchoredPhrase[];

/** Between the anchor and the phrase: alternatives (12/3か、その翌日), so the anchor stays a wish. */
const ALTERNATIVES = /(?:^|[\s、,])(?:か|or|または|又は|もしくは|あるいは|それか)(?:[\s、,]|$)|か\s*[、,]?\s*$/i;
/** Between the anchor and the phrase: the anchor was itself asked for (…でお願いします。前日の夕方に…), so doubt. */
const WISH_BETWEEN = /希望|お願い|予約|したい|please|would like|prefer/i;

function relate(anchor: string, relation: Relation): { from: string; to?: string } | null {
  switch (relation.kind) {
    case "days":
      return { from: addDays(anchor, relation.days) };
    case "week": {
      const monday = addDays(mondayOf(anchor), 7 * relation.weeks);
      const wd = relation.sameWeekday ? weekday(anchor) : relation.weekday;
      if (wd !== undefined) return { from: addDays(monday, (wd + 6) % 7) };
      return { from: monday, to: addDays(monday, 4) };
    }
    case "weekdayAfter":
      return { from: addDays(anchor, (relation.weekday - weekday(anchor) + 7) % 7 || 7) };
    case "weekdayBefore":
      return { from: addDays(anchor, -((weekday(anchor) - relation.weekday + 7) % 7 || 7)) };
    case "month": {
      const { year, month } = monthsAhead(anchor, relation.months);
      return isValidDate(year, month, relation.day) ? { from: toDateString(year, month, relation.day) } : null;
    }
    case "unknown":
      return null;
  }
}

function end(r: Result): number {
  return r.index + r.text.length;
}

/** The results a phrase dates: those inside it, or right after it with only の between. */
function targetsOf(context: ParsingContext, results: Result[], p: AnchoredPhrase): Result[] {
  const stop = p.index + p.length;
  return results.filter(
    (r) => (r.index < stop && end(r) > p.index) || (r.index >= stop && /^\s*(?:の|,|on|at)?\s*$/i.test(context.text.slice(stop, r.index))),
  );
}

function redate(context: ParsingContext, r: Result, p: AnchoredPhrase, span: { from: string; to?: string }): Result {
  const start = copy(r.start, tagString("confirm", "ambiguous_date"));
  setDate(start, span.from);
  let endComponents = r.end ? copy(r.end) : undefined;
  if (span.to) {
    endComponents = setDate(context.createParsingComponents(), span.to);
    setTag(start, "vague", true);
  } else if (endComponents && hasDate(endComponents) && hasDate(r.start)) {
    endComponents = setDate(endComponents, addDays(span.from, daysBetween(dateOf(r.start), dateOf(endComponents))));
  } else if (endComponents && !r.end!.isCertain("hour")) endComponents = undefined;
  const from = Math.min(p.index, r.index);
  return context.createParsingResult(from, context.text.slice(from, Math.max(end(r), p.index + p.length)), start, endComponents);
}

function created(context: ParsingContext, p: AnchoredPhrase, span: { from: string; to?: string }): Result {
  const start = setDate(context.createParsingComponents(), span.from);
  const endComponents = span.to ? setDate(context.createParsingComponents(), span.to) : undefined;
  if (span.to) setTag(start, "vague", true);
  return context.createParsingResult(p.index, context.text.slice(p.index, p.index + p.length), start, endComponents);
}

export function anchorRelatives(find: FindAnchoredPhrases): Refiner {
  return {
    refine: (context, input) => {
      const phrases = find(context.text);
      if (!phrases.length) return input;
      let results = [...(input as Result[])];
      const redated = new Set<Result>();
      let doubt = false;
      const today = todayOf(context);
      for (const p of phrases) {
        const targets = targetsOf(context, results, p);
        // the nearest date said before the phrase, not one this refiner has already counted
        // (4日後か5日後: a count from today is no anchor for another count from today)
        const countedFromToday = (r: Result) => phrases.some((q) => q.fromToday && q.index < end(r) && q.index + q.length > r.index);
        const anchor = results.filter((r) => end(r) <= p.index && hasDate(r.start) && !redated.has(r) && !(p.fromToday && countedFromToday(r))).at(-1);
        const glued = anchor && /^\s*の\s*$/.test(context.text.slice(end(anchor), p.index));
        // a week said before (今週は忙しいので翌週の火曜) anchors a week; a range of days anchors no single day
        const from = anchor && (!anchor.end || p.relation.kind === "week") ? dateOf(anchor.start) : undefined;
        // 次の週の火曜 with no date before it counts from this week
        if (p.fromToday && !anchor) continue;
        const span = from ? relate(from, p.relation) : !anchor && !p.pointing && p.relation.kind === "week" && p.relation.weekday !== undefined ? relate(today, p.relation) : null;
        if (span?.to && span.from < today) span.from = today;
        if (span && !anchor) {
          const made = targets.map((t) => redate(context, t, p, span));
          results = results.filter((r) => !targets.includes(r)).concat(made).sort((a, b) => a.index - b.index);
          continue;
        }
        if (!span) {
          // 翌日 or 翌週 with no date before it counts from today, as the parsers read it
          if (p.pointing || (anchor && p.relation.kind !== "unknown")) doubt = true;
          continue;
        }
        // 前日にリマインドを: a day word that dates nothing and is not pointed (その…) is no wish
        if (!targets.length && !p.explicit && !glued) continue;
        if (p.fromToday && !glued) {
          doubt = true;
          continue;
        }
        const between = context.text.slice(end(anchor!), p.index);
        // an anchor half a year or more ahead is mostly a past date said without its year (11月2日が認定日
        // だったので、その翌週), rolled forward: a count from it is asked back, never acted on
        const farAhead = from !== undefined && daysBetween(today, from) > ANCHOR_AHEAD_DAYS;
        const unsure = hasTag(anchor!.start, "confirm") || (!glued && WISH_BETWEEN.test(between)) || farAhead;
        const made = targets.length ? targets.map((t) => redate(context, t, p, span)) : [created(context, p, span)];
        for (const m of made) {
          if (unsure) setTag(m.start, "confirm", "ambiguous_date");
          redated.add(m);
        }
        const keepAnchor = !glued && ALTERNATIVES.test(between);
        results = results.filter((r) => !targets.includes(r) && (keepAnchor || r !== anchor));
        results.push(...made);
        results.sort((a, b) => a.index - b.index);
      }
      if (doubt) for (const r of results) setTag(r.start, "confirm", "ambiguous_date");
      return results;
    },
  };
}

/** Before chrono's own merges: its readings inside a counted phrase ("the day after" as tomorrow) are dropped, so that a time beside the phrase stays a time. */
export function dropReadingsInsidePhrases(find: FindAnchoredPhrases): Refiner {
  return {
    refine: (context, results) => {
      const phrases = find(context.text);
      if (!phrases.length) return results;
      return results.filter((r) => !phrases.some((p) => r.index >= p.index && r.index + r.text.length <= p.index + p.length));
    },
  };
}
