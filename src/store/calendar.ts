// Closures (a typhoon day) and counsellors' absences that staff add at run time, and the schedule the
// booking rules read: loadSchedule takes both with the slots already taken, so a stored row changes
// what the chat offers at once.
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Office } from "../config.ts";
import { addDays, jstInstant, minutesOf } from "../jst.ts";
import { dayGrid, prepareSchedule, SLOT_MINUTES, type DayGrid, type PreparedSchedule } from "../schedule/index.ts";
import { seekerNoticeJob } from "../notices.ts";
import { enqueue } from "./outbox.ts";
import { writeAudit } from "./audit.ts";
import { isUuid, type Db, type Executor } from "./db.ts";
import { absences, bookings, closures, type BookingStatus } from "./schema.ts";

export type ClosureRow = typeof closures.$inferSelect;
export type AbsenceRow = typeof absences.$inferSelect;

/** A requested or confirmed booking that a new closure or absence falls on; staff contact the seeker. */
export interface AffectedBooking {
  id: string;
  reference: string;
  officeId: string;
  counsellorId: string;
  status: string;
  startsAt: Date;
}

export interface DateRange {
  from?: string;
  to?: string;
}


function dateWithin(column: typeof closures.date | typeof absences.date, range: DateRange): SQL | undefined {
  return and(range.from ? gte(column, range.from) : undefined, range.to ? lte(column, range.to) : undefined);
}

/** Closures by date; officeId limits them to that office's own and the all-office ones (undefined: every closure). */
export async function listClosures(ex: Executor, filter: DateRange & { officeId?: string }): Promise<ClosureRow[]> {
  return ex
    .select()
    .from(closures)
    .where(and(dateWithin(closures.date, filter), filter.officeId ? or(isNull(closures.officeId), eq(closures.officeId, filter.officeId)) : undefined))
    .orderBy(asc(closures.date), asc(closures.createdAt));
}

export async function findClosure(ex: Executor, id: string): Promise<ClosureRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await ex.select().from(closures).where(eq(closures.id, id));
  return row;
}

/** Active bookings on one JST day, of some offices (undefined: all) or some counsellors. */
async function activeBookingsOn(ex: Executor, date: string, where: SQL | undefined): Promise<AffectedBooking[]> {
  return ex
    .select({ id: bookings.id, reference: bookings.reference, officeId: bookings.officeId, counsellorId: bookings.counsellorId, status: bookings.status, startsAt: bookings.startsAt })
    .from(bookings)
    .where(
      and(
        inArray(bookings.status, ["requested", "confirmed"]),
        gte(bookings.startsAt, jstInstant(date)),
        lt(bookings.startsAt, jstInstant(addDays(date, 1))),
        where,
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

export type AddClosureResult = { ok: true; closure: ClosureRow; affected: AffectedBooking[] } | { ok: false; reason: "already_closed"; closure: ClosureRow };

/** The requested and confirmed bookings a closure of that day would fall on (officeId null: every office). */
export function bookingsOnDay(ex: Executor, officeId: string | null, date: string): Promise<AffectedBooking[]> {
  return activeBookingsOn(ex, date, officeId === null ? undefined : eq(bookings.officeId, officeId));
}

/**
 * Stores a closure with its audit row and answers the bookings already on that day. Without
 * tellSeekers they stay as they are, for staff to contact each seeker; with it each one is cancelled
 * in the same transaction (the day cannot be served) and its seeker is told through the outbox, with
 * an offer of other times.
 */
export async function addClosure(
  db: Db,
  input: { officeId: string | null; date: string; reason: string; now: Date; actor: string; tellSeekers?: boolean },
): Promise<AddClosureResult> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(closures)
      .where(and(eq(closures.date, input.date), input.officeId === null ? isNull(closures.officeId) : eq(closures.officeId, input.officeId)));
    if (existing) return { ok: false, reason: "already_closed", closure: existing };
    const [row] = await tx.insert(closures).values({ officeId: input.officeId, date: input.date, reason: input.reason, createdAt: input.now }).returning();
    await writeAudit(tx, { at: input.now, actor: input.actor, action: "add_closure", entity: "closure", entityId: row!.id, before: null, after: closureSnapshot(row!) });
    const affected = await bookingsOnDay(tx, input.officeId, input.date);
    if (input.tellSeekers) {
      for (const b of affected) {
        await tx.update(bookings).set({ status: "cancelled", statusReason: input.reason, updatedAt: input.now }).where(eq(bookings.id, b.id));
        await writeAudit(tx, {
          at: input.now,
          actor: input.actor,
          action: "closure_cancel",
          entity: "booking",
          entityId: b.id,
          before: { status: b.status },
          after: { status: "cancelled", closureId: row!.id },
        });
        await enqueue(tx, seekerNoticeJob("closure", b.id, input.now));
      }
    }
    return { ok: true, closure: row!, affected };
  });
}

