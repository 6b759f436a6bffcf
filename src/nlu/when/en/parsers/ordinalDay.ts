// "the 3rd": the next such day of a month.
import { dayOnlyComponents, parser } from "../../components.ts";

export const enOrdinalDayParser = parser(/\b(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)\b/i, (context, m) => {
  if (/\d/.test(context.text[m.index! - 1] ?? "")) return null; // "32nd" is no day; chrono retries from its "2nd"
  return dayOnlyComponents(context, Number(m.groups!.day));
});
