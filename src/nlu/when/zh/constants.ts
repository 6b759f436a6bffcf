// 简体中文 word tables: weekdays, relative days and weeks, parts of the day.

/** 周一…周日 / 星期一…星期天 / 礼拜一: the character after the week word, to its weekday (0 = Sunday). */
export const ZH_WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 七: 0, "7": 0, 一: 1, "1": 1, 二: 2, "2": 2, 三: 3, "3": 3, 四: 4, "4": 4, 五: 5, "5": 5, 六: 6, "6": 6 };

/** Week words before a weekday or alone: weeks from this one. Longest first (the alternation). */
export const ZH_WEEK_OFFSETS: Record<string, number> = { 下下个: 2, 下下: 2, 下个: 1, 下: 1, 这个: 0, 这: 0, 本: 0, 上个: -1, 上: -1 };

/** 今天, 明天, 后天: days from today. Longest first. */
export const ZH_DAY_OFFSETS: Record<string, number> = { 大后天: 3, 后天: 2, 明天: 1, 明日: 1, 今天: 0, 今日: 0, 当天: 0, 昨天: -1 };

/** Parts of the day as office-hour windows (the Japanese ones: 午前 10–12, 午後 13–17). Longest first. */
export const ZH_PARTS_OF_DAY: ReadonlyArray<readonly [string, { from: string; to: string; outsideHours?: true }]> = [
  ["上午", { from: "10:00", to: "12:00" }],
  ["早上", { from: "10:00", to: "12:00" }],
  ["早晨", { from: "10:00", to: "12:00" }],
  ["中午", { from: "12:00", to: "13:00" }],
  ["下午", { from: "13:00", to: "17:00" }],
  ["傍晚", { from: "16:00", to: "17:00" }],
  ["晚上", { from: "17:00", to: "20:00", outsideHours: true }],
];

/** What a clock time can be written with after a part of the day (下午2点, 下午两点半, 下午14:00). */
export const ZH_CLOCK_FOLLOWS = /^\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:点|[:：]|时)/;

/** Counted things after a number: 3个人, 2次, 5年 are no dates. */
export const ZH_COUNTED = /^\s*(?:个|次|年(?!\d)|岁|人|元|块|天(?!后)|小时|分钟|周(?![一二三四五六日天]))/;
