// Drop dates that are plainly not the wish: what happened (退職しました) and what is refused (明日は無理).
import { refiner } from "../../components.ts";
import { NOT_THAT_DAY, PAST_BEFORE, PAST_TENSE, STILL_A_WISH } from "../constants.ts";

export const dropNonWishes = refiner((context, results) =>
  results.filter((r) => {
    const after = context.text.slice(r.index + r.text.length);
    const before = context.text.slice(Math.max(0, r.index - 16), r.index);
    if (NOT_THAT_DAY.test(after)) return false;
    if (PAST_BEFORE.test(before)) return false;
    const clause = /^[^。!?\n]*/.exec(after)![0];
    if (PAST_TENSE.test(after) && !STILL_A_WISH.test(clause)) return false;
    return true;
  }),
);
