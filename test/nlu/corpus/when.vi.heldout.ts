// HELD-OUT Tiếng Việt replies: written on 2026-12-03 by someone who had not read the Vietnamese
// parser, committed before any parser change, scored and never tuned on. Do not edit a case to make
// the parser pass; if a case is itself wrong, fix it in its own commit and say so in docs/benchmarks.md.
// Same conventions as when.vi.ts: "now" is Tuesday 24 November 2026, 10:00 in Tokyo; day before month;
// weeks start on Monday and a week said alone is its working days (vague); sáng 10–12, trưa 12–13,
// chiều 13–17, tối asked back; a bare 1–6 o'clock is the afternoon, flagged ambiguousHour.
import type { WhenCase, WhenExpectation } from "./when.ts";
import { on, pod, span, after, before, vague, unsureHour } from "./expect.ts";

const today = "2026-11-24";
const AM = ["10:00", "12:00"] as const;
const PM = ["13:00", "17:00"] as const;

export const viHeldOutCorpus: WhenCase[] = [
  { category: "date", text: "ngày 4/12", expect: on("2026-12-04") },
  { category: "date", text: "4/12 lúc 10h30", expect: on("2026-12-04", "10:30") },
  { category: "date", text: "thứ 6 ngày 4/12, 2 giờ chiều", expect: on("2026-12-04", "14:00") },
  { category: "date", text: "ngày 03.12", expect: on("2026-12-03") },
  { category: "date", text: "7-12 buổi sáng", expect: pod("2026-12-07", ...AM) },
  { category: "date", text: "mùng 2 tháng 12", expect: on("2026-12-02") },
  { category: "date", text: "10/12/2026 lúc 13h", expect: on("2026-12-10", "13:00") },
  { category: "date", text: "5/12 thứ 6", expect: "confirm" },
  { category: "date", text: "15/11", expect: "confirm" },
  { category: "date", text: "ngày 30 tháng 2", expect: "confirm" },
  { category: "date", text: "ngày 8 tháng 12, khoảng 3 giờ chiều", expect: on("2026-12-08", "15:00") },
  { category: "date", text: "ngày 27", expect: on("2026-11-27") },

  { category: "relative", text: "chiều nay", expect: pod(today, ...PM) },
  { category: "relative", text: "sáng mai lúc 11h", expect: on("2026-11-25", "11:00") },
  { category: "relative", text: "ngày mốt 10h", expect: on("2026-11-26", "10:00") },
  { category: "relative", text: "3 ngày nữa", expect: on("2026-11-27") },
  { category: "relative", text: "hôm nay không được, mai 2 giờ chiều nhé", expect: on("2026-11-25", "14:00") },
  { category: "relative", text: "trưa mai", expect: pod("2026-11-25", "12:00", "13:00") },
  { category: "relative", text: "mai em rảnh cả ngày", expect: on("2026-11-25") },

  { category: "weekday", text: "thứ Sáu này", expect: on("2026-11-27") },
  { category: "weekday", text: "thứ 3 tuần sau lúc 10 giờ", expect: on("2026-12-01", "10:00") },
  { category: "weekday", text: "T4 tuần sau chiều", expect: pod("2026-12-02", ...PM) },
  { category: "weekday", text: "thứ hai tuần sau nữa, buổi sáng", expect: pod("2026-12-07", ...AM) },
  { category: "weekday", text: "thứ Năm hoặc thứ Sáu buổi chiều", expect: pod("2026-11-26", ...PM), also: [pod("2026-11-27", ...PM)] },
  { category: "weekday", text: "thứ 7", expect: on("2026-11-28") },
  { category: "weekday", text: "thứ năm tuần này hay thứ hai tuần sau đều được", expect: on("2026-11-26"), also: [on("2026-11-30")] },

  { category: "week", text: "trong tuần sau", expect: vague("2026-11-30", "2026-12-04") },
  { category: "week", text: "tuần sau nữa", expect: vague("2026-12-07", "2026-12-11") },
  { category: "week", text: "tuần sau, buổi chiều nào cũng được", expect: { ...vague("2026-11-30", "2026-12-04"), partOfDay: { from: "13:00", to: "17:00" } } },

  { category: "time", text: "14h30", expect: on(today, "14:30") },
  { category: "time", text: "3 giờ", expect: unsureHour(today, "15:00") },
  { category: "time", text: "1 giờ chiều", expect: on(today, "13:00") },
  { category: "time", text: "12h trưa mai", expect: on("2026-11-25", "12:00") },
  { category: "time", text: "10 giờ 15 sáng thứ Tư", expect: on("2026-11-25", "10:15") },
  { category: "time", text: "2 rưỡi chiều thứ 5", expect: on("2026-11-26", "14:30") },

  { category: "range", text: "từ 2h đến 4h chiều mai", expect: span("2026-11-25", "14:00", "16:00") },
  { category: "range", text: "10h-11h sáng thứ 6", expect: span("2026-11-27", "10:00", "11:00") },
  { category: "range", text: "sau 3 giờ chiều thứ Hai", expect: after("2026-11-30", "15:00") },
  { category: "range", text: "trước 11h sáng ngày 2/12", expect: before("2026-12-02", "11:00") },
  { category: "range", text: "thứ 3 tuần sau từ 13h đến 15h", expect: span("2026-12-01", "13:00", "15:00") },

  { category: "noMarks", text: "thu hai tuan sau", expect: on("2026-11-30") },
  { category: "noMarks", text: "chieu thu sau", expect: pod("2026-11-27", ...PM) },
  { category: "noMarks", text: "sang mai 10h", expect: on("2026-11-25", "10:00") },
  { category: "noMarks", text: "ngay 4 thang 12 luc 9h30", expect: on("2026-12-04", "09:30") },
  { category: "noMarks", text: "2 gio chieu thu 5", expect: on("2026-11-26", "14:00") },
  { category: "noMarks", text: "thu bay nay", expect: on("2026-11-28") },

  { category: "typo", text: "thứ 4 tuân sau", expect: on("2026-12-02") },
  { category: "typo", text: "chìu mai", expect: pod("2026-11-25", ...PM) },
  { category: "typo", text: "thứ hia", expect: "confirm" },
  { category: "typo", text: "ngayf mai 10h", expect: on("2026-11-25", "10:00") },

  { category: "mixed", text: "３/１２ lúc １４：００", expect: on("2026-12-03", "14:00") },
  { category: "mixed", text: "thứ 5 14時", expect: on("2026-11-26", "14:00") },
  { category: "mixed", text: "thứ 6 午後", expect: pod("2026-11-27", ...PM) },
  { category: "mixed", text: "next week thứ 3 được không ạ", expect: on("2026-12-01") },
  { category: "mixed", text: "Monday tuần sau 2pm", expect: on("2026-11-30", "14:00") },
  { category: "mixed", text: "12月3日 lúc 10h", expect: on("2026-12-03", "10:00") },

  { category: "vague", text: "giữa tháng 12", expect: "confirm" },
  { category: "vague", text: "mấy hôm nữa", expect: "confirm" },
  { category: "vague", text: "tối thứ 6", expect: "confirm" },
  { category: "vague", text: "khi nào cũng được ạ", expect: "none" },

  { category: "notAppointment", text: "Tôi tên là Nguyễn Thị Mai", expect: "none" },
  { category: "notAppointment", text: "năm nay em 28 tuổi", expect: "none" },
  { category: "notAppointment", text: "số điện thoại 090-1234-5678", expect: "none" },
  { category: "notAppointment", text: "em đã làm việc 3 năm ở nhà máy", expect: "none" },
  { category: "notAppointment", text: "em muốn làm 4 tiếng một ngày", expect: "none" },
  { category: "notAppointment", text: "trừ thứ Hai ra thì ngày nào cũng được", expect: "none" },
  { category: "notAppointment", text: "em đi cùng ba em", expect: "none" },
  { category: "notAppointment", text: "mã số 42010-12345678", expect: "none" },
];
