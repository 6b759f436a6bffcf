// 12月8日以降, 12月10日まで, 来週以降, "after 3pm", "before noon": an open range from or until a
// date (times carry their own 以降/まで from the time parser).
import { copy, hasDate, hasTime, refiner, type Result } from "../components.ts";
import { getTag, hasTag, setTag } from "../tags.ts";

const AFTER_FOLLOWS = /^\s*(?:以降|以後|より後|過ぎ|すぎ|以后|之后|trở đi|tro di)/;
/** まで, but not a deadline for something else (12月3日までに仕事を決めたい). */
const BEFORE_FOLLOWS = /^\s*(?:以前|之前|まで|より前)(?!\s*に?\s*(?:仕事|決め|就職|提出|応募|入社|働|引っ越|手続))/;
const AFTER_PRECEDES = /(?:\b(?:after|from)|(?<![\p{L}])(?:sau|từ|tu)(?:\s+ngày)?)\s*$/iu;
const BEFORE_PRECEDES = /(?:\b(?:before|until|till|by)|(?<![\p{L}])(?:trước|truoc)(?:\s+ngày)?)\s*$/iu;

export const markOpenRanges = refiner((context, results) => {
  const out: Result[] = [];
  for (const r of results) {
    if (!hasDate(r.start) || hasTag(r.start, "open") || (r.end && !hasTag(r.start, "vague"))) {
      out.push(r);
      continue;
    }
    const after = context.text.slice(r.index + r.text.length);
    const before = context.text.slice(Math.max(0, r.index - 10), r.index);
    const open = AFTER_FOLLOWS.test(after) || AFTER_PRECEDES.test(before) ? "after" : BEFORE_FOLLOWS.test(after) || BEFORE_PRECEDES.test(before) ? "before" : undefined;
    if (!open || (hasTime(r.start) && getTag(r.start, "pod"))) {
      out.push(r);
      continue;
    }
    // a vague span with 以降 opens from its first day; with まで it runs to its last
    const start = open === "before" && r.end ? copy(r.end) : copy(r.start);
    const cleaned = copy(start);
    const plain = context.createParsingComponents();
    for (const k of ["year", "month", "day", "hour", "minute"] as const) if (cleaned.isCertain(k)) plain.assign(k, cleaned.get(k)!);
    for (const t of cleaned.tags()) if (!t.startsWith("nlu/vague") && !t.startsWith("nlu/weekOnly")) plain.addTag(t);
    setTag(plain, "open", open);
    out.push(context.createParsingResult(r.index, r.index + r.text.length, plain));
  }
  return out;
});
