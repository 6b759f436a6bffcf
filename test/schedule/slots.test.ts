import { describe, expect, it } from "vitest";
import { bookingCutoff, lastBookableDate, slotTimes, type Closure } from "../../src/schedule/index.ts";
import { office } from "./fixtures.ts";

describe("slot grid", () => {
  it("offers 30-minute starts from 10:00 to 15:30 at ハローワーク長崎", () => {
    expect(slotTimes(office("nagasaki"))).toEqual([
      "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30",
    ]);
  });

  it.each(["young-nagasaki", "tsukimachi"] as const)("offers starts from 11:00 to 16:30 at %s", (id) => {
    const times = slotTimes(office(id));
    expect(times[0]).toBe("11:00");
    expect(times.at(-1)).toBe("16:30");
    expect(times).toHaveLength(12);
  });
});

describe("booking cutoff", () => {
  const typhoon: Closure = { officeId: "nagasaki", date: "2026-12-09", reason: "台風" };

  it.each([
    ["Monday's sessions at ハローワーク長崎 close on Friday at 17:15", "nagasaki", "2026-12-07", [], "2026-12-04T17:15:00+09:00"],
    ["Monday's sessions at ヤングハローワーク長崎 close on Friday at 18:00", "young-nagasaki", "2026-12-07", [], "2026-12-04T18:00:00+09:00"],
    ["Monday's sessions at つきまちセンター close on Friday at 18:00", "tsukimachi", "2026-12-07", [], "2026-12-04T18:00:00+09:00"],
    ["sessions after a Monday holiday close on the Friday before", "nagasaki", "2027-09-21", [], "2027-09-17T17:15:00+09:00"],
    ["sessions after Golden Week close on 4/30", "nagasaki", "2027-05-06", [], "2027-04-30T17:15:00+09:00"],
    ["sessions on 1/4 close on 12/28, before the year-end closure", "nagasaki", "2027-01-04", [], "2026-12-28T17:15:00+09:00"],
    ["sessions after a typhoon closure close the business day before it", "nagasaki", "2026-12-10", [typhoon], "2026-12-08T17:15:00+09:00"],
  ] as const)("%s", (_label, id, date, closures, expected) => {
    expect(bookingCutoff(office(id), date, closures)).toEqual(new Date(expected));
  });

  it("closes at 24:00 of the calendar day before when the office uses previous_day_midnight", () => {
    const midnight = { ...office("nagasaki"), cutoff: "previous_day_midnight" as const };
    expect(bookingCutoff(midnight, "2026-12-07", [])).toEqual(new Date("2026-12-07T00:00:00+09:00"));
    expect(bookingCutoff(midnight, "2027-09-21", [])).toEqual(new Date("2027-09-21T00:00:00+09:00"));
  });
});

describe("booking horizon", () => {
  it("reaches horizonDays past today's Tokyo date, inclusive", () => {
    expect(lastBookableDate(office("nagasaki"), new Date("2026-11-02T09:00:00+09:00"))).toBe("2026-12-02");
  });

  it("counts from the Tokyo date even when it is still the previous day in UTC", () => {
    expect(lastBookableDate(office("nagasaki"), new Date("2026-11-02T00:30:00+09:00"))).toBe("2026-12-02");
  });

  it("follows the office's horizonDays", () => {
    const near = { ...office("nagasaki"), horizonDays: 7 };
    expect(lastBookableDate(near, new Date("2026-11-02T23:59:00+09:00"))).toBe("2026-11-09");
  });
});
