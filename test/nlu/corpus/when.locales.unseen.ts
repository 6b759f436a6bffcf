// Chinese and Vietnamese replies written AFTER the parsers were finished and scored once, without
// changing the parsers for them: how the readings do on phrasing their author had not tuned on.
// Scored, never tuned on (see docs/benchmarks.md). Same conventions as when.zh.ts and when.vi.ts.
import type { WhenCase, WhenExpectation } from "./when.ts";
import { on, pod, vague } from "./expect.ts";

const AM = ["10:00", "12:00"] as const;
const PM = ["13:00", "17:00"] as const;

export const zhUnseenCorpus: WhenCase[] = [
  { category: "zh", text: "下周四上午十点", expect: on("2026-12-03", "10:00") },
  { category: "zh", text: "12月7日星期一下午", expect: pod("2026-12-07", ...PM) },
  { category: "zh", text: "明天早上10点半", expect: on("2026-11-25", "10:30") },
  { category: "zh", text: "这个星期五", expect: on("2026-11-27") },
  { category: "zh", text: "周二下午两点", expect: on("2026-12-01", "14:00") },
  { category: "zh", text: "12月中旬", expect: "confirm" },
  { category: "zh", text: "后天上午11点", expect: on("2026-11-26", "11:00") },
  { category: "zh", text: "12月11号下午3点半", expect: on("2026-12-11", "15:30") },
  { category: "zh", text: "下周三或周四上午", expect: pod("2026-12-02", ...AM), also: [pod("2026-12-03", ...AM)] },
  { category: "zh", text: "我想约在12月2日", expect: on("2026-12-02") },
  { category: "zh", text: "下礼拜一下午", expect: pod("2026-11-30", ...PM) },
  { category: "zh", text: "明天什么时候都行", expect: on("2026-11-25") },
  { category: "zh", text: "三点半", expect: { date: "2026-11-24", time: "15:30", ambiguousHour: true } },
  { category: "zh", text: "我的求职编号是42010-1234567，想约12月4号", expect: on("2026-12-04") },
  { category: "zh", text: "不好意思，时间还没定", expect: "none" },
  { category: "zh", text: "下周的话都可以", expect: vague("2026-11-30", "2026-12-04") },
  { category: "zh", text: "12月3日上午或者下午都可以", expect: pod("2026-12-03", ...AM), also: [pod("2026-12-03", ...PM)] },
  { category: "zh", text: "周五中午12点", expect: on("2026-11-27", "12:00") },
  { category: "zh", text: "1月8号上午", expect: pod("2027-01-08", ...AM) },
  { category: "zh", text: "我上个月已经来过一次", expect: "none" },
];

export const viUnseenCorpus: WhenCase[] = [
  { category: "vi", text: "Thứ Năm tuần sau lúc 10 giờ", expect: on("2026-12-03", "10:00") },
  { category: "vi", text: "ngày 7/12 buổi sáng", expect: pod("2026-12-07", ...AM) },
  { category: "vi", text: "sáng mai 10h30", expect: on("2026-11-25", "10:30") },
  { category: "vi", text: "thứ sáu này", expect: on("2026-11-27") },
  { category: "vi", text: "2h chiều thứ 3", expect: on("2026-12-01", "14:00") },
  { category: "vi", text: "giữa tháng 12", expect: "confirm" },
  { category: "vi", text: "11 giờ sáng ngày kia", expect: on("2026-11-26", "11:00") },
  { category: "vi", text: "15h30 ngày 11/12", expect: on("2026-12-11", "15:30") },
  { category: "vi", text: "sáng thứ Tư hoặc thứ Năm tuần sau", expect: pod("2026-12-02", ...AM), also: [pod("2026-12-03", ...AM)] },
  { category: "vi", text: "Em muốn hẹn ngày 2/12", expect: on("2026-12-02") },
  { category: "vi", text: "chiều thứ hai tuần tới", expect: pod("2026-11-30", ...PM) },
  { category: "vi", text: "ngày mai lúc nào cũng được", expect: on("2026-11-25") },
  { category: "vi", text: "3 rưỡi", expect: { date: "2026-11-24", time: "15:30", ambiguousHour: true } },
  { category: "vi", text: "số đăng ký của tôi là 42010-1234567, muốn hẹn ngày 4/12", expect: on("2026-12-04") },
  { category: "vi", text: "xin lỗi, tôi chưa quyết định thời gian", expect: "none" },
  { category: "vi", text: "tuần tới ngày nào cũng được", expect: vague("2026-11-30", "2026-12-04") },
  { category: "vi", text: "3/12 sáng hoặc chiều đều được", expect: pod("2026-12-03", ...AM), also: [pod("2026-12-03", ...PM)] },
  { category: "vi", text: "12 giờ trưa thứ Sáu", expect: on("2026-11-27", "12:00") },
  { category: "vi", text: "buổi sáng ngày 8/1", expect: pod("2027-01-08", ...AM) },
  { category: "vi", text: "tháng trước tôi đã đến một lần", expect: "none" },
];
