import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { nthWeekdayOf } from "../../src/nlu/when/calendar.ts";
import { mask } from "../../src/nlu/when/mask.ts";

// One behaviour per parser or refiner of the second round, beside the corpus tests.
// Tuesday 24 November 2026, 10:00 in Tokyo.
const now = new Date("2026-11-24T10:00:00+09:00");
const read = (text: string) => parseWhen(text, { now });
const first = (text: string) => read(text)[0];

describe("when parsers, second round", () => {
  it("yearDate: keeps the date when a time follows after a space", () => {
    expect(first("2027/1/12 14:30")).toMatchObject({ date: "2027-01-12", time: "14:30", confidence: "sure" });
  });

  it("nthWeekday: the nth and the last weekday of a month; a missing one reads as nothing", () => {
    expect(nthWeekdayOf(2027, 1, 2, 2)).toBe("2027-01-12");
    expect(nthWeekdayOf(2026, 12, -1, 3)).toBe("2026-12-30");
    expect(first("1月の第2火曜日")?.date).toBe("2027-01-12");
    expect(first("来月の最初の木曜")?.date).toBe("2026-12-03");
    expect(read("12月の第6月曜")).toEqual([]);
  });

  it("daysLater: a weekday after N週間後 picks its day in that week", () => {
    expect(first("2週間後の火曜")?.date).toBe("2026-12-08");
    expect(first("3週間後の金曜")?.date).toBe("2026-12-18");
  });

  it("monthsLater: N か月後 keeps the day of the month, or takes the one given", () => {
    expect(first("1か月後")?.date).toBe("2026-12-24");
    expect(first("2ヶ月後の15日")?.date).toBe("2027-01-15");
  });

  it("time: まで closes a range that から opened, and 同 repeats the meridiem", () => {
    expect(first("午後2時から3時半まで")).toMatchObject({ time: "14:00", end: { date: "2026-11-24", time: "15:30" } });
    expect(first("午後1時から同3時")).toMatchObject({ time: "13:00", end: { time: "15:00" } });
  });

  it("time and markOpenRanges: 以降 and まで make open ranges, on times and on dates", () => {
    expect(first("あさって14時以降")).toMatchObject({ date: "2026-11-26", time: "14:00", open: "after" });
    expect(first("11時までなら")).toMatchObject({ time: "11:00", open: "before" });
    expect(first("12月8日以降")).toMatchObject({ date: "2026-12-08", open: "after" });
    expect(first("after 3pm on Friday")).toMatchObject({ date: "2026-11-27", time: "15:00", open: "after" });
  });

  it("weekSpan and monthSpan: vague spans of working days or part of a month", () => {
    expect(first("来週のどこか")).toMatchObject({ date: "2026-11-30", end: { date: "2026-12-04" }, vague: true, confidence: "sure" });
    expect(first("今週中")).toMatchObject({ date: "2026-11-24", end: { date: "2026-11-27" }, vague: true });
    expect(first("12月下旬")).toMatchObject({ date: "2026-12-21", end: { date: "2026-12-31" }, vague: true });
    expect(first("early next week")).toMatchObject({ date: "2026-11-30", end: { date: "2026-12-02" }, vague: true });
  });

  it("enTimeRange: a meridiem said once serves both ends", () => {
    expect(first("between 2 and 4pm tomorrow")).toMatchObject({ date: "2026-11-25", time: "14:00", end: { time: "16:00" } });
  });

  it("enBusinessHour: 'Friday at 3' is 15:00 and unsure", () => {
    expect(first("Friday at 3")).toMatchObject({ date: "2026-11-27", time: "15:00", ambiguousHour: true, confidence: "unsure" });
  });

  it("slashDate: a dotted number with a unit is a measurement; alone it is asked back", () => {
    expect(read("2.5メートル")).toEqual([]);
    expect(read("視力は1.2です")).toEqual([]);
    expect(first("3.14")?.confirm).toBe("ambiguous_date");
  });

  it("mask: months ahead and 'in 3 days' survive, durations do not", () => {
    expect(mask("1ヶ月後")).toBe("1ヶ月後");
    expect(mask("3ヶ月働いた").trim()).toBe("働いた");
    expect(mask("in 3 days")).toBe("in 3 days");
  });

  it("guard: a time whose date went unread is asked back, not booked today", () => {
    // 1/2/3 is no form the parsers know; 14時 alone would otherwise be today at 14:00
    expect(first("1/2/3 14時")?.confidence).toBe("unsure");
  });

  it("dropNonWishes: でしたら is a condition, not the past", () => {
    expect(first("来週木曜の11時ごろでしたら参加できます")).toMatchObject({ date: "2026-12-03", time: "11:00" });
  });
});
