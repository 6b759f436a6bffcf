import { describe, expect, it } from "vitest";
import { jstTime } from "../../src/jst.ts";
import { availableSlots, dayGrid, prepareSchedule } from "../../src/schedule/index.ts";
import { context } from "./fixtures.ts";

// Monday 2026-12-07 at ハローワーク長崎: counsellor 1 works 10–16, counsellor 2 works 13–16.
const monday = "2026-12-07";
const at = (time: string) => new Date(`${monday}T${time}:00+09:00`);
const row = (grid: ReturnType<typeof dayGrid>, time: string) => grid.slots.find((s) => jstTime(s.startsAt) === time)!;

describe("dayGrid: a day as staff's calendar shows it", () => {
  it("gives every slot of the window with each counsellor's state and the free and taken counts", () => {
    const p = prepareSchedule(
      context("2026-12-01T10:00:00+09:00", {
        absences: [{ counsellorId: "nagasaki-2", date: monday, from: "15:00", to: "16:00" }],
        taken: [{ counsellorId: "nagasaki-1", startsAt: at("14:00") }],
      }),
    );
    const grid = dayGrid(p, monday);
    expect(grid.closed).toBeNull();
    expect(grid.slots.map((s) => jstTime(s.startsAt))).toEqual(["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30"]);
    expect(row(grid, "10:00")).toMatchObject({ free: 1, taken: 0, counsellors: [{ id: "nagasaki-1", state: "free" }, { id: "nagasaki-2", state: "not_working" }] });
    expect(row(grid, "14:00")).toMatchObject({ free: 1, taken: 1, counsellors: [{ id: "nagasaki-1", state: "taken" }, { id: "nagasaki-2", state: "free" }] });
    expect(row(grid, "15:00")).toMatchObject({ free: 1, taken: 0, counsellors: [{ id: "nagasaki-1", state: "free" }, { id: "nagasaki-2", state: "absent" }] });
  });

  it("agrees with what the chat offers: a slot is offered exactly when the grid shows a free counsellor", () => {
    const p = prepareSchedule(context("2026-12-01T10:00:00+09:00", { taken: [{ counsellorId: "nagasaki-1", startsAt: at("10:00") }] }));
    const offered = availableSlots(p, monday).map((s) => s.startsAt.getTime());
    const free = dayGrid(p, monday).slots.filter((s) => s.free > 0).map((s) => s.startsAt.getTime());
    expect(free).toEqual(offered);
  });

  it("names why a day is closed and leaves nothing free on it, while still showing who was booked", () => {
    const p = prepareSchedule(
      context("2026-12-01T10:00:00+09:00", {
        closures: [{ officeId: "nagasaki", date: monday, reason: "台風" }],
        taken: [{ counsellorId: "nagasaki-1", startsAt: at("11:00") }],
      }),
    );
    const grid = dayGrid(p, monday);
    expect(grid.closed).toEqual({ kind: "closure", reason: "台風" });
    expect(grid.slots.every((s) => s.free === 0)).toBe(true);
    expect(row(grid, "11:00")).toMatchObject({ taken: 1, counsellors: [{ id: "nagasaki-1", state: "taken" }, { id: "nagasaki-2", state: "not_working" }] });
    expect(dayGrid(p, "2026-12-05").closed).toEqual({ kind: "weekend" });
  });
});
