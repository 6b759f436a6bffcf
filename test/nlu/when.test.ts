import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/nlu/when/index.ts";

// Tuesday 24 November 2026, 10:00 in Tokyo (01:00 UTC).
const now = new Date("2026-11-24T10:00:00+09:00");
const first = (text: string, at = now) => parseWhen(text, { now: at })[0];

describe("parseWhen", () => {
  it("reads 来週火曜 as next week's Tuesday", () => {
    expect(first("来週火曜")).toMatchObject({ date: "2026-12-01" });
  });

  it("reads 今週金曜 as this week's Friday, weeks starting on Monday", () => {
    expect(first("今週金曜")).toMatchObject({ date: "2026-11-27" });
    expect(first("今週金曜", new Date("2026-11-29T12:00:00+09:00"))).toMatchObject({ date: "2026-11-27", confirm: "past_date" });
  });

  it("reads a bare weekday as the next one after today", () => {
    expect(first("火曜日")).toMatchObject({ date: "2026-12-01" });
    expect(first("水曜")).toMatchObject({ date: "2026-11-25" });
  });

  it("reads a date without a year as its next occurrence", () => {
    expect(first("1月8日")).toMatchObject({ date: "2027-01-08" });
    expect(first("12月3日")).toMatchObject({ date: "2026-12-03" });
  });

  it("reads era dates", () => {
    expect(first("令和8年12月3日")?.date).toBe("2026-12-03");
    expect(first("R8.12.3")?.date).toBe("2026-12-03");
  });

  it("reads a bare 2時 as 14:00 and says the hour was a guess", () => {
    expect(first("2時")).toMatchObject({ date: "2026-11-24", time: "14:00", ambiguousHour: true });
    expect(first("午後2時")?.ambiguousHour).toBeUndefined();
  });

  it("gives today's date when only a time was given", () => {
    expect(first("14:30")).toMatchObject({ date: "2026-11-24", time: "14:30" });
  });

  it("maps parts of the day to windows inside office hours", () => {
    expect(first("明日の午前中")).toMatchObject({ date: "2026-11-25", partOfDay: { from: "10:00", to: "12:00" } });
    expect(first("朝イチ")?.partOfDay).toEqual({ from: "10:00", to: "11:00" });
    expect(first("午後イチ")?.partOfDay).toEqual({ from: "13:00", to: "14:00" });
    expect(first("昼過ぎ")?.partOfDay).toEqual({ from: "13:00", to: "15:00" });
    expect(first("夕方")?.partOfDay).toEqual({ from: "16:00", to: "17:00" });
  });

  it("reads full-width digits, full-width colons and wave dashes", () => {
    expect(first("１３時〜１５時")).toMatchObject({ time: "13:00", end: { date: "2026-11-24", time: "15:00" } });
    expect(first("１４：３０")?.time).toBe("14:30");
  });

  it("reads the IME slip 14次 as 14時", () => {
    expect(first("明日の14次")).toMatchObject({ date: "2026-11-25", time: "14:00" });
  });

  it("reads a range of days, the end taking the month of the start", () => {
    expect(first("12月3日から5日")).toMatchObject({ date: "2026-12-03", end: { date: "2026-12-05" } });
  });

  it("gives one reading per candidate, sharing the part of day", () => {
    const readings = parseWhen("3日か4日の午前", { now });
    expect(readings.map((r) => [r.date, r.partOfDay?.from])).toEqual([
      ["2026-12-03", "10:00"],
      ["2026-12-04", "10:00"],
    ]);
  });

  it("never reads a seeker number, a phone number or a postal code as a date", () => {
    for (const text of ["42010-12345678", "095-862-8643", "090/1234/5678", "〒850-0033", "4111 1111 1111 1111"]) {
      expect(parseWhen(text, { now })).toEqual([]);
    }
  });

  it("never reads a duration as the appointment", () => {
    expect(parseWhen("30分くらいで終わりますか", { now })).toEqual([]);
    expect(parseWhen("2時間かかりますか", { now })).toEqual([]);
  });

  it("skips a date the seeker mentions as past", () => {
    const readings = parseWhen("10月31日に退職しました。12月3日10時希望", { now });
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ date: "2026-12-03", time: "10:00" });
  });

  it("skips a day the seeker rules out", () => {
    expect(first("明日は無理なので明後日の10時で")).toMatchObject({ date: "2026-11-26", time: "10:00" });
  });

  it("asks to confirm when the weekday does not match the date", () => {
    expect(first("12月3日(金)")).toMatchObject({ date: "2026-12-03", confirm: "weekday_mismatch" });
  });

  it("points its span at the seeker's own text", () => {
    const text = "よろしくお願いします。１２月３日　１４時で";
    const reading = first(text)!;
    expect(text.slice(...reading.span)).toBe("１２月３日　１４時");
  });

  it("reads English", () => {
    expect(first("tomorrow 2pm")).toMatchObject({ date: "2026-11-25", time: "14:00" });
    expect(first("Dec 3 at 10:30")).toMatchObject({ date: "2026-12-03", time: "10:30" });
  });

  it("returns nothing when the text holds no date or time", () => {
    expect(parseWhen("予約したいです", { now })).toEqual([]);
  });

  it("does not depend on the host's time zone near midnight", () => {
    const lateNight = new Date("2026-11-24T23:30:00+09:00"); // still the 24th in Tokyo, the 24th 14:30 UTC
    expect(first("明日", lateNight)?.date).toBe("2026-11-25");
    const earlyMorning = new Date("2026-11-25T00:30:00+09:00"); // the 24th in UTC
    expect(first("明日", earlyMorning)?.date).toBe("2026-11-26");
    expect(first("10時", earlyMorning)?.date).toBe("2026-11-25");
  });
});
