// Drop dates that are refused ("Thursday is no good") or that happened ("I left on the 3rd").
import { refiner } from "../../components.ts";
import { EN_NOT_A_WISH_BEFORE, EN_NOT_THAT_DAY } from "../constants.ts";

export const enDropNonWishes = refiner((context, results) =>
  results.filter((r) => {
    const after = context.text.slice(r.index + r.text.length, r.index + r.text.length + 30);
    const before = context.text.slice(Math.max(0, r.index - 30), r.index);
    return !EN_NOT_THAT_DAY.test(after) && !EN_NOT_A_WISH_BEFORE.test(before);
  }),
);
