// Vietnamese dates and times, our own (chrono has no parser we trust for them): day before month
// (3/12 is 3 December), ngày 3 tháng 12, thứ Hai … Chủ nhật, tuần sau, ngày mai, sáng / chiều,
// 14h, 14h30, 2 giờ chiều, 2 giờ rưỡi. Text is matched with or without its marks.
import { addDays, isValidDate, toDateString } from "../../../jst.ts";
import { clockHour, type Meridiem } from "../clock.ts";
import { nextWeekday, todayOf, weekdayInWeek } from "../calendar.ts";
import { dateComponents, dayOnlyComponents, parser, setTime, vagueSpan } from "../components.ts";
import { monthDay } from "../ja/parsers/monthDay.ts";
import { setTag } from "../tags.ts";
import { VI_DAYS, VI_PARTS_OF_DAY, VI_WEEK, VI_WEEKDAY, VI_WEEKDAY_WORDS, weekOffset } from "./constants.ts";
import { fold, vn, vnAny } from "./words.ts";

const WORD_BEFORE = /[\p{L}\d]$/u;
const WORD_AFTER = /^[\p{L}\d]/u;

/** 3/12, 03/12/2026, 3.12, 3-12; ngày 3 tháng 12 (năm 2026); mùng 3 tháng 12; 3 tháng 12. */
export const viDateParser = parser(
  new RegExp(
    String.raw`(?:(?:${vnAny(["ngày", "mùng", "mồng"])})\s*)?(?<d1>\d{1,2})\s*(?<sep>[/.-])\s*(?<m1>\d{1,2})(?:\s*\k<sep>\s*(?<y1>\d{4}|\d{2}))?(?![\d/.:h])` +
      String.raw`|(?:(?:${vnAny(["ngày", "mùng", "mồng"])})\s*)?(?<d2>\d{1,2})\s*${vn("tháng")}\s*(?<m2>\d{1,2})(?:\s*(?:${vn("năm")}\s*)?(?<y2>\d{4}))?`,
    "i",
  ),
  (context, m) => {
    const g = m.groups!;
    const before = context.text.slice(0, m.index!);
    if (/[\d/.:-]\s*$/.test(before) || WORD_BEFORE.test(before)) return null;
    const day = Number(g.d1 ?? g.d2);
    const month = Number(g.m1 ?? g.m2);
    const year = g.y1 ?? g.y2;
    if (g.sep && g.sep !== "/" && !year && !/^(?:\s|$|[,，.]\s)/.test(context.text.slice(m.index! + m[0].length) || " ")) return null;
    if (year) {
      const y = year.length === 2 ? 2000 + Number(year) : Number(year);
      if (!isValidDate(y, month, day)) return null;
      return dateComponents(context, toDateString(y, month, day));
    }
    return monthDay(context, month, day);
  },
);

/** ngày 3 alone: the next 3rd. */
export const viDayOnlyParser = parser(new RegExp(String.raw`${vnAny(["ngày", "mùng", "mồng"])}\s*(?<day>\d{1,2})(?![\d/.:h]|\s*${vn("tháng")})`, "i"), (context, m) => {
  if (WORD_BEFORE.test(context.text.slice(0, m.index!))) return null;
  return dayOnlyComponents(context, Number(m.groups!.day));
});

/** hôm nay, ngày mai, ngày kia; `mai` alone only beside a part of the day or a time (Mai is also a name). */
export const viCasualDayParser = parser(
  new RegExp(
    `(?<word>${VI_DAYS.map(([w]) => w).join("|")})|(?<=${vnAny(["sáng", "trưa", "chiều"])}\\s+|tối\\s+)mai(?![\\p{L}])|(?<![\\p{L}])mai(?=\\s+(?:${vnAny(["lúc", "vào", "sáng", "trưa", "chiều", "tối", "được", "nhé", "nha", "có"])}|\\d))`,
    "iu",
  ),
  (context, m) => {
    if (WORD_BEFORE.test(context.text.slice(0, m.index!)) || WORD_AFTER.test(context.text.slice(m.index! + m[0].length))) return null;
    const word = m.groups!.word;
    const offset = word ? VI_DAYS.find(([w]) => new RegExp(`^(?:${w})$`, "i").test(word))![1] : 1;
    return dateComponents(context, addDays(todayOf(context), offset));
  },
);

