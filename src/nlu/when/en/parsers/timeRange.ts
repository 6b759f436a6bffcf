// "between 2 and 4pm", "from 1pm to 3pm", "1-3pm": a time range; a meridiem said once serves both.
import { clockHour, meridiemOf } from "../../clock.ts";
import { parser, setTime } from "../../components.ts";
import { setTag } from "../../tags.ts";

const TIME = (n: string) => String.raw`(?<${n}H>\d{1,2})(?::(?<${n}M>[0-5]\d))?\s*(?<${n}A>[ap]\.?m\.?)?`;

export const enTimeRangeParser = parser(
  new RegExp(String.raw`\b(?:between\s+${TIME("s")}\s+and\s+|from\s+${TIME("f")}\s+(?:to|until|till)\s+|${TIME("d")}\s*(?:-|~|to)\s*)${TIME("e")}(?![\d/])`, "i"),
  (context, m) => {
    const g = m.groups!;
    const sh = Number(g.sH ?? g.fH ?? g.dH);
    const sm = Number(g.sM ?? g.fM ?? g.dM ?? 0);
    const sa = g.sA ?? g.fA ?? g.dA;
    const eh = Number(g.eH);
    const em = Number(g.eM ?? 0);
    // a bare "1-3" with no meridiem and no word around it is not worth a guess
    if (!sa && !g.eA && g.dH !== undefined) return null;
    const end = clockHour(eh, meridiemOf(g.eA));
    if (!end) return null;
    let start = clockHour(sh, meridiemOf(sa ?? g.eA));
    if (!start) return null;
    // 11 and 1pm: the start stays in the morning when the shared meridiem would put it after the end
    if (!sa && start.hour * 60 + sm >= end.hour * 60 + em) start = clockHour(sh, undefined) ?? start;
    if (start.hour * 60 + sm >= end.hour * 60 + em) return null;
    const s = setTime(context.createParsingComponents(), start.hour, sm);
    const e = setTime(context.createParsingComponents(), end.hour, em);
    if (start.ambiguous && end.ambiguous) setTag(s, "ambiguousHour", true);
    return context.createParsingResult(m.index!, m[0], s, e);
  },
);
