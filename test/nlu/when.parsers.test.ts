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

  it("nthWeekday: without a month it is asked back, unless the sentence, an alternative or brackets give one", () => {
    expect(first("第3水曜")).toMatchObject({ date: "2026-12-16", confidence: "unsure", confirm: "ambiguous_date" });
    expect(first("12月の2週目の木曜")?.confidence).toBe("unsure");
    expect(first("12月は第3水曜が都合いいです")).toMatchObject({ date: "2026-12-16", confidence: "sure" });
    expect(read("2月の第1金曜か第2金曜").map((r) => [r.date, r.confidence])).toEqual([["2027-02-05", "sure"], ["2027-02-12", "sure"]]);
    expect(first("第3水曜(12/16)")).toMatchObject({ date: "2026-12-16", confidence: "sure" });
  });

  it("mergeDateRange: a range between dated times, and days sharing a time range", () => {
    expect(first("12月8日13時から12月10日11時まで")).toMatchObject({ date: "2026-12-08", time: "13:00", end: { date: "2026-12-10", time: "11:00" } });
    expect(first("12/8〜12/9の10時〜12時")).toMatchObject({ date: "2026-12-08", time: "10:00", end: { date: "2026-12-09", time: "12:00" } });
  });

  it("dropMovedFrom and sameTimeAsBefore: a booking being moved is not the wish; 同じ時間 repeats an earlier time", () => {
    expect(read("12月4日の予約を12月11日に変更したい").map((r) => r.date)).toEqual(["2026-12-11"]);
    expect(read("12月4日14時から12月7日10時に変えてください").map((r) => [r.date, r.time])).toEqual([["2026-12-07", "10:00"]]);
    expect(first("先週は11月19日の10時でした。次は12月3日の同じ時間で")).toMatchObject({ date: "2026-12-03", time: "10:00" });
  });

  it("labels and list numbers: a form's time label joins its date; ① is no digit", () => {
    expect(first("日付:12月8日 時刻:15時")).toMatchObject({ date: "2026-12-08", time: "15:00" });
    expect(read("①12/8 13時 ②12/9 11時").map((r) => [r.date, r.time])).toEqual([["2026-12-08", "13:00"], ["2026-12-09", "11:00"]]);
  });

  it("monthSpan: 半ば and 中頃 are the middle of a month; 来月以降 opens from its first day", () => {
    expect(first("1月の半ば")).toMatchObject({ date: "2027-01-11", end: { date: "2027-01-20" }, vague: true });
    expect(first("再来月以降")).toMatchObject({ date: "2027-01-01", open: "after" });
  });

  it("casualDay: あす before a clock time, English day words inside Japanese, 今日から N日後", () => {
    expect(first("あす10時")).toMatchObject({ date: "2026-11-25", time: "10:00" });
    expect(first("tomorrow 15時")).toMatchObject({ date: "2026-11-25", time: "15:00" });
    expect(first("今日から5日後")?.date).toBe("2026-11-29");
  });

  it("English: 'around 2', 'N days from today', 'day after tomorrow', 'early January', and no '32nd'", () => {
    expect(first("Friday around 2")).toMatchObject({ date: "2026-11-27", time: "14:00", ambiguousHour: true });
    expect(first("3 days from today")?.date).toBe("2026-11-27");
    expect(first("day after tomorrow at 11am")).toMatchObject({ date: "2026-11-26", time: "11:00" });
    expect(first("early January")).toMatchObject({ date: "2027-01-01", end: { date: "2027-01-10" }, vague: true });
    expect(read("Jan 35th").every((r) => r.confidence === "unsure")).toBe(true);
    expect(first("Monday 4:30")).toMatchObject({ time: "16:30", ambiguousHour: true, confidence: "unsure" });
  });

  it("second probe: 第N週の曜日 is asked back; days then one time is asked back; と joins alternatives; a move of days is no range", () => {
    expect(first("1月第3週の金曜")?.confidence).toBe("unsure");
    expect(first("12月7日から12月9日の10時")).toMatchObject({ date: "2026-12-07", time: "10:00", confidence: "unsure" });
    expect(read("12/10と12/11の13時〜14時").map((r) => [r.date, r.time, r.end?.time])).toEqual([["2026-12-10", "13:00", "14:00"], ["2026-12-11", "13:00", "14:00"]]);
    expect(read("予約を12月7日から12月9日に変えたい").map((r) => [r.date, r.end])).toEqual([["2026-12-09", undefined]]);
  });

  it("third probe: a day pointed at (その次の日) is counted from the date before it, or asked back without one; (Mon) after a date keeps its time; 2日連続 is no date", () => {
    expect(first("12月10日は用事があるので、その次の日の午前")).toMatchObject({ date: "2026-12-11", partOfDay: { from: "10:00", to: "12:00" }, confidence: "sure" });
    expect(first("その次の日の午前")?.confidence).toBe("unsure");
    expect(first("12/9 (Wed) 2pm")).toMatchObject({ date: "2026-12-09", time: "14:00", confidence: "sure" });
    expect(read("3日連続で")).toEqual([]);
  });

  it("anchorRelatives: a day counted from an earlier date is read from it; alternatives keep the anchor; a count from today after another date is asked back", () => {
    expect(first("認定日が12月3日なので、その翌週の火曜10時でお願いします")).toMatchObject({ date: "2026-12-08", time: "10:00", confidence: "sure" });
    expect(read("12/3の10時か、その翌日の14時").map((r) => [r.date, r.time])).toEqual([["2026-12-03", "10:00"], ["2026-12-04", "14:00"]]);
    expect(read("12月3日は面接です。その翌日でお願いします").map((r) => r.date)).toEqual(["2026-12-04"]);
    expect(first("12月3日が面接なので、その次の週")).toMatchObject({ date: "2026-12-07", end: { date: "2026-12-11" }, vague: true });
    expect(first("12月3日は都合が悪いので、2日後で")?.confidence).toBe("unsure");
    expect(read("4日後か5日後の午前").map((r) => [r.date, r.confidence])).toEqual([["2026-11-28", "sure"], ["2026-11-29", "sure"]]);
    expect(first("the day after at 2pm")?.confidence).toBe("unsure");
  });

  it("slashDate and enDropNonWishes: a slash number after a rate or score word, or before a unit, is a fraction", () => {
    expect(read("合格率は3/10くらいです")).toEqual([]);
    expect(read("1/3の確率")).toEqual([]);
    expect(first("合格率は3/10に聞きます")?.date).toBe("2027-03-10");
    expect(read("My pass rate is about 3/10")).toEqual([]);
    expect(first("Pass rate aside, 3/10 at 2pm?")).toMatchObject({ date: "2027-03-10", time: "14:00" });
  });

  it("fourth probe: an English time range inside a Japanese reply; 15時前 is asked back", () => {
    expect(first("12/9 1-3pm")).toMatchObject({ date: "2026-12-09", time: "13:00", end: { time: "15:00" } });
    expect(first("明日の11時前")?.confidence).toBe("unsure");
  });
});
