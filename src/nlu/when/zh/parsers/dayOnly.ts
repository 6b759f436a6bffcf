// 「3号」 alone: the next 3rd, as the Japanese 「3日」.
import { dayOnlyComponents, parser } from "../../components.ts";

export const zhDayOnlyParser = parser(/(?<![\d月/.])(?<day>\d{1,2})\s*(?:号|日)(?![以之]?(?:前|后|内))/, (context, m) => dayOnlyComponents(context, Number(m.groups!.day)));
