// What only Vietnamese needs: refused and excepted dates are dropped; the week comes last (sáng thứ Tư hoặc thứ Năm tuần sau), so an earlier
// alternative borrows the later one's week, and a later one the earlier one's part of the day.
import { weekday } from "../../../jst.ts";
import { todayOf, weekdayInWeek } from "../calendar.ts";
import { between, dateOf, hasDate, hasPod, hasTime, refiner, setDate } from "../components.ts";
import { ALTERNATIVE_BETWEEN } from "../refiners/connectors.ts";
import { getTag, hasTag, setTag } from "../tags.ts";
import { vn, vnAny } from "./words.ts";

export const viShareAlternatives = refiner((context, results) => {
  for (let i = results.length - 2; i >= 0; i--) {
    const a = results[i]!;
    const b = results[i + 1]!;
    if (!ALTERNATIVE_BETWEEN.test(between(context, a, b)) || !hasDate(a.start) || !hasDate(b.start)) continue;
    const week = getTag(b.start, "week");
    if (week !== undefined && hasTag(a.start, "bareWeekday")) {
      setDate(a.start, weekdayInWeek(todayOf(context), week, weekday(dateOf(a.start))));
      setTag(a.start, "week", week);
    }
    const pod = getTag(a.start, "pod");
    if (pod && !hasTime(a.start) && !hasPod(b.start) && !hasTime(b.start) && !b.end) setTag(b.start, "pod", pod);
  }
  return results;
});

/** After a date: it is refused (thứ Hai không được, mai em bận). */
const VI_NOT_THAT_DAY = new RegExp(
  String.raw`^\s*,?\s*(?:${vnAny(["thì", "là"])}\s+)?(?:${vnAny(["em", "tôi", "mình", "anh", "chị", "cháu"])}\s+)?(?:${vnAny(["không được", "không tiện", "không rảnh", "không đi được", "không thể", "bận", "có việc", "kẹt"])})(?![\p{L}])`,
  "iu",
);
/** Before a date: it is left out (trừ thứ Hai, ngoại trừ ngày 3/12). */
const VI_EXCEPT_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:${vnAny(["ngoại trừ", "trừ", "ngoài"])})\s+(?:${vn("ra")}\s+)?$`, "iu");

/** Drop what is no wish: a refused or excepted date. */
export const viDropNonWishes = refiner((context, results) =>
  results.filter((r) => !VI_NOT_THAT_DAY.test(context.text.slice(r.index + r.text.length)) && !VI_EXCEPT_BEFORE.test(context.text.slice(0, r.index))),
);
