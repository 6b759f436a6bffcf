import { weekdayKeys, type Office, type WeekdayKey } from "../config.ts";
import {
  addDays,
  jstDate,
  jstInstant,
  jstMinuteOfDay,
  minutesOf,
  timeOf,
  weekday,
  type DateString,
  type TimeString,
} from "../jst.ts";
import { closedReason, closureLookup, type ClosedReason, type Closure, type ClosureLookup } from "./calendar.ts";
import { SLOT_MINUTES, SLOT_MS, bookingCutoff, lastBookableDate, slotStartMinutes } from "./slots.ts";

/** An active booking or an unexpired hold: each occupies one counsellor for one slot. */
export interface Taken {
  counsellorId: string;
  startsAt: Date;
}

/** Taken slots indexed by start instant (ms), built once and reusable across calls. */
export interface TakenIndex {
  readonly byStart: ReadonlyMap<number, readonly string[]>;
}

/** A counsellor's time off; without from/to it is the whole day. Only from: until the end of the day. */
export interface Absence {
  counsellorId: string;
  date: DateString;
  from?: TimeString;
  to?: TimeString;
}

export interface ScheduleContext {
  now: Date;
  office: Office;
  closures: readonly Closure[];
  absences: readonly Absence[];
  taken: readonly Taken[] | TakenIndex;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
  /** The counsellors free in this slot, in config order. */
  counsellorIds: string[];
}

export interface SlotRequest {
  startsAt: Date;
  /** A named counsellor (指名): only that person's free slot will do. */
  counsellorId?: string;
  seeker?: { activeBookingId?: string; suspended?: boolean };
}

export type CounsellorUnavailableWhy = "unknown" | "not_working" | "absent" | "taken";

export type SlotRefusal =
  | { ok: false; reason: "seeker_suspended" }
  | { ok: false; reason: "seeker_has_booking"; bookingId: string }
  /** Too many slots held or requested by one person or from one client at a time (store/bookingLimits.ts). */
  | { ok: false; reason: "limit_reached"; limit: "person" | "client" | "client_holds" }
  | { ok: false; reason: "in_past" }
  | { ok: false; reason: "closed_day"; date: DateString; closed: ClosedReason }
  | { ok: false; reason: "outside_hours"; window: { from: TimeString; to: TimeString }; lastStart: TimeString }
  /** neighbours: the grid starts just before and after the asked time, inside the window. */
  | { ok: false; reason: "not_on_grid"; slotMinutes: number; neighbours: TimeString[] }
  | { ok: false; reason: "too_far"; lastBookableDate: DateString }
  | { ok: false; reason: "too_late"; cutoff: Date }
  | { ok: false; reason: "full" }
  | { ok: false; reason: "counsellor_unavailable"; counsellorId: string; why: CounsellorUnavailableWhy };

export type SlotRefusalReason = SlotRefusal["reason"];
export type SlotCheck = { ok: true; counsellorIds: string[] } | SlotRefusal;

export function indexTaken(taken: readonly Taken[]): TakenIndex {
  const byStart = new Map<number, string[]>();
  for (const t of taken) {
    const key = t.startsAt.getTime();
    const list = byStart.get(key);
    if (list) list.push(t.counsellorId);
    else byStart.set(key, [t.counsellorId]);
  }
  return { byStart };
}

type Range = readonly [from: number, to: number];

interface OfficePlan {
  slotStarts: readonly number[];
  windowFrom: number;
  windowTo: number;
  counsellors: readonly { id: string; weekly: ReadonlyMap<number, readonly Range[]> }[];
  /** Position of each counsellor in config order, which is the order free counsellors are listed in. */
  counsellorIndex: ReadonlyMap<string, number>;
}

function parseRange(range: string): Range {
  const [from, to] = range.split("-") as [string, string];
  return [minutesOf(from), minutesOf(to)];
}

// Offices are parsed once at start-up and never mutated, so their derived plan can be memoised.
const plans = new WeakMap<Office, OfficePlan>();

function planOf(office: Office): OfficePlan {
  let plan = plans.get(office);
  if (plan) return plan;
  plan = {
    slotStarts: slotStartMinutes(office),
    windowFrom: minutesOf(office.window.from),
    windowTo: minutesOf(office.window.to),
    counsellors: office.counsellors.map((c) => ({
      id: c.id,
      weekly: new Map(
        Object.entries(c.weekly).map(([key, ranges]) => [
          // weekday(): 0 = Sunday, so mon (index 0 in weekdayKeys) is 1.
          weekdayKeys.indexOf(key as WeekdayKey) + 1,
          (ranges ?? []).map(parseRange),
        ]),
      ),
    })),
    counsellorIndex: new Map(office.counsellors.map((c, i) => [c.id, i])),
  };
  plans.set(office, plan);
  return plan;
}

/** A context with its lookups built, so that scanning many days stays cheap. */
export interface PreparedSchedule {
  readonly now: Date;
  readonly nowMs: number;
  readonly today: DateString;
  readonly lastDate: DateString;
  readonly office: Office;
  readonly plan: OfficePlan;
  readonly closures: ClosureLookup;
  readonly taken: TakenIndex;
  readonly absences: ReadonlyMap<string, readonly Range[]>;
  readonly dayRefusals: Map<DateString, SlotRefusal | null>;
}

