// "the 3rd": the next such day of a month.
import { nextDayOfMonth, todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";

export const enOrdinalDayParser = parser(/\b(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)\b/i, (context, m) => {
  if (/\d/.test(context.text[m.index! - 1] ?? "")) return null; // "32nd" is no day; chrono retries from its "2nd"
  const date = nextDayOfMonth(todayOf(context), Number(m.groups!.day));
  if (!date) return null;
  const c = dateComponents(context, date);
  setTag(c, "dayOnly", true);
  return c;
});
