import { describe, expect, it } from "vitest";
import { availableSlots, checkSlot, indexTaken, type Taken } from "../../src/schedule/index.ts";
import { context, office, times } from "./fixtures.ts";

/** A holiday's name in each locale: the package names it in Japanese and English; やさしい日本語 and Chinese read the Japanese, Vietnamese the English. */
const holidayName = (ja: string, en: string) => ({ ja, en, "ja-x-easy": ja, "zh-Hans": ja, vi: en });

// The week of 2026-12-07: Fri 12/4, Mon 12/7, Tue 12/8, Wed 12/9. At ハローワーク長崎 counsellor 1
// works Mon–Fri 10–16 and counsellor 2 works Mon 13–16, Wed 10–12 and Fri all day.
const at = (iso: string) => new Date(iso);
const taken = (counsellorId: string, iso: string): Taken => ({ counsellorId, startsAt: at(iso) });

describe("checkSlot: cutoff", () => {
  it.each([
    ["accepts a Friday 17:00 request for Monday at ハローワーク長崎", "nagasaki", "2026-12-04T17:00:00+09:00", "2026-12-07T10:00:00+09:00", { ok: true, counsellorIds: ["nagasaki-1"] }],
    ["refuses a Friday 17:16 request for Monday at ハローワーク長崎, giving the 17:15 cutoff", "nagasaki", "2026-12-04T17:16:00+09:00", "2026-12-07T10:00:00+09:00", { ok: false, reason: "too_late", cutoff: at("2026-12-04T17:15:00+09:00") }],
    ["treats the cutoff instant itself as too late", "nagasaki", "2026-12-04T17:15:00+09:00", "2026-12-07T10:00:00+09:00", { ok: false, reason: "too_late", cutoff: at("2026-12-04T17:15:00+09:00") }],
    ["accepts a Friday 17:16 request for Monday at ヤングハローワーク長崎, which closes at 18:00", "young-nagasaki", "2026-12-04T17:16:00+09:00", "2026-12-07T11:00:00+09:00", { ok: true, counsellorIds: ["young-1"] }],
    ["refuses a same-day request", "nagasaki", "2026-12-07T08:00:00+09:00", "2026-12-07T14:00:00+09:00", { ok: false, reason: "too_late", cutoff: at("2026-12-04T17:15:00+09:00") }],
    ["refuses a Friday-evening request for the Tuesday after a Monday holiday", "nagasaki", "2027-09-17T17:30:00+09:00", "2027-09-21T10:00:00+09:00", { ok: false, reason: "too_late", cutoff: at("2027-09-17T17:15:00+09:00") }],
    ["accepts a Friday-afternoon request for the Tuesday after a Monday holiday", "nagasaki", "2027-09-17T15:00:00+09:00", "2027-09-21T10:00:00+09:00", { ok: true, counsellorIds: ["nagasaki-1"] }],
    ["refuses a request on 12/28 after closing for 1/4, the first day after the year-end closure", "nagasaki", "2026-12-28T17:30:00+09:00", "2027-01-04T10:00:00+09:00", { ok: false, reason: "too_late", cutoff: at("2026-12-28T17:15:00+09:00") }],
    ["refuses a request on 4/30 after closing for 5/6, after Golden Week", "nagasaki", "2027-04-30T17:20:00+09:00", "2027-05-06T10:00:00+09:00", { ok: false, reason: "too_late", cutoff: at("2027-04-30T17:15:00+09:00") }],
  ] as const)("%s", (_label, officeId, now, startsAt, expected) => {
    expect(checkSlot(context(now, { office: office(officeId) }), { startsAt: at(startsAt) })).toEqual(expected);
  });

  describe("with previous_day_midnight", () => {
    const midnight = { ...office("nagasaki"), cutoff: "previous_day_midnight" as const };

    it.each([
      ["accepts a request on Sunday at 23:59 for Monday", "2026-12-06T23:59:00+09:00", { ok: true, counsellorIds: ["nagasaki-1"] }],
      ["refuses a request at 00:00 on the day itself", "2026-12-07T00:00:00+09:00", { ok: false, reason: "too_late", cutoff: at("2026-12-07T00:00:00+09:00") }],
    ] as const)("%s", (_label, now, expected) => {
      expect(checkSlot(context(now, { office: midnight }), { startsAt: at("2026-12-07T10:00:00+09:00") })).toEqual(expected);
    });
  });
});

