// 「3日」 alone: the next 3rd. Not 3日間 (a duration), 3日後/3日前 (relative), 1日も早く (an idiom).
import { dayOnlyComponents, parser } from "../../components.ts";
import { WEEKDAY_SUFFIX } from "../constants.ts";

export const dayOnlyParser = parser(
  new RegExp(String.raw`(?<day>\d{1,2})\s*日(?![間後前中目曜ぶ以]|\s*も)` + WEEKDAY_SUFFIX),
  (context, m) => {
    const before = context.text.slice(Math.max(0, m.index! - 2), m.index!);
    if (/[\d./:月-]\s*$/.test(before) || /(?:毎|土|休|第|祝|週)\s*$/.test(before)) return null;
    return dayOnlyComponents(context, Number(m.groups!.day), m.groups!.wdParen ?? m.groups!.wdWord);
  },
);
