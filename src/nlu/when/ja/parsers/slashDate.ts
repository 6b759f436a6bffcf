// 12/3, 12.3(木): month/day with a slash or a dot.
import { daysBetween } from "../../../../jst.ts";
import { nextDayOfMonth } from "../../calendar.ts";
import { dateOf, parser, setDate } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { DATE_EVIDENCE_FOLLOWS, RATE_AFTER, RATE_BEFORE, WEEKDAY_SUFFIX } from "../constants.ts";
import { monthDay } from "./monthDay.ts";

/** After a number: a unit, which makes it a measurement or a score. */
const MEASURE_FOLLOWS = /^(?:[a-z%]|\s*(?:[\p{Script=Katakana}ー]|倍|点|割|度|秒|杯|個|本|枚))/iu;

/** After a dotted pair: a time or a part of day, which makes 12.3 a date. */
const TIME_FOLLOWS = /^\s*(?:\d{1,2}\s*[時:]|[の、,]?\s*(?:午前|午後|朝|昼|夕方|\d{1,2}:))/;

/** After a dotted pair: a particle that makes it a date (12.3に, 12.3で). */
const DATE_PARTICLE_FOLLOWS = /^\s*(?:日|に|で(?!す|し)|の|は|から|まで|希望|頃|ごろ|なら|が|を|、|,|。)/;

export const slashDateParser = parser(
  new RegExp(
    String.raw`(?<month>\d{1,2})\s*(?<sep>[/.])\s*(?<day>\d{1,2})(?![\d/.]|\s*(?:時間|日間|分|%|倍|kg|km|cm))(?:\s*日)?` +
      WEEKDAY_SUFFIX +
      String.raw`(?:\s*[~-]\s*(?<endDay>\d{1,2})(?![\d/.:時]|\s*(?:時|:))(?:\s*日)?)?`,
  ),
  (context, m) => {
    // part of a longer number (1/12/3, 10:12/3), but a label's colon (希望日:12/9) is fine
    const before = context.text.slice(Math.max(0, m.index! - 2), m.index!);
    if (/[\d/.]$/.test(before) || /\d:$/.test(before)) return null;
    const g = m.groups!;
    const after = context.text.slice(m.index! + m[0].length);
    // 合格率は3/10くらい, 3/10問, 1/3の確率: a fraction or a score, unless only a date could follow it
    if (!g.wdParen && !g.wdWord && !g.endDay) {
      if (RATE_AFTER.test(after)) return null;
      if (RATE_BEFORE.test(context.text.slice(Math.max(0, m.index! - 24), m.index!)) && !DATE_EVIDENCE_FOLLOWS.test(after)) return null;
    }
    // 3.5メートル, 2.5kg, 1.5倍: a measurement
    if (g.sep === "." && MEASURE_FOLLOWS.test(context.text.slice(m.index! + m[0].length))) return null;
    const stated = g.wdParen ?? g.wdWord;
    // 1.5 is a number, not January 5th, unless a weekday, a time or a particle makes it a date;
    // a dotted pair on its own (3.14) is asked back.
    const rest = context.text.slice(m.index! + m[0].length);
    let unsure = false;
    if (g.sep === "." && !stated && !TIME_FOLLOWS.test(rest)) {
      if (Number(g.month) > 12) return null;
      if (/^\s*$/.test(rest)) unsure = true;
      else if (!DATE_PARTICLE_FOLLOWS.test(rest)) return null;
    }
    const c = monthDay(context, Number(g.month), Number(g.day), stated);
    if (c && unsure) setTag(c, "confirm", "ambiguous_date");
    // 12/16〜18: the end day is in the same month, after the start
    if (c && g.endDay) {
      const start = dateOf(c);
      const end = nextDayOfMonth(start, Number(g.endDay));
      if (!end || end <= start || daysBetween(start, end) > 31) return null;
      return context.createParsingResult(m.index!, m[0], c, setDate(context.createParsingComponents(), end));
    }
    return c;
  },
);
