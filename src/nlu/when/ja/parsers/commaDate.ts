// 12,3の10時: probably 12/3 mistyped; worth a question, not a guess.
import { parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { monthDay } from "./monthDay.ts";

export const commaDateParser = parser(/(?<month>\d{1,2})\s*[,、]\s*(?<day>\d{1,2})(?=\s*(?:の|に|で|日))/, (context, m) => {
  if (/[\d./:]/.test(context.text[m.index! - 1] ?? "")) return null;
  const c = monthDay(context, Number(m.groups!.month), Number(m.groups!.day));
  if (c) setTag(c, "confirm", "ambiguous_date");
  return c;
});