describe("checkSlot: calendar", () => {
  const now = "2026-11-30T09:00:00+09:00";

  it.each([
    ["a Saturday", now, "2026-12-05T10:00:00+09:00", { kind: "weekend" }],
    ["a Monday holiday, with its name", "2027-09-01T09:00:00+09:00", "2027-09-20T10:00:00+09:00", { kind: "holiday", name: holidayName("敬老の日", "Respect for the Aged Day") }],
    ["Constitution Memorial Day in Golden Week", "2027-04-26T09:00:00+09:00", "2027-05-03T10:00:00+09:00", { kind: "holiday", name: holidayName("憲法記念日", "Constitution Memorial Day") }],
    ["Children's Day in Golden Week", "2027-04-26T09:00:00+09:00", "2027-05-05T10:00:00+09:00", { kind: "holiday", name: holidayName("こどもの日", "Children's Day") }],
    ["the year-end closure", now, "2026-12-30T10:00:00+09:00", { kind: "year_end" }],
  ] as const)("refuses a closed day: %s", (_label, nowAt, startsAt, closed) => {
    expect(checkSlot(context(nowAt), { startsAt: at(startsAt) })).toEqual({
      ok: false,
      reason: "closed_day",
      date: startsAt.slice(0, 10),
      closed,
    });
  });

  it("accepts the Thursday after Golden Week when asked before 4/30's close", () => {
    expect(checkSlot(context("2027-04-30T12:00:00+09:00"), { startsAt: at("2027-05-06T10:00:00+09:00") })).toEqual({
      ok: true,
      counsellorIds: ["nagasaki-1"],
    });
  });

  it("refuses a day an ad-hoc closure shuts, with the staff's reason, and only at that office", () => {
    const closures = [{ officeId: "nagasaki" as const, date: "2026-12-09", reason: "台風接近のため" }];
    expect(checkSlot(context(now, { closures }), { startsAt: at("2026-12-09T10:00:00+09:00") })).toEqual({
      ok: false,
      reason: "closed_day",
      date: "2026-12-09",
      closed: { kind: "closure", reason: "台風接近のため" },
    });
    const young = context(now, { closures, office: office("young-nagasaki") });
    expect(checkSlot(young, { startsAt: at("2026-12-09T11:00:00+09:00") }).ok).toBe(true);
  });

  it("moves the next day's cutoff back past an ad-hoc closure", () => {
    const closures = [{ officeId: null, date: "2026-12-09", reason: "台風接近のため" }];
    expect(checkSlot(context("2026-12-09T09:00:00+09:00", { closures }), { startsAt: at("2026-12-10T10:00:00+09:00") })).toEqual({
      ok: false,
      reason: "too_late",
      cutoff: at("2026-12-08T17:15:00+09:00"),
    });
  });
});

describe("checkSlot: the slot grid", () => {
  const now = "2026-11-30T09:00:00+09:00";

  it.each([
    ["nagasaki", "15:30", { ok: true }],
    ["nagasaki", "16:00", { ok: false, reason: "outside_hours", window: { from: "10:00", to: "16:00" }, lastStart: "15:30" }],
    ["nagasaki", "09:30", { ok: false, reason: "outside_hours", window: { from: "10:00", to: "16:00" }, lastStart: "15:30" }],
    ["young-nagasaki", "16:30", { ok: true }],
    ["young-nagasaki", "17:00", { ok: false, reason: "outside_hours", window: { from: "11:00", to: "17:00" }, lastStart: "16:30" }],
    ["young-nagasaki", "10:30", { ok: false, reason: "outside_hours", window: { from: "11:00", to: "17:00" }, lastStart: "16:30" }],
    ["tsukimachi", "16:30", { ok: true }],
    ["tsukimachi", "17:00", { ok: false, reason: "outside_hours", window: { from: "11:00", to: "17:00" }, lastStart: "16:30" }],
  ] as const)("at %s, a session starting %s gets %o", (officeId, time, expected) => {
    const result = checkSlot(context(now, { office: office(officeId) }), { startsAt: at(`2026-12-07T${time}:00+09:00`) });
    expect(result).toMatchObject(expected);
  });

  it("refuses a start off the 30-minute grid and names the grid times around it", () => {
    expect(checkSlot(context(now), { startsAt: at("2026-12-07T10:15:00+09:00") })).toEqual({
      ok: false,
      reason: "not_on_grid",
      slotMinutes: 30,
      neighbours: ["10:00", "10:30"],
    });
  });

  it("refuses a start that is seconds off the grid", () => {
    expect(checkSlot(context(now), { startsAt: at("2026-12-07T10:00:30+09:00") })).toMatchObject({ reason: "not_on_grid" });
  });

  it("refuses a slot that has already started", () => {
    expect(checkSlot(context("2026-12-07T10:05:00+09:00"), { startsAt: at("2026-12-07T10:00:00+09:00") })).toEqual({
      ok: false,
      reason: "in_past",
    });
  });
});