export async function removeClosure(db: Db, input: { id: string; now: Date; actor: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(closures).where(eq(closures.id, input.id)).returning();
    if (!row) return false;
    await writeAudit(tx, { at: input.now, actor: input.actor, action: "remove_closure", entity: "closure", entityId: row.id, before: closureSnapshot(row), after: null });
    return true;
  });
}

/** Absences by date; counsellorIds limits them to those counsellors (undefined: everyone's). */
export async function listAbsences(ex: Executor, filter: DateRange & { counsellorIds?: readonly string[] }): Promise<AbsenceRow[]> {
  if (filter.counsellorIds?.length === 0) return [];
  return ex
    .select()
    .from(absences)
    .where(and(dateWithin(absences.date, filter), filter.counsellorIds ? inArray(absences.counsellorId, [...filter.counsellorIds]) : undefined))
    .orderBy(asc(absences.date), asc(absences.counsellorId), asc(absences.fromTime));
}

export async function findAbsence(ex: Executor, id: string): Promise<AbsenceRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await ex.select().from(absences).where(eq(absences.id, id));
  return row;
}

/** Stores an absence with its audit row and answers the counsellor's bookings it overlaps (left as they are). */
export async function addAbsence(
  db: Db,
  input: { counsellorId: string; date: string; fromTime?: string; toTime?: string; now: Date; actor: string },
): Promise<{ absence: AbsenceRow; affected: AffectedBooking[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(absences)
      .values({ counsellorId: input.counsellorId, date: input.date, fromTime: input.fromTime ?? null, toTime: input.toTime ?? null, createdAt: input.now })
      .returning();
    await writeAudit(tx, { at: input.now, actor: input.actor, action: "add_absence", entity: "absence", entityId: row!.id, before: null, after: absenceSnapshot(row!) });
    return { absence: row!, affected: await overlapping(tx, row!) };
  });
}

/** The requested and confirmed bookings of the absent counsellor that the absence overlaps. */
export async function overlapping(ex: Executor, a: AbsenceRow): Promise<AffectedBooking[]> {
  const from = a.fromTime ? minutesOf(a.fromTime) : 0;
  const to = a.toTime ? minutesOf(a.toTime) : 24 * 60;
  const day = jstInstant(a.date).getTime();
  const sessions = await activeBookingsOn(ex, a.date, eq(bookings.counsellorId, a.counsellorId));
  return sessions.filter((b) => {
    const start = (b.startsAt.getTime() - day) / 60_000;
    return start < to && start + SLOT_MINUTES > from;
  });
}

export async function removeAbsence(db: Db, input: { id: string; now: Date; actor: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(absences).where(eq(absences.id, input.id)).returning();
    if (!row) return false;
    await writeAudit(tx, { at: input.now, actor: input.actor, action: "remove_absence", entity: "absence", entityId: row.id, before: absenceSnapshot(row), after: null });
    return true;
  });
}

