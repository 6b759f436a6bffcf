// 14時, 午後2時半, 10:30, 3pm, 3時ごろ, 14時以降: a clock time (open after or before with 以降/まで).
import { clockHour, meridiemOf, timeComponents } from "../../clock.ts";
import { parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { MERIDIEM_WORDS } from "../constants.ts";

const TIME_TAIL = String.raw`(?:\s*(?<ampm>a\.?m\.?|p\.?m\.?)(?![a-z]))?\s*(?<tail>頃|くらい|ぐらい|位|前後|以降|以後|より後|過ぎ|すぎ|まで(?:に|で)?|より前)?`;

export const timeParser = parser(
  new RegExp(
    String.raw`(?:(?<meridiem>${MERIDIEM_WORDS})\s*(?:の\s*|、\s*)?)?(?<hour>\d{1,2})\s*(?:時\s*(?:(?<minute>\d{1,2})\s*分|(?<half>半))?|:\s*(?<colonMinute>\d{2})(?!\d)|(?=\s*[ap]\.?m\.?(?![a-z])))` + TIME_TAIL,
    "i",
  ),
  (context, m) => {
    const start = m.index!;
    // part of a longer number (10:30, 12/3 14); a colon after a label (時間:14時) is no number
    if (/(?:[\d./]|\d\s*:)$/.test(context.text.slice(Math.max(0, start - 3), start))) return null;
    const after = context.text.slice(start + m[0].length);
    if (/^\s*間/.test(after)) return null;
    const shortlyBefore = /^\s*前(?!後)/.test(after); // 15時前: just before, or until? Ask.
    const g = m.groups!;
    const meridiem = meridiemOf(g.meridiem ?? g.ampm);
    const minute = g.half ? 30 : g.minute !== undefined ? Number(g.minute) : g.colonMinute !== undefined ? Number(g.colonMinute) : 0;
    if (minute >= 60) return null;
    const h = clockHour(Number(g.hour), meridiem);
    if (!h) return null;
    const c = timeComponents(context, h.hour, minute, h.ambiguous, g.tail);
    if (shortlyBefore) setTag(c, "confirm", "ambiguous_date");
    return c;
  },
);
