import { describe, expect, it } from "vitest";
import { formats } from "../src/i18n/ja/formats.ts";
import { addDays, jstDate, jstInstant, jstTime, weekday } from "../src/jst.ts";

const { date: formatDateJa, slot: formatSlotJa } = formats;

describe("JST calendar arithmetic", () => {
  it("reads the Tokyo calendar date of an instant whatever the host time zone", () => {
    expect(jstDate(new Date("2026-12-03T00:30:00+09:00"))).toBe("2026-12-03");
    expect(jstDate(new Date("2026-12-02T15:00:00Z"))).toBe("2026-12-03");
    expect(jstTime(new Date("2026-12-02T15:00:00Z"))).toBe("00:00");
  });

  it("builds the instant of a Tokyo wall-clock time", () => {
    expect(jstInstant("2026-12-03", "14:00").toISOString()).toBe("2026-12-03T05:00:00.000Z");
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("writes dates the way a Japanese office does", () => {
    expect(weekday("2026-12-03")).toBe(4);
    expect(formatDateJa("2026-12-03")).toBe("12月3日(木)");
    expect(formatSlotJa(new Date("2026-12-03T14:00:00+09:00"), new Date("2026-12-03T14:30:00+09:00"))).toBe(
      "12月3日(木) 14:00～14:30",
    );
  });

  it("runs with the host clock the project says", () => {
    expect(["UTC", "Asia/Tokyo"]).toContain(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
