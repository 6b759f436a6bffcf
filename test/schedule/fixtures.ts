import { readFileSync } from "node:fs";
import { parseOfficeFile, type Office, type OfficeId } from "../../src/config.ts";
import { jstDate, jstTime } from "../../src/jst.ts";
import type { ScheduleContext, Slot } from "../../src/schedule/index.ts";

const file = parseOfficeFile(
  JSON.parse(readFileSync(new URL("../../config/offices.json", import.meta.url), "utf8")),
  "config/offices.json",
);

/** An office from the sample config. nagasaki: 10:00–16:00, closes 17:15; counsellor 1 Mon–Fri all
 * day, counsellor 2 Mon 13–16, Wed 10–12, Fri all day. The other two: 11:00–17:00, close 18:00, one counsellor. */
export function office(id: OfficeId): Office {
  const found = file.offices.find((o) => o.id === id);
  if (!found) throw new Error(`no office ${id} in config/offices.json`);
  return found;
}

export function context(now: string, overrides: Partial<ScheduleContext> = {}): ScheduleContext {
  return { now: new Date(now), office: office("nagasaki"), closures: [], absences: [], taken: [], ...overrides };
}

/** '2026-12-07 14:00' for each slot, so expectations read like a timetable. */
export function times(slots: readonly Slot[]): string[] {
  return slots.map((s) => `${jstDate(s.startsAt)} ${jstTime(s.startsAt)}`);
}
