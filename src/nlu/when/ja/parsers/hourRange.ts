// 13-15時, 午後1~3時, 10から12時: a range whose first hour has no 時 of its own.
import { clockHour, meridiemOf } from "../../clock.ts";
import { parser, setTime } from "../../components.ts";
import { setTag } from "../../tags.ts";

export const hourRangeParser = parser(
  /(?:(?<meridiem>午前|午後)\s*)?(?<sh>\d{1,2})(?::(?<sm>[0-5]\d))?\s*(?:-|~|から)\s*(?<eh>\d{1,2})\s*時(?:\s*(?<em>\d{1,2})\s*分|(?<half>半))?/,
  (context, m) => {
    if (/[\d.:/-]/.test(context.text[m.index! - 1] ?? "")) return null;
    const g = m.groups!;
    const meridiem = meridiemOf(g.meridiem);
    const start = clockHour(Number(g.sh), meridiem);
    const end = clockHour(Number(g.eh), meridiem);
    const sm = Number(g.sm ?? 0);
    const em = g.half ? 30 : Number(g.em ?? 0);
    if (!start || !end || em >= 60) return null;
    if (start.hour * 60 + sm >= end.hour * 60 + em) return null;
    const s = setTime(context.createParsingComponents(), start.hour, sm);
    const e = setTime(context.createParsingComponents(), end.hour, em);
    if (start.ambiguous && end.ambiguous) setTag(s, "ambiguousHour", true);
    return context.createParsingResult(m.index!, m[0], s, e);
  },
);
