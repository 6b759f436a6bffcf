// 今天, 明天, 后天, 大后天: days from today.
import { addDays } from "../../../../jst.ts";
import { todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { ZH_DAY_OFFSETS } from "../constants.ts";

export const zhCasualDayParser = parser(new RegExp(`(?<word>${Object.keys(ZH_DAY_OFFSETS).join("|")})`), (context, m) =>
  dateComponents(context, addDays(todayOf(context), ZH_DAY_OFFSETS[m.groups!.word!]!)),
);
