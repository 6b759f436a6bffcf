// "in the morning", "late afternoon": a part of the day as an office-hour window.
import { parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { EN_PARTS_OF_DAY } from "../constants.ts";

export const enPartOfDayParser = parser(/\b(?:in the\s+)?(?<word>early afternoon|late afternoon|morning|afternoon|evening|lunchtime)\b/i, (context, m) => {
  const c = context.createParsingComponents();
  setTag(c, "pod", EN_PARTS_OF_DAY[m.groups!.word!.toLowerCase()]!);
  return c;
});