// The statuses are written out, not parameters, so that the planner can prove the partial unique index
// on (counsellor, start) over active rows applies: cancelled and expired rows are then never read.
const occupying = (now: Date) =>
  and(sql`${bookings.status} in ('held', 'requested', 'confirmed')`, or(sql`${bookings.status} <> 'held'`, gt(bookings.holdExpiresAt, now)));

/** What the rules need to decide about an office between two dates (inclusive), read from the store. */
export async function loadSchedule(
  ex: Executor,
  office: Office,
  now: Date,
  range: { from: string; to: string },
  options: { excludeBookingId?: string } = {},
): Promise<PreparedSchedule> {
  // Taken slots are read by the office's counsellors, not by the office: the rules skip anyone else, a
  // counsellor is busy wherever the booking was made, and with no column beside the index's to choose
  // from, even the embedded store (which keeps no statistics) plans the read on the active rows.
  const counsellorIds = office.counsellors.map((c) => c.id);
  const [closureRows, absenceRows, takenRows] = await Promise.all([
    listClosures(ex, { officeId: office.id, ...range }),
    listAbsences(ex, { counsellorIds, ...range }),
    ex
      .select({ id: bookings.id, counsellorId: bookings.counsellorId, startsAt: bookings.startsAt })
      .from(bookings)
      .where(
        and(
          inArray(bookings.counsellorId, counsellorIds),
          gte(bookings.startsAt, jstInstant(range.from)),
          lte(bookings.startsAt, jstInstant(addDays(range.to, 1))),
          occupying(now),
        ),
      ),
  ]);
  return prepareSchedule({
    now,
    office,
    closures: closureRows,
    absences: absenceRows.map((a) => ({ counsellorId: a.counsellorId, date: a.date, from: a.fromTime ?? undefined, to: a.toTime ?? undefined })),
    taken: takenRows.filter((t) => t.id !== options.excludeBookingId),
  });
}

function closureSnapshot(c: ClosureRow): Record<string, unknown> {
  return { officeId: c.officeId, date: c.date, reason: c.reason };
}

function absenceSnapshot(a: AbsenceRow): Record<string, unknown> {
  return { counsellorId: a.counsellorId, date: a.date, fromTime: a.fromTime, toTime: a.toTime };
}

/** A booking as the calendar shows it: no personal data, only what places it and links to it. */
export interface CalendarBooking {
  id: string;
  reference: string;
  counsellorId: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
}

export interface OfficeCalendar {
  days: DayGrid[];
  bookings: CalendarBooking[];
  absences: AbsenceRow[];
  closures: ClosureRow[];
}

/**
 * What staff's calendar shows for an office between two dates (inclusive): each day's grid from the
 * booking rules, the bookings of every status but holds, and the absences and closures behind them.
 */
export async function officeCalendar(ex: Executor, office: Office, now: Date, range: { from: string; to: string }): Promise<OfficeCalendar> {
  const ids = office.counsellors.map((c) => c.id);
  const [schedule, rows, absenceRows, closureRows] = await Promise.all([
    loadSchedule(ex, office, now, range),
    ex
      .select({ id: bookings.id, reference: bookings.reference, counsellorId: bookings.counsellorId, status: bookings.status, startsAt: bookings.startsAt, endsAt: bookings.endsAt })
      .from(bookings)
      .where(
        and(
          eq(bookings.officeId, office.id),
          notInArray(bookings.status, ["held", "expired"]),
          gte(bookings.startsAt, jstInstant(range.from)),
          lt(bookings.startsAt, jstInstant(addDays(range.to, 1))),
        ),
      )
      .orderBy(asc(bookings.startsAt), asc(bookings.createdAt)),
    listAbsences(ex, { counsellorIds: ids, ...range }),
    listClosures(ex, { officeId: office.id, ...range }),
  ]);
  const days: DayGrid[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push(dayGrid(schedule, d));
  return { days, bookings: rows, absences: absenceRows, closures: closureRows };
}