const COUNT_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
const COUNT = String.raw`(?<n>\d{1,2}|${vnAny(["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"])})`;

/** 3 ngày nữa, hai hôm nữa, sau 3 ngày: days from today. */
export const viDaysFromTodayParser = parser(
  new RegExp(String.raw`${COUNT}\s+${vnAny(["ngày", "hôm"])}\s+${vnAny(["nữa", "sau"])}(?![\p{L}])|${vn("sau")}\s+${COUNT.replace("<n>", "<m>")}\s+${vn("ngày")}(?![\p{L}])`, "iu"),
  (context, m) => {
    if (WORD_BEFORE.test(context.text.slice(0, m.index!))) return null;
    const word = m.groups!.n ?? m.groups!.m!;
    const days = /^\d+$/.test(word) ? Number(word) : COUNT_WORDS[fold(word)];
    if (!days || days > 31) return null;
    return dateComponents(context, addDays(todayOf(context), days));
  },
);

/** thứ Ba, thứ 3 tuần sau, T5, Chủ nhật: a weekday, in a named week or the next one. Weeks start on Monday. */
export const viWeekdayParser = parser(new RegExp(String.raw`(?:\(\s*)?${VI_WEEKDAY}(?:\s*\))?(?:\s*(?:,\s*)?(?:của\s+|cua\s+)?${VI_WEEK}|\s+(?<soon>${vnAny(["tới", "này"])})(?![\p{L}]))?`, "iu"), (context, m) => {
  const before = context.text.slice(0, m.index!);
  if (WORD_BEFORE.test(before)) return null;
  const g = m.groups!;
  const wd = g.sun ? 0 : g.t ? VI_WEEKDAY_WORDS[g.t]! : VI_WEEKDAY_WORDS[fold(g.n!)]!;
  if (wd === undefined) return null;
  const today = todayOf(context);
  const ahead = g.which ? weekOffset(g.which) : g.soon && fold(g.soon) === "nay" ? 0 : undefined;
  const c = dateComponents(context, ahead !== undefined ? weekdayInWeek(today, ahead, wd) : nextWeekday(today, wd));
  if (ahead !== undefined) setTag(c, "week", ahead);
  else setTag(c, "bareWeekday", true);
  return c;
});

/** tuần sau, tuần này without a day: the week's working days, said loosely. */
export const viWeekSpanParser = parser(new RegExp(VI_WEEK, "iu"), (context, m) => {
  if (WORD_BEFORE.test(context.text.slice(0, m.index!)) || WORD_AFTER.test(context.text.slice(m.index! + m[0].length))) return null;
  const weeks = weekOffset(m.groups!.which!);
  if (weeks < 0) return null;
  const today = todayOf(context);
  return vagueSpan(context, m.index!, m[0], weekdayInWeek(today, weeks, 1), weekdayInWeek(today, weeks, 5), today);
});

const POD = `(?<pod>${VI_PARTS_OF_DAY.map(([w]) => w).join("|")})`;

function podOf(word: string): (typeof VI_PARTS_OF_DAY)[number][1] {
  return VI_PARTS_OF_DAY.find(([w]) => new RegExp(`^(?:${w})$`, "iu").test(word))![1];
}

function meridiemOfPod(word: string | undefined): Meridiem {
  if (!word) return undefined;
  const { from } = podOf(word);
  return from < "12:00" ? "am" : from === "12:00" ? "noon" : "pm";
}

