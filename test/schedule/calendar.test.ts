import { describe, expect, it } from "vitest";
import {
  closedReason,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
  type Closure,
} from "../../src/schedule/index.ts";

/** A holiday's name in each locale: the package names it in Japanese and English; やさしい日本語 and Chinese read the Japanese, Vietnamese the English. */
const holidayName = (ja: string, en: string) => ({ ja, en, "ja-x-easy": ja, "zh-Hans": ja, vi: en });

const typhoon: Closure = { officeId: "nagasaki", date: "2026-12-09", reason: "台風接近のため" };

describe("office calendar", () => {
  it.each([
    ["a Thursday", "2026-12-03", null],
    ["a Saturday", "2026-12-05", { kind: "weekend" }],
    ["a Sunday", "2026-12-06", { kind: "weekend" }],
    ["Respect for the Aged Day on a Monday", "2027-09-20", { kind: "holiday", name: holidayName("敬老の日", "Respect for the Aged Day") }],
    ["a substitute holiday", "2027-03-22", { kind: "holiday", name: holidayName("春分の日 振替休日", "Holiday in lieu") }],
    ["Golden Week's Greenery Day", "2027-05-04", { kind: "holiday", name: holidayName("みどりの日", "Greenery Day") }],
    ["the first day of the year-end closure", "2026-12-29", { kind: "year_end" }],
    ["New Year's Day, which is also a holiday", "2027-01-01", { kind: "year_end" }],
    ["the last day of the year-end closure", "2027-01-03", { kind: "year_end" }],
    ["the Monday after the closure", "2027-01-04", null],
    ["the business day before the closure", "2026-12-28", null],
  ])("says why the office is shut on %s (%s)", (_label, date, expected) => {
    expect(closedReason("nagasaki", date, [])).toEqual(expected);
  });

  it("closes only the office an ad-hoc closure names", () => {
    expect(closedReason("nagasaki", "2026-12-09", [typhoon])).toEqual({ kind: "closure", reason: "台風接近のため" });
    expect(closedReason("young-nagasaki", "2026-12-09", [typhoon])).toBeNull();
  });

  it("closes every office for an ad-hoc closure without an office", () => {
    const all: Closure = { officeId: null, date: "2026-12-09", reason: "システム停止" };
    for (const id of ["nagasaki", "young-nagasaki", "tsukimachi"] as const) {
      expect(isBusinessDay(id, "2026-12-09", [all])).toBe(false);
    }
  });

  it.each([
    ["a Monday goes back to Friday", "2026-12-07", [], "2026-12-04"],
    ["the Tuesday after a Monday holiday goes back to Friday", "2027-09-21", [], "2027-09-17"],
    ["the day after Golden Week goes back to the last business day of April", "2027-05-06", [], "2027-04-30"],
    ["the first day after the year-end closure goes back to 12/28", "2027-01-04", [], "2026-12-28"],
    ["the day after a typhoon closure skips it", "2026-12-10", [typhoon], "2026-12-08"],
  ])("finds the previous business day: %s", (_label, date, closures, expected) => {
    expect(previousBusinessDay("nagasaki", date, closures)).toBe(expected);
  });

  it("finds the next business day across the year-end closure", () => {
    expect(nextBusinessDay("nagasaki", "2026-12-28", [])).toBe("2027-01-04");
  });
});
