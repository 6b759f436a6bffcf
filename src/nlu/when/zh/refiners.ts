// Refiners only Chinese needs: chrono.zh's small hours and its past years, evenings, 以后 after a time.
import { nextMonthDay, todayOf } from "../calendar.ts";
import { hasDate, hasTime, refiner, setDate } from "../components.ts";
import { hasTag, setTag } from "../tags.ts";

/** chrono.zh keeps a month and day in this year even when it has passed: the next one, its year implied. */
export const zhForwardYear = refiner((context, results) => {
  const today = todayOf(context);
  for (const r of results) {
    if (!hasDate(r.start) || r.start.isCertain("year") || hasTag(r.start, "impliedYear")) continue;
    if (!r.start.isCertain("month")) continue;
    const next = nextMonthDay(today, r.start.get("month")!, r.start.get("day")!);
    if (!next) continue;
    setDate(r.start, next.date);
    setTag(r.start, "impliedYear", true);
  }
  return results;
});

/** chrono.zh reads 「3点」 as the small hours: a bare 1–6 o'clock is the afternoon, flagged; a range's end follows its start. */
export const zhBusinessHour = refiner((_context, results) => {
  for (const r of results) {
    if (!hasTime(r.start)) continue;
    if (!r.start.isCertain("meridiem")) {
      const h = r.start.get("hour")!;
      if (h >= 1 && h <= 6) {
        r.start.assign("hour", h + 12);
        setTag(r.start, "ambiguousHour", true);
      }
    }
    if (r.end && r.end.isCertain("hour")) {
      const sh = r.start.get("hour")!;
      const eh = r.end.get("hour")!;
      if (eh < 12 && sh >= 12 && eh + 12 > sh) {
        r.end.assign("hour", eh + 12);
        if (r.end.isCertain("day")) r.end.assign("day", r.start.get("day")!);
      }
    }
  }
  return results;
});

/** 晚上7点: a time in the evening is outside office hours, asked back. */
export const zhEvening = refiner((_context, results) => {
  for (const r of results) if (hasTime(r.start) && /^(?:晚上|夜里|夜间|今晚|明晚)/.test(r.text)) setTag(r.start, "confirm", "outside_hours");
  return results;
});

/** 下午2点以后, 11点之前: a time with 以后 / 以前 after it is an open range (dates are markOpenRanges's). */
export const zhOpenTimes = refiner((context, results) => {
  for (const r of results) {
    if (!hasTime(r.start) || hasDate(r.start) || r.end) continue;
    const after = context.text.slice(r.index + r.text.length);
    if (/^\s*(?:以后|之后|以後)/.test(after)) setTag(r.start, "open", "after");
    else if (/^\s*(?:以前|之前)/.test(after)) setTag(r.start, "open", "before");
  }
  return results;
});

/** After a date: it is refused (周一不方便, 明天不行). */
const ZH_NOT_THAT_DAY = /^\s*(?:的话|也|都|我|的)?\s*(?:不行|不方便|不太方便|不可以|不能|不太行|不合适|没空|没有空|没时间|没有时间|有事|以外|之外)/;
/** Before a date: it is left out (除了周一都行). */
const ZH_EXCEPT_BEFORE = /(?:除了|除去|除)\s*$/;
/** 一点 that is "a little" (说一点日语, 早一点, 一点点), not one o'clock. */
const ZH_A_LITTLE_BEFORE = /[有说讲会懂学早晚快慢多少好稍]\s*$/;
const ZH_ONE_OCLOCK_FOLLOWS = /^\s*(?:$|钟|半|左右|前|后|以|之|到|至|过|整|多|的|可以|行|吧|吗|呢|好|或|[\d-~～、,，。!?！？])/;

/** Drop what is no wish: a refused or excepted date, and 一点 that means "a little". */
export const zhDropNonWishes = refiner((context, results) =>
  results.filter((r) => {
    const after = context.text.slice(r.index + r.text.length);
    const before = context.text.slice(0, r.index);
    if (ZH_NOT_THAT_DAY.test(after) || ZH_EXCEPT_BEFORE.test(before)) return false;
    if (/^一点$/.test(r.text.trim()) && (ZH_A_LITTLE_BEFORE.test(before) || !ZH_ONE_OCLOCK_FOLLOWS.test(after))) return false;
    return true;
  }),
);