/** 14h, 14h30, 14:30, 2 giờ chiều, 2 giờ rưỡi, 3 rưỡi, 9 giờ 30 sáng; sau / trước / … trở đi make it open. */
export const viTimeParser = parser(
  new RegExp(
    String.raw`(?<!${vnAny(["tuần", "ngày", "hôm"])}\s+)(?<open>${vnAny(["sau", "trước", "từ"])}\s+)?(?:${vn("lúc")}\s+)?(?<h>\d{1,2})\s*(?:(?::|h|${vn("giờ")}|g(?![a-z]))\s*(?:(?<min>\d{2})(?:\s*(?:${vn("phút")}|p(?![a-z])))?|(?<half>${vn("rưỡi")}))?|(?<halfAlone>${vn("rưỡi")}))(?:\s*(?:${vn("buổi")}\s+)?(?<pod>${vnAny(["sáng", "trưa", "chiều"])}|tối))?(?<onward>\s+${vnAny(["trở đi", "trở về sau"])})?`,
    "iu",
  ),
  (context, m) => {
    const g = m.groups!;
    const before = context.text.slice(0, m.index!);
    if (/[\d/.:]$/.test(before) || WORD_BEFORE.test(before)) return null;
    const h = Number(g.h);
    const minute = g.half || g.halfAlone ? 30 : Number(g.min ?? 0);
    if (minute > 59) return null;
    const podBefore = /(?:sáng|trưa|chiều|chieu|trua|tối)\s*$/iu.exec(before.trimEnd().replace(/[,]$/, ""))?.[0];
    const meridiem = meridiemOfPod(g.pod) ?? (podBefore ? meridiemOfPod(podBefore) : undefined);
    const hour = clockHour(h, meridiem);
    if (!hour) return null;
    const c = setTime(context.createParsingComponents(), hour.hour, minute);
    if (hour.ambiguous) setTag(c, "ambiguousHour", true);
    if (g.pod && podOf(g.pod).outsideHours) setTag(c, "confirm", "outside_hours");
    const openWord = g.open ? fold(g.open.trim()) : undefined;
    if (g.onward || openWord === "sau") setTag(c, "open", "after");
    else if (openWord === "truoc") setTag(c, "open", "before");
    return c;
  },
);

/** sáng, buổi chiều, trưa alone: a part of the day as an office-hour window. */
export const viPartOfDayParser = parser(new RegExp(POD, "iu"), (context, m) => {
  if (WORD_BEFORE.test(context.text.slice(0, m.index!)) || WORD_AFTER.test(context.text.slice(m.index! + m[0].length))) return null;
  const pod = podOf(m.groups!.pod!);
  const c = context.createParsingComponents();
  setTag(c, "pod", `${pod.from}-${pod.to}`);
  if (pod.outsideHours) setTag(c, "confirm", "outside_hours");
  return c;
});

/** từ 2 đến 4 giờ chiều, 14h-16h, 9-11h sáng: a range of clock times; a part of the day after it holds for both ends. */
export const viHourRangeParser = parser(
  new RegExp(
    String.raw`(?:${vn("từ")}\s+)?(?<h1>\d{1,2})(?:\s*(?:h|:|${vn("giờ")})\s*(?<m1>\d{2})?)?\s*(?:-|~|${vnAny(["đến", "tới"])})\s*(?<h2>\d{1,2})\s*(?:h|:|${vn("giờ")})\s*(?<m2>\d{2})?(?:\s*(?:${vn("buổi")}\s+)?(?<pod>${vnAny(["sáng", "trưa", "chiều"])}|tối))?`,
    "iu",
  ),
  (context, m) => {
    const g = m.groups!;
    const before = context.text.slice(0, m.index!);
    if (/[\d/.:]$/.test(before) || WORD_BEFORE.test(before)) return null;
    const meridiem = meridiemOfPod(g.pod);
    const end = clockHour(Number(g.h2), meridiem);
    let start = clockHour(Number(g.h1), meridiem);
    if (!start || !end) return null;
    if (!meridiem && start.hour > end.hour && start.hour - 12 < end.hour) start = { hour: start.hour - 12, ambiguous: false }; // 10-2h: 10:00 to 14:00
    const [sm, em] = [Number(g.m1 ?? 0), Number(g.m2 ?? 0)];
    if (sm > 59 || em > 59 || start.hour * 60 + sm >= end.hour * 60 + em) return null;
    const s = setTime(context.createParsingComponents(), start.hour, sm);
    if (start.ambiguous && end.ambiguous) setTag(s, "ambiguousHour", true);
    const e = setTime(context.createParsingComponents(), end.hour, em);
    return context.createParsingResult(m.index!, m[0], s, e);
  },
);
