import { describe, expect, it } from "vitest";
import { addDays } from "../../src/jst.ts";
import {
  checkSlot,
  indexTaken,
  suggestAlternatives,
  suggestSlots,
  type Taken,
  type Wish,
} from "../../src/schedule/index.ts";
import { context, office, times } from "./fixtures.ts";

// Calendar used below: Mon 2026-12-07 … Fri 12-11. ハローワーク長崎: counsellor 1 Mon–Fri 10–16,
// counsellor 2 Mon 13–16, Wed 10–12, Fri all day.
const at = (iso: string) => new Date(iso);
const now = "2026-11-30T09:00:00+09:00";

describe("suggestSlots", () => {
  it("offers the nearest times on the wished day first, ties going to the earlier time", () => {
    const wish: Wish = { kind: "point", date: "2026-12-07", time: "14:15" };
    expect(times(suggestSlots(context(now), wish, 4))).toEqual([
      "2026-12-07 14:00", "2026-12-07 14:30", "2026-12-07 13:30", "2026-12-07 15:00",
    ]);
  });

  it("offers slots inside a wished window first, then the nearest outside it that day", () => {
    const wish: Wish = { kind: "window", date: "2026-12-07", from: "13:00", to: "17:00" };
    expect(times(suggestSlots(context(now), wish, 8))).toEqual([
      "2026-12-07 13:00", "2026-12-07 13:30", "2026-12-07 14:00", "2026-12-07 14:30",
      "2026-12-07 15:00", "2026-12-07 15:30", "2026-12-07 12:30", "2026-12-07 12:00",
    ]);
  });

  it("offers a wished day from its earliest slot", () => {
    const wish: Wish = { kind: "day", date: "2026-12-08" };
    expect(times(suggestSlots(context(now), wish, 2))).toEqual(["2026-12-08 10:00", "2026-12-08 10:30"]);
  });

  it("moves on to the following days in date order, keeping a point wish's time of day", () => {
    const full: Taken[] = ["14:00", "14:30", "15:00", "15:30"].flatMap((t) => [
      { counsellorId: "nagasaki-1", startsAt: at(`2026-12-07T${t}:00+09:00`) },
      { counsellorId: "nagasaki-2", startsAt: at(`2026-12-07T${t}:00+09:00`) },
    ]);
    const wish: Wish = { kind: "point", date: "2026-12-05", time: "14:00" }; // a Saturday
    expect(times(suggestSlots(context(now, { taken: full }), wish, 10))).toEqual([
      "2026-12-07 13:30", "2026-12-07 13:00", "2026-12-07 12:30", "2026-12-07 12:00", "2026-12-07 11:30",
      "2026-12-07 11:00", "2026-12-07 10:30", "2026-12-07 10:00",
      "2026-12-08 14:00", "2026-12-08 13:30",
    ]);
  });

  it("restricts suggestions to a named counsellor", () => {
    const wish: Wish = { kind: "point", date: "2026-12-08", time: "14:00" };
    const slots = suggestSlots(context(now), wish, 3, { counsellorId: "nagasaki-2" });
    expect(times(slots)).toEqual(["2026-12-09 11:30", "2026-12-09 11:00", "2026-12-09 10:30"]);
    expect(slots.every((s) => s.counsellorIds.join() === "nagasaki-2")).toBe(true);
  });

  // 2026-12-28 is a Monday; 12/29–1/3 is closed and 2027-01-04 (Mon) is the first day back. Its
  // cutoff is 12/28 17:15, so before closing on 12/28 the first offer is 1/4, and after it 1/5.
  it.each([
    ["before closing on 12/28, the first day back, 1/4", "2026-12-28T12:00:00+09:00", ["2027-01-04 10:00", "2027-01-04 10:30"]],
    ["after closing on 12/28, the day after, 1/5", "2026-12-28T17:30:00+09:00", ["2027-01-05 10:00", "2027-01-05 10:30"]],
  ])("skips the year-end closure: %s", (_label, nowAt, expected) => {
    const wish: Wish = { kind: "day", date: "2026-12-28" };
    expect(times(suggestSlots(context(nowAt), wish, 2))).toEqual(expected);
  });

  it("skips Golden Week and the weekend around it", () => {
    const wish: Wish = { kind: "point", date: "2027-05-03", time: "10:00" };
    expect(times(suggestSlots(context("2027-04-28T09:00:00+09:00"), wish, 1))).toEqual(["2027-05-06 10:00"]);
  });

  it("skips an ad-hoc closure", () => {
    const closures = [{ officeId: "nagasaki" as const, date: "2026-12-09", reason: "台風" }];
    const wish: Wish = { kind: "point", date: "2026-12-09", time: "10:00" };
    expect(times(suggestSlots(context(now, { closures }), wish, 1))).toEqual(["2026-12-10 10:00"]);
  });

  it("offers the last bookable days, nearest first, for a wish beyond the horizon", () => {
    const wish: Wish = { kind: "point", date: "2027-01-20", time: "10:00" };
    // From 11/2 the horizon ends on 12/2 (Wed).
    expect(times(suggestSlots(context("2026-11-02T09:00:00+09:00"), wish, 13))).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2026-12-02 ${String(10 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`),
      "2026-12-01 10:00",
    ]);
  });

  it("offers later days for a wish for today, whose cutoff has passed", () => {
    const wish: Wish = { kind: "point", date: "2026-12-07", time: "14:00" };
    expect(times(suggestSlots(context("2026-12-07T09:00:00+09:00"), wish, 1))).toEqual(["2026-12-08 14:00"]);
  });

  it("never suggests a slot that checkSlot refuses", () => {
    const taken: Taken[] = [];
    for (let d = 0; d < 40; d++) {
      for (const t of ["10:00", "11:00", "13:30", "15:30"]) {
        taken.push({ counsellorId: d % 2 ? "nagasaki-1" : "nagasaki-2", startsAt: at(`${addDays("2026-12-01", d)}T${t}:00+09:00`) });
      }
    }
    const ctx = context("2026-12-03T17:00:00+09:00", {
      taken,
      closures: [{ officeId: null, date: "2026-12-10", reason: "台風" }],
      absences: [{ counsellorId: "nagasaki-1", date: "2026-12-14", from: "12:00" }],
    });
    const wishes: Wish[] = [
      { kind: "point", date: "2026-12-04", time: "10:00" },
      { kind: "window", date: "2026-12-14", from: "13:00", to: "17:00" },
      { kind: "day", date: "2026-12-26" },
      { kind: "point", date: "2027-02-01", time: "15:30" },
    ];
    for (const wish of wishes) {
      for (const counsellorId of [undefined, "nagasaki-1", "nagasaki-2"]) {
        const slots = suggestSlots(ctx, wish, 30, { counsellorId });
        expect(slots.length).toBeGreaterThan(0);
        for (const s of slots) {
          expect(checkSlot(ctx, { startsAt: s.startsAt, counsellorId }), s.startsAt.toISOString()).toEqual({
            ok: true,
            counsellorIds: s.counsellorIds,
          });
        }
      }
    }
  });

  it("gives the same answer with a prebuilt index of taken slots", () => {
    const taken: Taken[] = [{ counsellorId: "nagasaki-1", startsAt: at("2026-12-08T14:00:00+09:00") }];
    const wish: Wish = { kind: "point", date: "2026-12-08", time: "14:00" };
    expect(suggestSlots(context(now, { taken: indexTaken(taken) }), wish, 5)).toEqual(suggestSlots(context(now, { taken }), wish, 5));
  });

  it("works for the offices with an 11:00–17:00 window", () => {
    const wish: Wish = { kind: "point", date: "2026-12-07", time: "17:00" };
    expect(times(suggestSlots(context(now, { office: office("tsukimachi") }), wish, 2))).toEqual([
      "2026-12-07 16:30", "2026-12-07 16:00",
    ]);
  });
});

describe("suggestAlternatives", () => {
  it("offers a counsellor who is off their nearest free slots, and separately the nearest with anyone", () => {
    const ctx = context(now);
    const request = { startsAt: at("2026-12-08T14:00:00+09:00"), counsellorId: "nagasaki-2" };
    expect(checkSlot(ctx, request)).toMatchObject({ reason: "counsellor_unavailable", why: "not_working" });
    const { withCounsellor, withAnyone } = suggestAlternatives(ctx, request, 2);
    expect(times(withCounsellor)).toEqual(["2026-12-09 11:30", "2026-12-09 11:00"]);
    expect(times(withAnyone)).toEqual(["2026-12-08 14:00", "2026-12-08 13:30"]);
    expect(withAnyone[0]!.counsellorIds).toEqual(["nagasaki-1"]);
  });

  it("finds the named counsellor's nearest slots around an absence", () => {
    const ctx = context(now, { absences: [{ counsellorId: "nagasaki-1", date: "2026-12-08", from: "13:00", to: "15:00" }] });
    const request = { startsAt: at("2026-12-08T14:00:00+09:00"), counsellorId: "nagasaki-1" };
    expect(checkSlot(ctx, request)).toMatchObject({ reason: "counsellor_unavailable", why: "absent" });
    expect(times(suggestAlternatives(ctx, request, 3).withCounsellor)).toEqual([
      "2026-12-08 15:00", "2026-12-08 12:30", "2026-12-08 15:30",
    ]);
  });
});
