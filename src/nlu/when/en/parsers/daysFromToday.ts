// "10 days from today", "2 weeks from tomorrow": chrono knows "from now" but reads only "today" here.
import { addDays } from "../../../../jst.ts";
import { todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";

const MAX_DAYS_AHEAD = 400;

export const enDaysFromTodayParser = parser(/\b(?<n>\d{1,3}|a|one)\s+(?<unit>days?|weeks?)\s+from\s+(?<base>today|tomorrow)\b/i, (context, m) => {
  const g = m.groups!;
  const n = /^\d/.test(g.n!) ? Number(g.n) : 1;
  const days = (/^w/i.test(g.unit!) ? 7 * n : n) + (g.base!.toLowerCase() === "tomorrow" ? 1 : 0);
  if (days > MAX_DAYS_AHEAD) return null;
  return dateComponents(context, addDays(todayOf(context), days));
});
