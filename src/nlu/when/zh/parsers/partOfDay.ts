// 上午, 下午, 中午 alone: a part of the day as an office-hour window. 下午2点 is chrono's clock time.
import { parser } from "../../components.ts";
import { setTag } from "../../tags.ts";
import { ZH_CLOCK_FOLLOWS, ZH_PARTS_OF_DAY } from "../constants.ts";

const BY_WORD = new Map(ZH_PARTS_OF_DAY);

export const zhPartOfDayParser = parser(new RegExp(`(?<word>${ZH_PARTS_OF_DAY.map(([w]) => w).join("|")})`), (context, m) => {
  if (ZH_CLOCK_FOLLOWS.test(context.text.slice(m.index! + m[0].length))) return null;
  const pod = BY_WORD.get(m.groups!.word!)!;
  const c = context.createParsingComponents();
  setTag(c, "pod", `${pod.from}-${pod.to}`);
  if (pod.outsideHours) setTag(c, "confirm", "outside_hours");
  return c;
});
