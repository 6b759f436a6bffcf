// 明日, 明後日, 今日, 翌日: days from today.
import { addDays } from "../../../../jst.ts";
import { todayOf } from "../../calendar.ts";
import { dateComponents, parser } from "../../components.ts";
import { CASUAL_DAY_OFFSETS } from "../constants.ts";

export const casualDayParser = parser(new RegExp(`(?<word>${Object.keys(CASUAL_DAY_OFFSETS).join("|")})`), (context, m) =>
  dateComponents(context, addDays(todayOf(context), CASUAL_DAY_OFFSETS[m.groups!.word!]!)),
);
