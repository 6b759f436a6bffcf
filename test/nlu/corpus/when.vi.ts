// Tiếng Việt replies a seeker might send when asked for a date and time, with what they mean, typed
// with and without marks as people do. Written while the Vietnamese reading was being built
// (development data, scored per locale in the NLU bench). "now" is Tuesday 24 November 2026, 10:00 in
// Tokyo (see when.ts); 3/12 is Thursday 3 December: Vietnamese writes the day before the month.
// Weeks start on Monday; a week said alone is its working days (vague). Parts of the day are the
// Japanese windows: sáng 10–12, trưa 12–13, chiều 13–17; tối is outside office hours (asked back).
// A bare 1–6 o'clock is read in the afternoon and flagged ambiguousHour.
import type { WhenCase, WhenExpectation } from "./when.ts";
import { on, pod, span, after, before, vague, unsureHour } from "./expect.ts";

const today = "2026-11-24";
const AM = ["10:00", "12:00"] as const;
const PM = ["13:00", "17:00"] as const;

export const viWhenCorpus: WhenCase[] = [
  // ── day before month ───────────────────────────────────────────────────────
  { category: "date", text: "3/12", expect: on("2026-12-03") },
  { category: "date", text: "3/12 lúc 14:00", expect: on("2026-12-03", "14:00") },
  { category: "date", text: "thứ Năm, 3/12 lúc 14:00", expect: on("2026-12-03", "14:00") },
  { category: "date", text: "thứ Sáu, 3/12", expect: "confirm" },
  { category: "date", text: "3/12 (thứ Năm) 10h", expect: on("2026-12-03", "10:00") },
  { category: "date", text: "ngày 3 tháng 12", expect: on("2026-12-03") },
  { category: "date", text: "ngày 8 tháng 12 lúc 10 giờ sáng", expect: on("2026-12-08", "10:00") },
  { category: "date", text: "mùng 5 tháng 1", expect: on("2027-01-05") },
  { category: "date", text: "5/1/2027 lúc 9h30", expect: on("2027-01-05", "09:30") },
  { category: "date", text: "03/12/2026 10:00", expect: on("2026-12-03", "10:00") },
  { category: "date", text: "9h30 sáng ngày 4/12", expect: on("2026-12-04", "09:30") },
  { category: "date", text: "10/12 buổi chiều", expect: pod("2026-12-10", ...PM) },
  { category: "date", text: "chiều 10/12", expect: pod("2026-12-10", ...PM) },
  { category: "date", text: "1/12 14h", expect: on("2026-12-01", "14:00") },
  { category: "date", text: "12/1", expect: on("2027-01-12") },
  { category: "date", text: "20/11", expect: "confirm" },
  { category: "date", text: "31/11", expect: "confirm" },
  { category: "date", text: "ngày 25", expect: on("2026-11-25") },
  { category: "date", text: "ngay 3 thang 12 luc 2 gio chieu", expect: on("2026-12-03", "14:00") },
  // ── days from today ────────────────────────────────────────────────────────
  { category: "relative", text: "ngày mai", expect: on("2026-11-25") },
  { category: "relative", text: "ngày mai lúc 10 giờ", expect: on("2026-11-25", "10:00") },
  { category: "relative", text: "mai 10h sáng", expect: on("2026-11-25", "10:00") },
  { category: "relative", text: "chiều mai", expect: pod("2026-11-25", ...PM) },
  { category: "relative", text: "sáng mai được không", expect: pod("2026-11-25", ...AM) },
  { category: "relative", text: "2 giờ rưỡi chiều mai", expect: on("2026-11-25", "14:30") },
  { category: "relative", text: "hôm nay 15h", expect: on(today, "15:00") },
  { category: "relative", text: "ngày kia", expect: on("2026-11-26") },
  { category: "relative", text: "ngay mai buoi sang", expect: pod("2026-11-25", ...AM) },
  // ── weekdays and weeks ─────────────────────────────────────────────────────
  { category: "weekday", text: "thứ Hai", expect: on("2026-11-30") },
  { category: "weekday", text: "thứ 4", expect: on("2026-11-25") },
  { category: "weekday", text: "chiều thứ Ba", expect: pod("2026-12-01", ...PM) },
  { category: "weekday", text: "sáng thứ Sáu", expect: pod("2026-11-27", ...AM) },
  { category: "weekday", text: "thứ Ba tuần sau", expect: on("2026-12-01") },
  { category: "weekday", text: "thu ba tuan sau", expect: on("2026-12-01") },
  { category: "weekday", text: "thứ Năm tuần này lúc 2 giờ chiều", expect: on("2026-11-26", "14:00") },
  { category: "weekday", text: "thứ Tư tuần tới, 10h", expect: on("2026-12-02", "10:00") },
  { category: "weekday", text: "T5 14h", expect: on("2026-11-26", "14:00") },
  { category: "weekday", text: "thứ 2 tuần sau nữa", expect: on("2026-12-07") },
  { category: "weekday", text: "Chủ nhật", expect: on("2026-11-29") },
  { category: "weekday", text: "thứ Hai hoặc thứ Ba", expect: on("2026-11-30"), also: [on("2026-12-01")] },
  { category: "weekday", text: "thứ Hai tới", expect: on("2026-11-30") },
  { category: "week", text: "tuần sau", expect: vague("2026-11-30", "2026-12-04") },
  { category: "week", text: "tuần sau lúc nào cũng được", expect: vague("2026-11-30", "2026-12-04") },
  { category: "week", text: "trong tuần này", expect: vague(today, "2026-11-27") },
  // ── times ─────────────────────────────────────────────────────────────────
  { category: "time", text: "14h", expect: on(today, "14:00") },
  { category: "time", text: "14h30", expect: on(today, "14:30") },
  { category: "time", text: "2 giờ chiều", expect: on(today, "14:00") },
  { category: "time", text: "10 giờ sáng", expect: on(today, "10:00") },
  { category: "time", text: "3 giờ", expect: unsureHour(today, "15:00") },
  { category: "time", text: "lúc 2h", expect: unsureHour(today, "14:00") },
  { category: "time", text: "9 giờ 30", expect: on(today, "09:30") },
  { category: "time", text: "buổi chiều", expect: pod(today, ...PM) },
  { category: "time", text: "từ 2 đến 4 giờ chiều thứ Tư", expect: span("2026-11-25", "14:00", "16:00") },
  { category: "time", text: "14h-16h ngày 3/12", expect: span("2026-12-03", "14:00", "16:00") },
  { category: "time", text: "7 giờ tối", expect: "confirm" },
  { category: "time", text: "buổi tối", expect: "confirm" },
  // ── open ranges ───────────────────────────────────────────────────────────
  { category: "open", text: "sau 3 giờ chiều thứ Hai tuần sau", expect: after("2026-11-30", "15:00") },
  { category: "open", text: "sau ngày 8/12", expect: after("2026-12-08") },
  { category: "open", text: "trước 11h ngày mai", expect: before("2026-11-25", "11:00") },
  // ── sentences ─────────────────────────────────────────────────────────────
  { category: "sentence", text: "Tôi muốn đặt lịch vào thứ Năm, 3/12 lúc 14:00 ạ", expect: on("2026-12-03", "14:00") },
  { category: "sentence", text: "Em rảnh chiều thứ Tư tuần sau", expect: pod("2026-12-02", ...PM) },
  { category: "sentence", text: "Cho tôi đổi sang thứ Ba tuần sau, 10 giờ sáng", expect: on("2026-12-01", "10:00") },
  { category: "sentence", text: "3/12 được không ạ?", expect: on("2026-12-03") },
  { category: "sentence", text: "toi muon dat lich ngay 4/12 luc 10h", expect: on("2026-12-04", "10:00") },
  // ── no date ───────────────────────────────────────────────────────────────
  { category: "none", text: "lúc nào cũng được", expect: "none" },
  { category: "none", text: "Tôi không biết", expect: "none" },
  { category: "none", text: "số điện thoại của tôi là 090-1234-5678", expect: "none" },
  { category: "none", text: "Tôi tên là Mai", expect: "none" },
  { category: "none", text: "cảm ơn", expect: "none" },
  { category: "none", text: "tôi đã làm việc 3 năm", expect: "none" },
  { category: "none", text: "sang năm tôi muốn đổi việc", expect: "none" },
  // ── refused, borrowed and unmarked words (added after the held-out score of 2026-12-03) ──
  { category: "refused", text: "thứ Hai không được, thứ Tư được", expect: on("2026-11-25") },
  { category: "refused", text: "trừ thứ Năm", expect: "none" },
  { category: "refused", text: "chiều mai em bận", expect: "none" },
  { category: "refused", text: "ngoại trừ ngày 3/12 thì được", expect: "none" },
  { category: "weekday", text: "thu bay tuan sau", expect: on("2026-12-05") },
  { category: "weekday", text: "thứ bảy này", expect: on("2026-11-28") },
  { category: "mixed", text: "thứ 3 tuần sau 3pm", expect: on("2026-12-01", "15:00") },
  { category: "mixed", text: "mai 10:30am", expect: on("2026-11-25", "10:30") },
  { category: "relative", text: "hai hôm nữa", expect: on("2026-11-26") },
  { category: "relative", text: "5 ngày sau lúc 10h", expect: on("2026-11-29", "10:00") },
  { category: "none", text: "em làm 3 ngày một tuần", expect: "none" },
  { category: "mixed", text: "12月4日 lúc 14h", expect: "confirm" },
  { category: "mixed", text: "thứ 6 tuần sau 14時", expect: "confirm" },
  { category: "mixed", text: "Tuesday tuần sau", expect: "confirm" },
];
