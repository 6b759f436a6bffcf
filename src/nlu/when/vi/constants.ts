// Vietnamese word tables: weekdays, days and weeks from now, parts of the day.
import { fold, vn, vnAny } from "./words.ts";

/** thứ Hai … thứ Bảy; thứ 2 … thứ 7: to the weekday (0 = Sunday), by the word without marks. */
export const VI_WEEKDAY_WORDS: Record<string, number> = { hai: 1, "2": 1, ba: 2, "3": 2, tu: 3, bon: 3, "4": 3, nam: 4, "5": 4, sau: 5, "6": 5, bay: 6, "7": 6 };

/** thứ + its number (any marks, a whole word: thu bay is not thu ba), T2…T7, Chủ nhật / CN. The group `n` or `sun`. */
export const VI_WEEKDAY = String.raw`(?:${vn("thứ")}\s*(?<n>${vnAny(["hai", "ba", "tư", "bốn", "năm", "sáu", "bảy"])}|[2-7])(?![a-z\u00c0-\u024f\u1e00-\u1eff\d])|(?<![a-z\d])t(?<t>[2-7])(?![\d/.:h])|(?<sun>${vn("chủ nhật")}|(?<![a-z])cn(?![a-z])))`;

/** tuần sau, tuần tới, tuần này, tuần sau nữa: weeks from this one (the group `which`). */
export const VI_WEEK = String.raw`${vn("tuần")}\s*(?<which>${vnAny(["sau nữa", "tới", "sau", "này", "này nữa", "trước"])})`;

const WEEK_OFFSETS: Record<string, number> = { "sau nua": 2, toi: 1, sau: 1, nay: 0, "nay nua": 0, truoc: -1 };

export function weekOffset(which: string): number {
  return WEEK_OFFSETS[fold(which).replace(/\s+/g, " ")] ?? 0;
}

/** hôm nay, ngày mai, ngày kia / ngày mốt: days from today (a bare `mai` is the parser's, with care). */
export const VI_DAYS: ReadonlyArray<readonly [string, number]> = [
  [`${vnAny(["ngày kia"])}|${vn("ngày")}\\s+m[oố]t|mốt`, 2], // mốt needs its mark alone (mot is một, "one"), and ngày một is "one day"
  [vnAny(["ngày mai"]), 1],
  [vnAny(["hôm nay", "bữa nay", "ngày hôm nay"]), 0],
  [vnAny(["hôm qua"]), -1],
];

/** Parts of the day as the Japanese office-hour windows. Morning needs its mark: `sang` alone is "to". */
export const VI_PARTS_OF_DAY: ReadonlyArray<readonly [string, { from: string; to: string; outsideHours?: true }]> = [
  [`(?:${vn("buổi")}\\s+${vn("sáng")}|sáng|sớm)`, { from: "10:00", to: "12:00" }],
  [`(?:${vn("buổi")}\\s+)?${vn("trưa")}`, { from: "12:00", to: "13:00" }],
  [`${vn("chiều muộn")}|${vn("cuối giờ chiều")}`, { from: "16:00", to: "17:00" }],
  [`(?:${vn("buổi")}\\s+)?${vn("chiều")}`, { from: "13:00", to: "17:00" }],
  // evening needs its mark too: `toi` alone is tôi, "I"
  [`(?:${vn("buổi")}\\s+(?:${vn("tối")})|tối|đêm|ban đêm)`, { from: "17:00", to: "20:00", outsideHours: true }],
];
