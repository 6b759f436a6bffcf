// 「夫の休みが12月6日なので、その次の7日に」: a date given as a reason is context, not the wish —
// dropped when another date follows it.
import { hasDate, refiner } from "../../components.ts";
import { GIVEN_AS_REASON } from "../constants.ts";

export const dropReasons = refiner((context, results) =>
  results.filter((r, i) => {
    if (!hasDate(r.start)) return true;
    if (!results.slice(i + 1).some((later) => hasDate(later.start))) return true;
    return !GIVEN_AS_REASON.test(context.text.slice(r.index + r.text.length));
  }),
);