describe("checkSlot: horizon", () => {
  it.each([
    ["accepts the last bookable date, today + 30 days", "2026-12-02T15:30:00+09:00", { ok: true, counsellorIds: ["nagasaki-1"] }],
    ["refuses the day after it, naming the last bookable date", "2026-12-03T10:00:00+09:00", { ok: false, reason: "too_far", lastBookableDate: "2026-12-02" }],
  ] as const)("%s", (_label, startsAt, expected) => {
    expect(checkSlot(context("2026-11-02T09:00:00+09:00"), { startsAt: at(startsAt) })).toEqual(expected);
  });
});

describe("checkSlot: capacity", () => {
  const now = "2026-11-30T09:00:00+09:00";
  const monday14 = at("2026-12-07T14:00:00+09:00");

  it("lists every free counsellor in config order", () => {
    expect(checkSlot(context(now), { startsAt: monday14 })).toEqual({ ok: true, counsellorIds: ["nagasaki-1", "nagasaki-2"] });
  });

  it("leaves out a counsellor who is already taken", () => {
    const ctx = context(now, { taken: [taken("nagasaki-1", "2026-12-07T14:00:00+09:00")] });
    expect(checkSlot(ctx, { startsAt: monday14 })).toEqual({ ok: true, counsellorIds: ["nagasaki-2"] });
  });

  it("reports full when every counsellor in the slot is taken", () => {
    const ctx = context(now, {
      taken: [taken("nagasaki-2", "2026-12-07T14:00:00+09:00"), taken("nagasaki-1", "2026-12-07T14:00:00+09:00")],
    });
    expect(checkSlot(ctx, { startsAt: monday14 })).toEqual({ ok: false, reason: "full" });
  });

  it("accepts a prebuilt index of taken slots", () => {
    const index = indexTaken([taken("nagasaki-2", "2026-12-07T14:00:00+09:00"), taken("nagasaki-1", "2026-12-07T14:00:00+09:00")]);
    expect(checkSlot(context(now, { taken: index }), { startsAt: monday14 })).toEqual({ ok: false, reason: "full" });
  });

  it("ignores bookings of other offices' counsellors", () => {
    const ctx = context(now, { taken: [taken("young-1", "2026-12-07T14:00:00+09:00")] });
    expect(checkSlot(ctx, { startsAt: monday14 })).toEqual({ ok: true, counsellorIds: ["nagasaki-1", "nagasaki-2"] });
  });

  it("still counts a booking whose counsellor has since been marked absent, so nobody is double-booked", () => {
    const ctx = context(now, {
      taken: [taken("nagasaki-2", "2026-12-07T14:00:00+09:00"), taken("nagasaki-1", "2026-12-07T14:30:00+09:00")],
      absences: [{ counsellorId: "nagasaki-2", date: "2026-12-07" }],
    });
    expect(checkSlot(ctx, { startsAt: monday14 })).toEqual({ ok: false, reason: "full" });
  });

  it.each([
    ["whole-day absence", { counsellorId: "nagasaki-1", date: "2026-12-07" }, [], ["10:00", "13:00", "15:30"]],
    ["an absence from 13:00 to 14:00", { counsellorId: "nagasaki-1", date: "2026-12-07", from: "13:00", to: "14:00" }, ["12:30", "14:00"], ["13:00", "13:30"]],
    ["an absence from 15:00 to the end of the day", { counsellorId: "nagasaki-1", date: "2026-12-07", from: "15:00" }, ["14:30"], ["15:00", "15:30"]],
    ["an absence until 11:00", { counsellorId: "nagasaki-1", date: "2026-12-07", to: "11:00" }, ["11:00"], ["10:00", "10:30"]],
  ])("takes a counsellor out of slots overlapping a %s", (_label, absence, freeAt, absentAt) => {
    const ctx = context(now, { absences: [absence] });
    for (const time of freeAt) {
      const r = checkSlot(ctx, { startsAt: at(`2026-12-07T${time}:00+09:00`), counsellorId: "nagasaki-1" });
      expect(r, time).toEqual({ ok: true, counsellorIds: ["nagasaki-1"] });
    }
    for (const time of absentAt) {
      const r = checkSlot(ctx, { startsAt: at(`2026-12-07T${time}:00+09:00`), counsellorId: "nagasaki-1" });
      expect(r, time).toEqual({ ok: false, reason: "counsellor_unavailable", counsellorId: "nagasaki-1", why: "absent" });
    }
  });
});

