// Drop dates that are refused ("Thursday is no good"), that happened ("I left on the 3rd"), or that
// are a fraction or a score ("the pass rate is about 3/10").
import { refiner } from "../../components.ts";
import { RATE_BEFORE } from "../../ja/constants.ts";
import { EN_DATE_EVIDENCE_FOLLOWS, EN_FRACTION_FOLLOWS, EN_NOT_A_WISH_BEFORE, EN_NOT_THAT_DAY } from "../constants.ts";

const SLASH_NUMBER = /^\d{1,2}\s*\/\s*\d{1,3}$/;

export const enDropNonWishes = refiner((context, results) =>
  results.filter((r) => {
    const after = context.text.slice(r.index + r.text.length, r.index + r.text.length + 30);
    const before = context.text.slice(Math.max(0, r.index - 30), r.index);
    if (SLASH_NUMBER.test(r.text.trim()) && (EN_FRACTION_FOLLOWS.test(after) || (RATE_BEFORE.test(before) && !EN_DATE_EVIDENCE_FOLLOWS.test(after)))) return false;
    return !EN_NOT_THAT_DAY.test(after) && !EN_NOT_A_WISH_BEFORE.test(before);
  }),
);
