// 1400, 1030: a four-digit clock time, only at round minutes and inside a working day.
import { timeComponents } from "../../clock.ts";
import { parser } from "../../components.ts";

export const compactTimeParser = parser(
  /(?<!\d)(?<hour>[01]\d|2[0-3])(?<minute>[0-5]\d)(?!\d)\s*(?<tail>頃|くらい|ぐらい|以降|まで)?(?=\s*(?:~|-|から|に|で|頃|ごろ|から|希望|の|は|、|,|。|\s|$))/,
  (context, m) => {
    if (/[\d.:/]/.test(context.text[m.index! - 1] ?? "")) return null;
    const hour = Number(m.groups!.hour);
    const minute = Number(m.groups!.minute);
    if (hour < 7 || hour > 20 || (minute % 10 !== 0 && minute % 15 !== 0)) return null;
    return timeComponents(context, hour, minute, false, m.groups!.tail);
  },
);
