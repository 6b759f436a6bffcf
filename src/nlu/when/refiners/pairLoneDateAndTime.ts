// 「明日いける？14時とか」: one date and one time in the same message belong together.
import { hasDate, isDateOnly, isTimeLike, refiner } from "../components.ts";
import { attachTime } from "./mergeDateTime.ts";

export const pairLoneDateAndTime = refiner((context, results) => {
  const dates = results.filter((r) => hasDate(r.start));
  const times = results.filter((r) => isTimeLike(r));
  if (dates.length !== 1 || times.length !== 1 || !isDateOnly(dates[0]!)) return results;
  const [d, t] = [dates[0]!, times[0]!];
  return [d.index < t.index ? attachTime(context, d, t, d, t) : attachTime(context, d, t, t, d)];
});
