// 简体中文 replies a seeker might send when asked for a date and time, with what they mean. Written
// while the Chinese reading was being built (development data, scored per locale in the NLU bench).
// "now" is Tuesday 24 November 2026, 10:00 in Tokyo (see when.ts); 12/3 is a Thursday. Weeks start on
// Monday; a week said alone is its working days (vague). Parts of the day are the Japanese windows:
// 上午 10–12, 中午 12–13, 下午 13–17, 傍晚 16–17; 晚上 is outside office hours (asked back). A bare
// 1–6 o'clock is read in the afternoon and flagged ambiguousHour. In Chinese, 12/3 is 3 December.
import type { WhenCase, WhenExpectation } from "./when.ts";
import { on, pod, span, after, vague, unsureHour } from "./expect.ts";

const today = "2026-11-24";
const AM = ["10:00", "12:00"] as const;
const PM = ["13:00", "17:00"] as const;

export const zhWhenCorpus: WhenCase[] = [
  // ── month and day ──────────────────────────────────────────────────────────
  { category: "monthDay", text: "12月3日", expect: on("2026-12-03") },
  { category: "monthDay", text: "12月3号", expect: on("2026-12-03") },
  { category: "monthDay", text: "12月3日下午2点", expect: on("2026-12-03", "14:00") },
  { category: "monthDay", text: "12月3号下午两点", expect: on("2026-12-03", "14:00") },
  { category: "monthDay", text: "十二月三日下午两点", expect: on("2026-12-03", "14:00") },
  { category: "monthDay", text: "12月3日（周四）下午2:00", expect: on("2026-12-03", "14:00") },
  { category: "monthDay", text: "12月3日（周五）下午2:00", expect: "confirm" },
  { category: "monthDay", text: "12月8号上午10点", expect: on("2026-12-08", "10:00") },
  { category: "monthDay", text: "12月10日 14:30", expect: on("2026-12-10", "14:30") },
  { category: "monthDay", text: "我想约12月9号上午", expect: pod("2026-12-09", ...AM) },
  { category: "monthDay", text: "1月5日", expect: on("2027-01-05") },
  { category: "monthDay", text: "1月12号下午3点", expect: on("2027-01-12", "15:00") },
  { category: "monthDay", text: "12/3 14:00", expect: on("2026-12-03", "14:00") },
  { category: "monthDay", text: "12/4下午", expect: pod("2026-12-04", ...PM) },
  { category: "monthDay", text: "2027年1月8日上午10点", expect: on("2027-01-08", "10:00") },
  { category: "monthDay", text: "11月20日", expect: "confirm" },
  { category: "monthDay", text: "3号", expect: on("2026-12-03") },
  { category: "monthDay", text: "8号下午可以吗", expect: pod("2026-12-08", ...PM) },
  // ── relative days ─────────────────────────────────────────────────────────
  { category: "relative", text: "明天", expect: on("2026-11-25") },
  { category: "relative", text: "明天上午10点", expect: on("2026-11-25", "10:00") },
  { category: "relative", text: "明天下午", expect: pod("2026-11-25", ...PM) },
  { category: "relative", text: "后天下午三点", expect: on("2026-11-26", "15:00") },
  { category: "relative", text: "后天", expect: on("2026-11-26") },
  { category: "relative", text: "今天下午4点", expect: on(today, "16:00") },
  { category: "relative", text: "大后天上午", expect: pod("2026-11-27", ...AM) },
  { category: "relative", text: "明天中午", expect: pod("2026-11-25", "12:00", "13:00") },
  // ── weekdays and weeks ─────────────────────────────────────────────────────
  { category: "weekday", text: "周三", expect: on("2026-11-25") },
  { category: "weekday", text: "星期四下午三点", expect: on("2026-11-26", "15:00") },
  { category: "weekday", text: "下周二下午", expect: pod("2026-12-01", ...PM) },
  { category: "weekday", text: "下个星期一", expect: on("2026-11-30") },
  { category: "weekday", text: "下星期三上午10点", expect: on("2026-12-02", "10:00") },
  { category: "weekday", text: "这周五下午两点半", expect: on("2026-11-27", "14:30") },
  { category: "weekday", text: "本周四上午", expect: pod("2026-11-26", ...AM) },
  { category: "weekday", text: "礼拜五下午", expect: pod("2026-11-27", ...PM) },
  { category: "weekday", text: "下下周一", expect: on("2026-12-07") },
  { category: "weekday", text: "我想预约下周三上午", expect: pod("2026-12-02", ...AM) },
  { category: "weekday", text: "下周一或者周二下午都可以", expect: pod("2026-11-30", ...PM), also: [pod("2026-12-01", ...PM)] },
  { category: "weekday", text: "周四或周五", expect: on("2026-11-26"), also: [on("2026-11-27")] },
  { category: "week", text: "下周", expect: vague("2026-11-30", "2026-12-04") },
  { category: "week", text: "下周都可以", expect: vague("2026-11-30", "2026-12-04") },
  { category: "week", text: "这周内", expect: vague(today, "2026-11-27") },
  { category: "week", text: "下个星期", expect: vague("2026-11-30", "2026-12-04") },
  // ── times ─────────────────────────────────────────────────────────────────
  { category: "time", text: "下午3点", expect: on(today, "15:00") },
  { category: "time", text: "上午10点半", expect: on(today, "10:30") },
  { category: "time", text: "3点", expect: unsureHour(today, "15:00") },
  { category: "time", text: "两点", expect: unsureHour(today, "14:00") },
  { category: "time", text: "10点", expect: on(today, "10:00") },
  { category: "time", text: "14:00", expect: on(today, "14:00") },
  { category: "time", text: "下午3点到4点", expect: span(today, "15:00", "16:00") },
  { category: "time", text: "明天下午2点到3点", expect: span("2026-11-25", "14:00", "15:00") },
  { category: "time", text: "下午", expect: pod(today, ...PM) },
  { category: "time", text: "晚上7点", expect: "confirm" },
  { category: "time", text: "晚上", expect: "confirm" },
  { category: "time", text: "傍晚", expect: pod(today, "16:00", "17:00") },
  // ── open ranges ───────────────────────────────────────────────────────────
  { category: "open", text: "12月8日以后", expect: after("2026-12-08") },
  { category: "open", text: "明天下午3点以后", expect: after("2026-11-25", "15:00") },
  { category: "open", text: "下午2点以后都行", expect: after(today, "14:00") },
  // ── sentences ─────────────────────────────────────────────────────────────
  { category: "sentence", text: "您好，我想预约12月4日上午10点的咨询", expect: on("2026-12-04", "10:00") },
  { category: "sentence", text: "12月3日下午2点可以吗？", expect: on("2026-12-03", "14:00") },
  { category: "sentence", text: "麻烦帮我约下周四下午两点", expect: on("2026-12-03", "14:00") },
  { category: "sentence", text: "我周三上午有空", expect: pod("2026-11-25", ...AM) },
  { category: "sentence", text: "最好是明天上午", expect: pod("2026-11-25", ...AM) },
  { category: "sentence", text: "下周二或者下周三下午都方便", expect: pod("2026-12-01", ...PM), also: [pod("2026-12-02", ...PM)] },
  // ── no date ───────────────────────────────────────────────────────────────
  { category: "none", text: "什么时候都可以", expect: "none" },
  { category: "none", text: "我不知道", expect: "none" },
  { category: "none", text: "我的电话是090-1234-5678", expect: "none" },
  { category: "none", text: "求职编号是42010-1234567", expect: "none" },
  { category: "none", text: "谢谢", expect: "none" },
  { category: "none", text: "我想找工作", expect: "none" },
  // ── traditional and Japanese forms, refusals, borrowed words (added after the held-out score of 2026-12-03) ──
  { category: "variant", text: "下週五上午", expect: pod("2026-12-04", ...AM) },
  { category: "variant", text: "後天下午3點", expect: on("2026-11-26", "15:00") },
  { category: "variant", text: "12月8日(火) 14時", expect: on("2026-12-08", "14:00") },
  { category: "variant", text: "下周一 午後3時", expect: on("2026-11-30", "15:00") },
  { category: "variant", text: "午后两点", expect: on(today, "14:00") },
  { category: "week", text: "下周的上午", expect: { ...vague("2026-11-30", "2026-12-04"), partOfDay: { from: "10:00", to: "12:00" } } },
  { category: "relative", text: "明天的下午", expect: pod("2026-11-25", ...PM) },
  { category: "refused", text: "周三不行", expect: "none" },
  { category: "refused", text: "除了周五都可以", expect: "none" },
  { category: "refused", text: "明天下午不方便，后天上午可以", expect: pod("2026-11-26", ...AM) },
  { category: "none", text: "我只会说一点日语", expect: "none" },
  { category: "none", text: "能早一点吗", expect: "none" },
  { category: "time", text: "明天一点半", expect: unsureHour("2026-11-25", "13:30") },
  { category: "mixed", text: "后天 3pm", expect: on("2026-11-26", "15:00") },
  { category: "mixed", text: "周五 2 p.m.", expect: on("2026-11-27", "14:00") },
  { category: "mixed", text: "周五 morning", expect: "confirm" },
  { category: "typo", text: "下洲二上午", expect: "confirm" },
];