export function prepareSchedule(ctx: ScheduleContext): PreparedSchedule {
  const absences = new Map<string, Range[]>();
  for (const a of ctx.absences) {
    const key = `${a.counsellorId}|${a.date}`;
    const range: Range = [a.from ? minutesOf(a.from) : 0, a.to ? minutesOf(a.to) : 24 * 60];
    const list = absences.get(key);
    if (list) list.push(range);
    else absences.set(key, [range]);
  }
  return {
    now: ctx.now,
    nowMs: ctx.now.getTime(),
    today: jstDate(ctx.now),
    lastDate: lastBookableDate(ctx.office, ctx.now),
    office: ctx.office,
    plan: planOf(ctx.office),
    closures: closureLookup(ctx.office.id, ctx.closures),
    taken: isTakenIndex(ctx.taken) ? ctx.taken : indexTaken(ctx.taken),
    absences,
    dayRefusals: new Map(),
  };
}

function isTakenIndex(taken: readonly Taken[] | TakenIndex): taken is TakenIndex {
  return !Array.isArray(taken);
}

/** Refusals that hold for a whole day: closed, beyond the horizon, or past its cutoff. */
export function dayRefusal(p: PreparedSchedule, date: DateString): SlotRefusal | null {
  const cached = p.dayRefusals.get(date);
  if (cached !== undefined) return cached;
  let refusal: SlotRefusal | null = null;
  const closed = closedReason(p.office.id, date, p.closures);
  if (closed) refusal = { ok: false, reason: "closed_day", date, closed };
  else if (date > p.lastDate) refusal = { ok: false, reason: "too_far", lastBookableDate: p.lastDate };
  else {
    const cutoff = bookingCutoff(p.office, date, p.closures);
    if (p.nowMs >= cutoff.getTime()) refusal = { ok: false, reason: "too_late", cutoff };
  }
  p.dayRefusals.set(date, refusal);
  return refusal;
}

type CounsellorState = "free" | Exclude<CounsellorUnavailableWhy, "unknown">;

/** One day's working hours and absences per counsellor, worked out once per day scanned. */
interface DayPlan {
  date: DateString;
  dayStartMs: number;
  counsellors: readonly { id: string; works: readonly Range[]; absent: readonly Range[] }[];
}

const none: readonly Range[] = [];

function dayPlan(p: PreparedSchedule, date: DateString): DayPlan {
  const wd = weekday(date);
  return {
    date,
    dayStartMs: jstInstant(date).getTime(),
    counsellors: p.plan.counsellors.map((c) => ({
      id: c.id,
      works: c.weekly.get(wd) ?? none,
      absent: p.absences.get(`${c.id}|${date}`) ?? none,
    })),
  };
}

/**
 * Who can take a booking in one slot, and what each counsellor's state is. A booking whose
 * counsellor is no longer available there (an absence added afterwards) still needs someone, so it
 * uses up one of the free counsellors.
 */
function occupancy(p: PreparedSchedule, day: DayPlan, minute: number): { free: string[]; states: CounsellorState[] } {
  const end = minute + SLOT_MINUTES;
  const states: CounsellorState[] = day.counsellors.map(({ works, absent }) => {
    if (!works.some(([f, t]) => f <= minute && end <= t)) return "not_working";
    if (absent.some(([f, t]) => f < end && t > minute)) return "absent";
    return "free";
  });
  let orphans = 0;
  for (const id of p.taken.byStart.get(day.dayStartMs + minute * 60_000) ?? []) {
    const i = p.plan.counsellorIndex.get(id);
    if (i === undefined) continue;
    if (states[i] === "free") states[i] = "taken";
    else orphans++;
  }
  const free: string[] = [];
  day.counsellors.forEach((c, i) => {
    if (states[i] === "free") free.push(c.id);
  });
  if (orphans > 0) free.length = Math.max(0, free.length - orphans);
  return { free, states };
}

/** The free counsellors of an on-grid slot on a bookable day, or why it cannot be had. */
function freeCounsellors(
  p: PreparedSchedule,
  day: DayPlan,
  minute: number,
  counsellorId?: string,
): { ok: true; counsellorIds: string[] } | SlotRefusal {
  const named = counsellorId === undefined ? undefined : p.plan.counsellorIndex.get(counsellorId);
  if (counsellorId !== undefined && named === undefined) {
    return { ok: false, reason: "counsellor_unavailable", counsellorId, why: "unknown" };
  }
  const occ = occupancy(p, day, minute);
  if (counsellorId !== undefined && named !== undefined) {
    const state = occ.states[named]!;
    if (state !== "free") return { ok: false, reason: "counsellor_unavailable", counsellorId, why: state };
    if (occ.free.length === 0) return { ok: false, reason: "full" };
    return { ok: true, counsellorIds: [counsellorId] };
  }
  if (occ.free.length === 0) return { ok: false, reason: "full" };
  return { ok: true, counsellorIds: occ.free };
}

