// 午前, 午後イチ, 夕方ごろ: a part of the day, as a window within office hours.
import { openOf } from "../../clock.ts";
import { parser, setTime } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { NOT_PART_OF_DAY, PARTS_OF_DAY } from "../constants.ts";

const POD_BY_WORD = new Map(PARTS_OF_DAY);

export const partOfDayParser = parser(
  new RegExp(`(?<word>${PARTS_OF_DAY.map(([w]) => w).join("|")})(?:の?(?:頃|ごろ|あたり|くらい|ぐらい|辺り))?(?<tail>以降|以後|より後|過ぎ|まで)?`),
  (context, m) => {
    const word = m.groups!.word!;
    if ((word === "AM" || word === "PM") && /[A-Za-z]/.test((context.text[m.index! - 1] ?? "") + (context.text[m.index! + 2] ?? ""))) return null;
    const not = NOT_PART_OF_DAY[word];
    if (not && not.test(context.text.slice(m.index!))) return null;
    const pod = POD_BY_WORD.get(word)!;
    const c = context.createParsingComponents();
    // 昼以降, 夕方まで: an open range from the start of that part of the day
    const open = openOf(m.groups!.tail);
    if (open) {
      setTime(c, Number(pod.from.slice(0, 2)), Number(pod.from.slice(3)));
      setTag(c, "open", open);
      return c;
    }
    setTag(c, "pod", `${pod.from}-${pod.to}`);
    if (pod.outsideHours) setTag(c, "confirm", "outside_hours");
    return c;
  },
);
