// 2pm, 10:30am, 3 p.m. borrowed into a Chinese or Vietnamese reply (明天 2pm, thứ Ba 3pm): a clock time.
import { clockHour, meridiemOf } from "../../clock.ts";
import { parser, setTime } from "../../components.ts";

export const amPmClockParser = parser(/(?<![\d:.])(?<h>\d{1,2})(?::(?<min>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])/i, (context, m) => {
  const g = m.groups!;
  const minute = Number(g.min ?? 0);
  const hour = Number(g.h);
  if (minute > 59 || hour > 12 || hour === 0) return null;
  const clock = clockHour(hour, meridiemOf(g.ampm));
  return clock ? setTime(context.createParsingComponents(), clock.hour, minute) : null;
});