/**
 * Whether one slot can be requested now, and by whom it can be served. Checks run from the person
 * to the day to the slot, so the first reason given is the one the user must act on first.
 */
export function checkSlot(ctx: ScheduleContext | PreparedSchedule, request: SlotRequest): SlotCheck {
  const p = "plan" in ctx ? ctx : prepareSchedule(ctx);
  const startMs = request.startsAt.getTime();
  if (Number.isNaN(startMs)) throw new RangeError("checkSlot: startsAt is an invalid Date");
  if (request.seeker?.suspended) return { ok: false, reason: "seeker_suspended" };
  if (request.seeker?.activeBookingId !== undefined) {
    return { ok: false, reason: "seeker_has_booking", bookingId: request.seeker.activeBookingId };
  }
  if (startMs <= p.nowMs) return { ok: false, reason: "in_past" };

  const date = jstDate(request.startsAt);
  const closed = dayRefusal(p, date);
  if (closed?.reason === "closed_day") return closed;

  const minute = jstMinuteOfDay(request.startsAt);
  const { windowFrom, windowTo, slotStarts } = p.plan;
  if (minute < windowFrom || minute + SLOT_MINUTES > windowTo) {
    return {
      ok: false,
      reason: "outside_hours",
      window: { ...p.office.window },
      lastStart: timeOf(slotStarts[slotStarts.length - 1] ?? windowFrom),
    };
  }
  if ((minute - windowFrom) % SLOT_MINUTES !== 0 || startMs % 60_000 !== 0) {
    const before = windowFrom + Math.floor((minute - windowFrom) / SLOT_MINUTES) * SLOT_MINUTES;
    const neighbours = [before, before + SLOT_MINUTES].filter((m) => slotStarts.includes(m)).map(timeOf);
    return { ok: false, reason: "not_on_grid", slotMinutes: SLOT_MINUTES, neighbours };
  }
  if (closed) return closed;
  return freeCounsellors(p, dayPlan(p, date), minute, request.counsellorId);
}

/** Every slot on a date that checkSlot would accept, in time order. */
export function availableSlots(
  ctx: ScheduleContext | PreparedSchedule,
  date: DateString,
  options: { counsellorId?: string } = {},
): Slot[] {
  const p = "plan" in ctx ? ctx : prepareSchedule(ctx);
  if (dayRefusal(p, date)) return [];
  const day = dayPlan(p, date);
  const slots: Slot[] = [];
  for (const minute of p.plan.slotStarts) {
    const startMs = day.dayStartMs + minute * 60_000;
    if (startMs <= p.nowMs) continue;
    const free = freeCounsellors(p, day, minute, options.counsellorId);
    if (free.ok) slots.push({ startsAt: new Date(startMs), endsAt: new Date(startMs + SLOT_MS), counsellorIds: free.counsellorIds });
  }
  return slots;
}

/** A day with at least one free slot, and its free slots in time order. */
export interface FreeDay {
  date: DateString;
  slots: Slot[];
}

/** The days between two dates (inclusive) that have a slot checkSlot would accept, each with those slots. */
export function freeDays(
  ctx: ScheduleContext | PreparedSchedule,
  range: { from: DateString; to: DateString },
  options: { counsellorId?: string } = {},
): FreeDay[] {
  const p = "plan" in ctx ? ctx : prepareSchedule(ctx);
  const days: FreeDay[] = [];
  const from = range.from > p.today ? range.from : p.today;
  const to = range.to < p.lastDate ? range.to : p.lastDate;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const slots = availableSlots(p, date, options);
    if (slots.length > 0) days.push({ date, slots });
  }
  return days;
}

export type CounsellorSlotState = CounsellorState;

/** One slot of staff's calendar: each counsellor's state, and how many counsellors are free or taken. */
export interface GridSlot {
  startsAt: Date;
  endsAt: Date;
  counsellors: { id: string; state: CounsellorSlotState }[];
  /** Counsellors who could still take a session here (0 on a closed day). */
  free: number;
  /** Bookings and unexpired holds that start here. */
  taken: number;
}

export interface DayGrid {
  date: DateString;
  closed: ClosedReason | null;
  slots: GridSlot[];
}

/**
 * A day as staff's calendar shows it, by the same working hours, absences and occupancy that
 * checkSlot uses, so the grid and what the chat offers never disagree.
 */
export function dayGrid(p: PreparedSchedule, date: DateString): DayGrid {
  const closed = closedReason(p.office.id, date, p.closures);
  const day = dayPlan(p, date);
  const slots = p.plan.slotStarts.map((minute): GridSlot => {
    const startMs = day.dayStartMs + minute * 60_000;
    const occ = occupancy(p, day, minute);
    return {
      startsAt: new Date(startMs),
      endsAt: new Date(startMs + SLOT_MS),
      counsellors: day.counsellors.map((c, i) => ({ id: c.id, state: occ.states[i]! })),
      free: closed ? 0 : occ.free.length,
      taken: p.taken.byStart.get(startMs)?.length ?? 0,
    };
  });
  return { date, closed, slots };
}
