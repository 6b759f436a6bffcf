// 20261208: eight digits that make a valid date.
import { isValidDate, toDateString } from "../../../../jst.ts";
import { dateComponents, parser } from "../../components.ts";

export const compactDateParser = parser(/(?<!\d)(?<year>20\d{2})(?<month>\d{2})(?<day>\d{2})(?!\d)/, (context, m) => {
  if (/\d/.test(context.text[m.index! - 1] ?? "")) return null;
  const g = m.groups!;
  const year = Number(g.year);
  const month = Number(g.month);
  const day = Number(g.day);
  if (!isValidDate(year, month, day)) return null;
  return dateComponents(context, toDateString(year, month, day));
});
