// 「3号」 alone: the next 3rd, as the Japanese 「3日」.
import { nextDayOfMonth, todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { setTag } from "../../tags.ts";

export const zhDayOnlyParser = parser(/(?<![\d月/.])(?<day>\d{1,2})\s*(?:号|日)(?![以之]?(?:前|后|内))/, (context, m) => {
  const day = Number(m.groups!.day);
  if (day < 1 || day > 31) return null;
  const date = nextDayOfMonth(todayOf(context), day);
  if (!date) return null;
  const c = dateComponents(context, date);
  setTag(c, "dayOnly", true);
  return c;
});
