// HELD-OUT 简体中文 replies: written on 2026-12-03 by someone who had not read the Chinese parser,
// committed before any parser change, scored and never tuned on. Do not edit a case to make the
// parser pass; if a case is itself wrong, fix it in its own commit and say so in docs/benchmarks.md.
// Same conventions as when.zh.ts: "now" is Tuesday 24 November 2026, 10:00 in Tokyo; 12/3 is 3 December;
// weeks start on Monday and a week said alone is its working days (vague); 上午 10–12, 中午 12–13,
// 下午 13–17, 晚上 asked back; a bare 1–6 o'clock is the afternoon, flagged ambiguousHour.
import type { WhenCase, WhenExpectation } from "./when.ts";
import { on, pod, span, after, before, vague, unsureHour } from "./expect.ts";

const today = "2026-11-24";
const AM = ["10:00", "12:00"] as const;
const PM = ["13:00", "17:00"] as const;

export const zhHeldOutCorpus: WhenCase[] = [
  { category: "date", text: "12月4日", expect: on("2026-12-04") },
  { category: "date", text: "12月3号下午2点", expect: on("2026-12-03", "14:00") },
  { category: "date", text: "12/8 上午10点", expect: on("2026-12-08", "10:00") },
  { category: "date", text: "12.10 下午", expect: pod("2026-12-10", ...PM) },
  { category: "date", text: "12月7日（周一）10:30", expect: on("2026-12-07", "10:30") },
  { category: "date", text: "12月5日星期五", expect: "confirm" },
  { category: "date", text: "11月20日", expect: "confirm" },
  { category: "date", text: "11月31号", expect: "confirm" },
  { category: "date", text: "4号上午", expect: pod("2026-12-04", ...AM) },
  { category: "date", text: "2027年1月6日下午3点", expect: on("2027-01-06", "15:00") },

  { category: "relative", text: "明天上午", expect: pod("2026-11-25", ...AM) },
  { category: "relative", text: "后天下午三点", expect: on("2026-11-26", "15:00") },
  { category: "relative", text: "大后天", expect: on("2026-11-27") },
  { category: "relative", text: "今天下午", expect: pod(today, ...PM) },
  { category: "relative", text: "明天中午", expect: pod("2026-11-25", "12:00", "13:00") },
  { category: "relative", text: "三天后", expect: on("2026-11-27") },
  { category: "relative", text: "明天不行，后天上午十点可以吗", expect: on("2026-11-26", "10:00") },

  { category: "weekday", text: "星期四下午", expect: pod("2026-11-26", ...PM) },
  { category: "weekday", text: "下周一上午十点半", expect: on("2026-11-30", "10:30") },
  { category: "weekday", text: "下礼拜三", expect: on("2026-12-02") },
  { category: "weekday", text: "这周五下午两点", expect: on("2026-11-27", "14:00") },
  { category: "weekday", text: "下下周二", expect: on("2026-12-08") },
  { category: "weekday", text: "周三或周四都可以", expect: on("2026-11-25"), also: [on("2026-11-26")] },
  { category: "weekday", text: "礼拜六", expect: on("2026-11-28") },
  { category: "weekday", text: "星期5", expect: on("2026-11-27") },

  { category: "week", text: "下周哪天都行", expect: vague("2026-11-30", "2026-12-04") },
  { category: "week", text: "这周之内", expect: vague(today, "2026-11-27") },
  { category: "week", text: "下周的下午都可以", expect: { ...vague("2026-11-30", "2026-12-04"), partOfDay: { from: "13:00", to: "17:00" } } },

  { category: "time", text: "下午3点", expect: on(today, "15:00") },
  { category: "time", text: "两点", expect: unsureHour(today, "14:00") },
  { category: "time", text: "明天11点", expect: on("2026-11-25", "11:00") },
  { category: "time", text: "下午1点半", expect: on(today, "13:30") },
  { category: "time", text: "14:30", expect: on(today, "14:30") },
  { category: "time", text: "周五下午4点15分", expect: on("2026-11-27", "16:15") },
  { category: "time", text: "明天早上十一点", expect: on("2026-11-25", "11:00") },

  { category: "range", text: "下午两点到四点", expect: span(today, "14:00", "16:00") },
  { category: "range", text: "明天10点-11点", expect: span("2026-11-25", "10:00", "11:00") },
  { category: "range", text: "下周二下午1点至3点", expect: span("2026-12-01", "13:00", "15:00") },
  { category: "range", text: "周四下午3点以后", expect: after("2026-11-26", "15:00") },
  { category: "range", text: "12月2日11点之前", expect: before("2026-12-02", "11:00") },

  { category: "mixed", text: "下週三下午", expect: pod("2026-12-02", ...PM) },
  { category: "mixed", text: "後天上午", expect: pod("2026-11-26", ...AM) },
  { category: "mixed", text: "１２月３日　１４：００", expect: on("2026-12-03", "14:00") },
  { category: "mixed", text: "１２／９", expect: on("2026-12-09") },
  { category: "mixed", text: "下周二 午後2時", expect: on("2026-12-01", "14:00") },
  { category: "mixed", text: "明天 2pm", expect: on("2026-11-25", "14:00") },
  { category: "mixed", text: "周四 afternoon", expect: pod("2026-11-26", ...PM) },
  { category: "mixed", text: "12月3日(木) 14時", expect: on("2026-12-03", "14:00") },

  { category: "typo", text: "下州四下午", expect: pod("2026-12-03", ...PM) },
  { category: "typo", text: "周二下五3点", expect: on("2026-12-01", "15:00") },

  { category: "vague", text: "年底之前", expect: "confirm" },
  { category: "vague", text: "过几天", expect: "confirm" },
  { category: "vague", text: "晚上七点", expect: "confirm" },
  { category: "vague", text: "什么时候都可以", expect: "none" },
  { category: "vague", text: "越快越好", expect: "none" },

  { category: "notAppointment", text: "我今年32岁", expect: "none" },
  { category: "notAppointment", text: "我会说一点日语", expect: "none" },
  { category: "notAppointment", text: "电话：090-1234-5678", expect: "none" },
  { category: "notAppointment", text: "我在日本工作了3年", expect: "none" },
  { category: "notAppointment", text: "每天工作8小时", expect: "none" },
  { category: "notAppointment", text: "周一不方便", expect: "none" },
  { category: "notAppointment", text: "时薪1000日元以上", expect: "none" },
  { category: "notAppointment", text: "求职号码是42010-12345678", expect: "none" },
  { category: "notAppointment", text: "第二次来咨询", expect: "none" },
];
