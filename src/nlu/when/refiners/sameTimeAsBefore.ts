// 「前回は11月17日の14時でした。次回は12月1日の同じ時間で」: 同じ時間 repeats the time said earlier
// in the message; with no time said (1週間後の同じ時間), the date stands alone.
import { copy, hasTime, isDateOnly, refiner, setTime } from "../components.ts";

const SAME_TIME_FOLLOWS = /^\s*の?\s*(?:(?:同じ|おなじ)\s*(?:時間|時刻)|同時刻)(?!帯)/;

export const sameTimeAsBefore = refiner((context, results) => {
  results.forEach((r, i) => {
    if (!isDateOnly(r) || !SAME_TIME_FOLLOWS.test(context.text.slice(r.index + r.text.length))) return;
    const earlier = results.slice(0, i).reverse().find((e) => hasTime(e.start));
    if (!earlier) return;
    r.start = setTime(copy(r.start), earlier.start.get("hour")!, earlier.start.get("minute")!);
  });
  return results;
});
