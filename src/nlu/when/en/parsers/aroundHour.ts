// "around 3", "at about 11": a bare hour after a word of approximation, which chrono does not read
// as a time; enBusinessHour then reads 1–6 as the afternoon and flags it.
import { parser, setTime } from "../../components.ts";

export const enAroundHourParser = parser(
  /\b(?:at\s+)?(?:around|about|approximately|roughly)\s+(?<hour>\d{1,2})(?::(?<minute>[0-5]\d))?\b(?!\s*(?:\/\s*\d|[ap]\.?m\b|o'?clock|[:.,]?\d|%|days?\b|weeks?\b|months?\b|hours?\b|hrs?\b|min|people|persons?|yen|times\b|years?\b))/i,
  (context, m) => {
    const hour = Number(m.groups!.hour);
    if (hour > 23) return null;
    return setTime(context.createParsingComponents(), hour, Number(m.groups!.minute ?? 0));
  },
);