describe("checkSlot: a named counsellor", () => {
  const now = "2026-11-30T09:00:00+09:00";
  const tuesday14 = at("2026-12-08T14:00:00+09:00");

  it("books that person's slot only", () => {
    expect(checkSlot(context(now), { startsAt: at("2026-12-07T14:00:00+09:00"), counsellorId: "nagasaki-2" })).toEqual({
      ok: true,
      counsellorIds: ["nagasaki-2"],
    });
  });

  it.each([
    ["not working that day", {}, "nagasaki-2", "not_working"],
    ["absent", { absences: [{ counsellorId: "nagasaki-1", date: "2026-12-08" }] }, "nagasaki-1", "absent"],
    ["already taken", { taken: [taken("nagasaki-1", "2026-12-08T14:00:00+09:00")] }, "nagasaki-1", "taken"],
    ["not at this office", {}, "young-1", "unknown"],
  ] as const)("says the counsellor is unavailable when %s", (_label, overrides, counsellorId, why) => {
    expect(checkSlot(context(now, overrides), { startsAt: tuesday14, counsellorId })).toEqual({
      ok: false,
      reason: "counsellor_unavailable",
      counsellorId,
      why,
    });
  });
});

describe("checkSlot: the seeker", () => {
  const now = "2026-11-30T09:00:00+09:00";
  const slot = at("2026-12-07T14:00:00+09:00");

  it("refuses a suspended seeker before looking at the slot", () => {
    expect(checkSlot(context(now), { startsAt: at("2026-12-05T10:00:00+09:00"), seeker: { suspended: true } })).toEqual({
      ok: false,
      reason: "seeker_suspended",
    });
  });

  it("refuses a seeker who already has an active booking, naming it", () => {
    expect(checkSlot(context(now), { startsAt: slot, seeker: { activeBookingId: "bk_123" } })).toEqual({
      ok: false,
      reason: "seeker_has_booking",
      bookingId: "bk_123",
    });
  });

  it("accepts a seeker in good standing with no booking", () => {
    expect(checkSlot(context(now), { startsAt: slot, seeker: { suspended: false } }).ok).toBe(true);
  });
});

describe("availableSlots", () => {
  it("lists a day's bookable slots in time order with who is free", () => {
    const ctx = context("2026-11-30T09:00:00+09:00", { taken: [taken("nagasaki-1", "2026-12-09T10:00:00+09:00")] });
    const slots = availableSlots(ctx, "2026-12-09");
    expect(times(slots)).toEqual(slotTimes10to1530("2026-12-09"));
    expect(slots.slice(0, 5).map((s) => s.counsellorIds)).toEqual([
      ["nagasaki-2"], ["nagasaki-1", "nagasaki-2"], ["nagasaki-1", "nagasaki-2"], ["nagasaki-1", "nagasaki-2"], ["nagasaki-1"],
    ]);
    expect(slots[0]!.endsAt).toEqual(at("2026-12-09T10:30:00+09:00"));
  });

  it("is empty on a closed day", () => {
    expect(availableSlots(context("2026-11-30T09:00:00+09:00"), "2026-12-05")).toEqual([]);
  });
});

function slotTimes10to1530(date: string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${date} ${String(10 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);
}
