// 明日から3日間, 12月7日から1週間: a date and a length, as a range of days.
import { addDays } from "../../../../jst.ts";
import { copy, dateOf, isDateOnly, refiner, setDate } from "../../components.ts";

const LENGTH_FOLLOWS = /^\s*から\s*(?<n>\d{1,2})\s*(?<unit>日間|週間)/;

export const durationFrom = refiner((context, results) => {
  for (const r of results) {
    if (!isDateOnly(r)) continue;
    const m = LENGTH_FOLLOWS.exec(context.text.slice(r.index + r.text.length));
    if (!m) continue;
    const days = Number(m.groups!.n) * (m.groups!.unit === "週間" ? 7 : 1);
    if (days < 2 || days > 31) continue;
    const end = copy(r.start);
    setDate(end, addDays(dateOf(r.start), days - 1));
    r.end = end;
  }
  return results;
});
