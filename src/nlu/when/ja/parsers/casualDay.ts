// 明日, 明後日, 今日, 翌日: days from today; あす before a clock time (あす13時), which the
// normaliser leaves alone; and English day words inside Japanese (Tomorrow 午後2時).
import { addDays } from "../../../../jst.ts";
import { todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { CASUAL_DAY_OFFSETS, ENGLISH_DAY_OFFSETS } from "../constants.ts";

const OFFSETS: Record<string, number> = { ...CASUAL_DAY_OFFSETS, あす: 1 };

export const casualDayParser = parser(
  new RegExp(
    `(?<word>${Object.keys(CASUAL_DAY_OFFSETS).join("|")}|あす(?=\\s*\\d))|(?<![a-z])(?:the\\s+)?(?<english>${Object.keys(ENGLISH_DAY_OFFSETS).join("|")})(?![a-z])`,
    "i",
  ),
  (context, m) => {
    const g = m.groups!;
    const offset = g.word ? OFFSETS[g.word]! : ENGLISH_DAY_OFFSETS[g.english!.toLowerCase().replace(/\s+/g, " ")]!;
    return dateComponents(context, addDays(todayOf(context), offset));
  },
);
