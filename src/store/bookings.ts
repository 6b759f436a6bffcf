import { detailColumns, detailsOfRow, type RequestDetails } from "../booking/details.ts";
import { randomInt } from "node:crypto";
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Office } from "../config.ts";
import { addDays, jstDate, jstInstant, jstTime } from "../jst.ts";
import { seekerNoticeJob, staffNoticeJob } from "../notices.ts";
import {
  checkSlot,
  freeDays,
  lastBookableDate,
  slotEnd,
  suggestAlternatives,
  suggestSlots,
  type FreeDay,
  type Slot,
  type SlotRefusal,
  type Wish,
} from "../schedule/index.ts";
import { writeAudit } from "./audit.ts";
import { limitReached, lockKeys, requesterColumns, requesterLockKeys, type Requester } from "./bookingLimits.ts";
import { loadSchedule } from "./calendar.ts";
import { isUuid, type Db, type Executor, type Tx } from "./db.ts";
import { enqueue, type NewJob } from "./outbox.ts";
import { activeStatuses, bookings, conversations, counsellors, seekerClearances, type BookingStatus } from "./schema.ts";
import type { Locale } from "../i18n/locales.ts";

export type Booking = typeof bookings.$inferSelect;

export interface SeekerLimits {
  /** Active future bookings one seeker number may have per office. */
  activeLimit: number;
  noShowLimit: number;
  noShowWindowDays: number;
}

export const NO_SHOW_GRACE_MS = 10 * 60_000;

/** The counsellors of the office settings, so bookings can refer to them; others become inactive. */
export async function syncCounsellors(db: Db, offices: readonly Office[]): Promise<void> {
  const rows = offices.flatMap((o) => o.counsellors.map((c) => ({ id: c.id, officeId: o.id, nameJa: c.name.ja, nameEn: c.name.en, active: true })));
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(counsellors)
      .values(rows)
      .onConflictDoUpdate({
        target: counsellors.id,
        set: { officeId: sql`excluded.office_id`, nameJa: sql`excluded.name_ja`, nameEn: sql`excluded.name_en`, active: true },
      });
    await tx.update(counsellors).set({ active: false }).where(notInArray(counsellors.id, rows.map((r) => r.id)));
  });
}

/** The whole booking window of an office, from today to its last bookable day. */
export function bookingWindow(office: Office, now: Date): { from: string; to: string } {
  return { from: jstDate(now), to: lastBookableDate(office, now) };
}

/** Days after the wish read first: enough for nearly every suggestion, far fewer rows than the whole window. */
const SUGGEST_NEAR_DAYS = 14;

export async function suggest(
  ex: Executor,
  input: { office: Office; now: Date; wish: Wish; n: number; counsellorId?: string; excludeBookingId?: string },
): Promise<Slot[]> {
  const window = bookingWindow(input.office, input.now);
  const options = { excludeBookingId: input.excludeBookingId };
  const wishDate = input.wish.date < window.from ? window.from : input.wish.date;
  const near = addDays(wishDate, SUGGEST_NEAR_DAYS);
  if (near < window.to) {
    // Only the days up to `near` are read, so only they may be offered: the answer stands when it
    // found enough without falling back to days before the wish.
    const schedule = await loadSchedule(ex, input.office, input.now, { from: window.from, to: near }, options);
    const found = suggestSlots({ ...schedule, lastDate: near }, input.wish, input.n, { counsellorId: input.counsellorId });
    if (found.length === input.n && found.every((s) => jstDate(s.startsAt) >= wishDate)) return found;
  }
  const schedule = await loadSchedule(ex, input.office, input.now, window, options);
  return suggestSlots(schedule, input.wish, input.n, { counsellorId: input.counsellorId });
}

/**
 * The days with a free slot for an office (and a named counsellor), each with its free slots: the
 * whole booking window, or the dates asked for within it. One read of the window, then the rules.
 */
export async function listFreeDays(
  ex: Executor,
  input: { office: Office; now: Date; counsellorId?: string; excludeBookingId?: string; dates?: { from: string; to: string } },
): Promise<FreeDay[]> {
  const window = bookingWindow(input.office, input.now);
  const range = {
    from: input.dates && input.dates.from > window.from ? input.dates.from : window.from,
    to: input.dates && input.dates.to < window.to ? input.dates.to : window.to,
  };
  if (range.from > range.to) return [];
  const schedule = await loadSchedule(ex, input.office, input.now, range, { excludeBookingId: input.excludeBookingId });
  return freeDays(schedule, range, { counsellorId: input.counsellorId });
}

/**
 * Who counselled the seeker at their latest session at this office that took place (attended, or
 * confirmed and over), found by seeker number or by LINE user; undefined for a first session.
 */
export async function previousCounsellor(
  ex: Executor,
  input: { officeId: string; seekerNumber?: string | null; email?: string; phone?: string; lineUserKey?: string; now: Date },
): Promise<string | undefined> {
  const who: SQL[] = [];
  // Anyone can type a seeker number: it finds an earlier session only with the same email and phone, so
  // a stranger does not learn who counselled someone.
  if (input.seekerNumber && input.email && input.phone) {
    who.push(and(eq(bookings.seekerNumber, input.seekerNumber), sql`lower(${bookings.email}) = lower(${input.email})`, eq(bookings.phone, input.phone))!);
  }
  if (input.lineUserKey) {
    const ofUser = ex.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.channel, "line"), eq(conversations.userKey, input.lineUserKey)));
    who.push(inArray(bookings.conversationId, ofUser));
  }
  if (who.length === 0) return undefined;
  const [row] = await ex
    .select({ counsellorId: bookings.counsellorId })
    .from(bookings)
    .where(
      and(
        eq(bookings.officeId, input.officeId),
        or(...who),
        or(eq(bookings.status, "attended"), and(eq(bookings.status, "confirmed"), lte(bookings.endsAt, input.now))),
      ),
    )
    .orderBy(desc(bookings.startsAt))
    .limit(1);
  return row?.counsellorId ?? undefined;
}

export interface SeekerStanding {
  activeBookingId?: string;
  suspended: boolean;
  /** Counted at every office: a suspension holds everywhere. */
  noShows: number;
  /** Of those, the ones at this office (what its staff may see). */
  noShowsHere: number;
}

/** Whether a seeker number may ask for another session at this office. */
export async function seekerStanding(
  ex: Executor,
  input: { seekerNumber: string; officeId: string; now: Date; limits: SeekerLimits; excludeBookingId?: string },
): Promise<SeekerStanding> {
  const { seekerNumber, officeId, now, limits } = input;
  // One statement (it runs at every seeker number typed and every hold): per office of this seeker,
  // the coming bookings here, and the no-shows in the window since the record was last cleared.
  const windowStart = new Date(now.getTime() - limits.noShowWindowDays * 86_400_000);
  const active = and(
    eq(bookings.officeId, officeId),
    inArray(bookings.status, ["requested", "confirmed"]),
    gt(bookings.startsAt, now),
    input.excludeBookingId ? ne(bookings.id, input.excludeBookingId) : undefined,
  );
  const cleared = ex
    .select({ at: sql`max(${seekerClearances.clearedAt})` })
    .from(seekerClearances)
    .where(eq(seekerClearances.seekerNumber, seekerNumber));
  const counted = and(
    eq(bookings.status, "no_show"),
    gt(bookings.startsAt, windowStart),
    sql`${bookings.startsAt} > coalesce((${cleared}), '-infinity')`,
  );
  const perOffice = await ex
    .select({
      officeId: bookings.officeId,
      active: sql<string[] | null>`array_agg(${bookings.id}::text order by ${bookings.startsAt}) filter (where ${active})`,
      n: sql<number>`(count(*) filter (where ${counted}))::int`,
    })
    .from(bookings)
    .where(eq(bookings.seekerNumber, seekerNumber))
    .groupBy(bookings.officeId);
  const here = perOffice.find((row) => row.officeId === officeId);
  const activeHere = here?.active ?? [];
  const count = perOffice.reduce((sum, row) => sum + row.n, 0);
  return {
    activeBookingId: activeHere.length >= limits.activeLimit ? activeHere[0] : undefined,
    suspended: count >= limits.noShowLimit,
    noShows: count,
    noShowsHere: here?.n ?? 0,
  };
}

export type HoldResult =
  | { ok: true; booking: Booking }
  | { ok: false; refusal: SlotRefusal; alternatives: Slot[]; withCounsellor?: Slot[] };

export interface HoldInput {
  office: Office;
  startsAt: Date;
  /** A named counsellor (指名); otherwise the first free one is assigned. */
  counsellorId?: string;
  conversationId: string;
  channel: "web" | "line" | "staff";
  locale?: Locale;
  /** Checked against the one-active-booking rule and the no-show record when known. */
  seekerNumber?: string;
  /** A booking being changed: its own slot does not count against the new one. */
  replacing?: string;
  now: Date;
  holdMinutes: number;
  limits: SeekerLimits;
  actor: string;
  /** How many alternatives to offer with a refusal. */
  alternatives?: number;
  /** Staff booking for a seeker mid-conversation: the seeker's own hold in that conversation stays. */
  keepOtherHolds?: boolean;
  /** A seeker asking through the chat: the limits per person and per client apply (staff have none). */
  requester?: Requester;
}

/**
 * Holds a slot for a conversation while the user finishes the request. The hold occupies a
 * counsellor like a booking, so nobody can take the slot meanwhile; the conversation's earlier
 * hold is released in the same transaction.
 */
export async function holdSlot(db: Db, input: HoldInput): Promise<HoldResult> {
  const outcome = await db.transaction(async (tx) => {
    if (!input.keepOtherHolds) {
      await tx
        .update(bookings)
        .set({ status: "expired", updatedAt: input.now })
        .where(and(eq(bookings.conversationId, input.conversationId), eq(bookings.status, "held")));
    }
    return takeSlot(tx, input, { status: "held", holdExpiresAt: new Date(input.now.getTime() + input.holdMinutes * 60_000) });
  });
  if (outcome.ok) return outcome;
  return { ...outcome, ...(await alternativesFor(db, input, outcome.refusal)) };
}

/**
 * Two conversations of one seeker (or one client, one address) asking at the same moment wait for
 * each other here, so the one-active-booking rule and the limits hold under races (the locks end
 * with the transaction).
 */
function lockSeekerAndRequester(tx: Tx, seekerNumber: string | undefined, conversationId: string | undefined, requester: Requester | undefined): Promise<void> {
  return lockKeys(tx, [...(seekerNumber ? [`seeker:${seekerNumber}`] : []), ...requesterLockKeys(conversationId, requester)]);
}

type TakeOutcome = { ok: true; booking: Booking } | { ok: false; refusal: SlotRefusal };

async function takeSlot(
  tx: Tx,
  input: HoldInput,
  values: { status: BookingStatus; holdExpiresAt: Date | null } & Partial<typeof bookings.$inferInsert>,
): Promise<TakeOutcome> {
  const { office, startsAt, now } = input;
  // A hold that ran out no longer protects its slot.
  await tx
    .update(bookings)
    .set({ status: "expired", updatedAt: now })
    .where(and(eq(bookings.officeId, office.id), eq(bookings.startsAt, startsAt), eq(bookings.status, "held"), lte(bookings.holdExpiresAt, now)));

  await lockSeekerAndRequester(tx, input.seekerNumber, input.conversationId, input.requester);
  if (input.requester) {
    const reached = await limitReached(tx, {
      conversationId: input.conversationId,
      requester: input.requester,
      now,
      exclude: input.replacing ? [input.replacing] : [],
      holding: values.status === "held",
    });
    if (reached) return { ok: false, refusal: { ok: false, reason: "limit_reached", limit: reached } };
  }
  const standing = input.seekerNumber
    ? await seekerStanding(tx, { seekerNumber: input.seekerNumber, officeId: office.id, now, limits: input.limits, excludeBookingId: input.replacing })
    : undefined;
  const day = jstDate(startsAt);
  const schedule = await loadSchedule(tx, office, now, { from: day, to: day }, { excludeBookingId: input.replacing });
  const check = checkSlot(schedule, {
    startsAt,
    counsellorId: input.counsellorId,
    seeker: standing ? { activeBookingId: standing.activeBookingId, suspended: standing.suspended } : undefined,
  });
  if (!check.ok) return { ok: false, refusal: check };

  for (const counsellorId of check.counsellorIds) {
    // The partial unique index on (counsellor, start) decides races: a concurrent taker of the same
    // counsellor's slot waits for us and then inserts nothing.
    const [row] = await tx
      .insert(bookings)
      .values({
        reference: newReference(office),
        officeId: office.id,
        counsellorId,
        counsellorNamed: input.counsellorId !== undefined,
        startsAt,
        endsAt: slotEnd(startsAt),
        conversationId: input.conversationId,
        channel: input.channel,
        locale: input.locale ?? "ja",
        createdAt: now,
        updatedAt: now,
        ...requesterColumns(input.requester),
        ...values,
      })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await writeAudit(tx, {
        at: now,
        actor: input.actor,
        action: values.status === "held" ? "hold" : "book",
        entity: "booking",
        entityId: row.id,
        after: snapshot(row),
      });
      return { ok: true, booking: row };
    }
  }
  return { ok: false, refusal: input.counsellorId ? { ok: false, reason: "counsellor_unavailable", counsellorId: input.counsellorId, why: "taken" } : { ok: false, reason: "full" } };
}

async function alternativesFor(
  db: Db,
  input: HoldInput,
  refusal: SlotRefusal,
): Promise<{ alternatives: Slot[]; withCounsellor?: Slot[] }> {
  if (refusal.reason === "seeker_has_booking" || refusal.reason === "seeker_suspended" || refusal.reason === "limit_reached") return { alternatives: [] };
  const n = input.alternatives ?? 3;
  const schedule = await loadSchedule(db, input.office, input.now, bookingWindow(input.office, input.now), { excludeBookingId: input.replacing });
  if (input.counsellorId) {
    const both = suggestAlternatives(schedule, { startsAt: input.startsAt, counsellorId: input.counsellorId }, n);
    return { alternatives: both.withAnyone, withCounsellor: both.withCounsellor };
  }
  const wish: Wish = { kind: "point", date: jstDate(input.startsAt), time: jstTime(input.startsAt) };
  return { alternatives: suggestSlots(schedule, wish, n) };
}

export type RequestResult =
  | { ok: true; booking: Booking }
  | { ok: false; refusal: SlotRefusal | { ok: false; reason: "hold_lost" }; alternatives: Slot[] };

/**
 * Turns a conversation's hold into a request for staff. The same row keeps the counsellor's slot,
 * so nothing can slip in between; staff and the seeker are told through the outbox.
 */
export type { RequestDetails };

export async function requestBooking(
  db: Db,
  input: {
    holdId: string;
    office: Office;
    details: RequestDetails;
    replacing?: string;
    now: Date;
    limits: SeekerLimits;
    actor: string;
    holdMinutes: number;
    /** A seeker asking through the chat: the limits per person and per client apply. */
    requester?: Requester;
  },
): Promise<RequestResult> {
  type Outcome = RequestResult | { ok: false; retake: Booking } | { ok: false; refused: SlotRefusal; startsAt: Date };
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const [hold] = await tx.select().from(bookings).where(eq(bookings.id, input.holdId)).for("update");
    if (!hold || hold.officeId !== input.office.id) return { ok: false, refusal: { ok: false, reason: "hold_lost" }, alternatives: [] };
    if (hold.status === "requested") return { ok: true, booking: hold };
    if (hold.status !== "held") return { ok: false, retake: hold };

    // The rules again, as of now: a hold taken before the cutoff does not outlive it.
    const day = jstDate(hold.startsAt);
    const schedule = await loadSchedule(tx, input.office, input.now, { from: day, to: day }, { excludeBookingId: hold.id });
    const still = checkSlot(schedule, { startsAt: hold.startsAt, counsellorId: hold.counsellorId });
    if (!still.ok) {
      await tx.update(bookings).set({ status: "expired", updatedAt: input.now }).where(eq(bookings.id, hold.id));
      return { ok: false, refused: still, startsAt: hold.startsAt };
    }

    const seekerNumber = input.details.seekerNumber ?? undefined;
    await lockSeekerAndRequester(tx, seekerNumber, hold.conversationId ?? undefined, input.requester);
    if (input.requester) {
      const reached = await limitReached(tx, {
        conversationId: hold.conversationId ?? undefined,
        requester: input.requester,
        now: input.now,
        exclude: [hold.id, ...(input.replacing ? [input.replacing] : [])],
        holding: false,
      });
      if (reached) {
        await tx.update(bookings).set({ status: "expired", updatedAt: input.now }).where(eq(bookings.id, hold.id));
        return { ok: false, refusal: { ok: false, reason: "limit_reached", limit: reached }, alternatives: [] };
      }
    }
    if (seekerNumber) {
      const standing = await seekerStanding(tx, {
        seekerNumber,
        officeId: hold.officeId,
        now: input.now,
        limits: input.limits,
        excludeBookingId: input.replacing ?? hold.id,
      });
      if (standing.suspended) return { ok: false, refusal: { ok: false, reason: "seeker_suspended" }, alternatives: [] };
      if (standing.activeBookingId && standing.activeBookingId !== input.replacing) {
        return { ok: false, refusal: { ok: false, reason: "seeker_has_booking", bookingId: standing.activeBookingId }, alternatives: [] };
      }
    }
    const [row] = await tx
      .update(bookings)
      .set({
        ...detailColumns(input.details, input.now),
        ...requesterColumns(input.requester),
        status: "requested",
        holdExpiresAt: null,
        rescheduledFrom: input.replacing ?? null,
        updatedAt: input.now,
      })
      .where(eq(bookings.id, hold.id))
      .returning();
    await afterRequest(tx, row!, input);
    return { ok: true, booking: row! };
  });
  if ("refused" in outcome) {
    const base = { office: input.office, startsAt: outcome.startsAt, conversationId: "", channel: "web" as const, now: input.now, holdMinutes: 0, limits: input.limits, actor: input.actor, replacing: input.replacing };
    return { ok: false, refusal: outcome.refused, ...(await alternativesFor(db, base, outcome.refused)) };
  }
  if (outcome.ok || !("retake" in outcome)) return outcome;

  // The hold was released (it ran out and someone else's hold cleared it): take the slot again if it is free.
  const lost = outcome.retake;
  const again = await db.transaction(async (tx) => {
    const taken = await takeSlot(
      tx,
      {
        office: input.office,
        startsAt: lost.startsAt,
        counsellorId: lost.counsellorNamed ? lost.counsellorId : undefined,
        conversationId: lost.conversationId ?? lost.id,
        channel: lost.channel,
        locale: lost.locale,
        seekerNumber: input.details.seekerNumber ?? undefined,
        replacing: input.replacing,
        now: input.now,
        holdMinutes: input.holdMinutes,
        limits: input.limits,
        actor: input.actor,
        requester: input.requester,
      },
      { status: "requested", holdExpiresAt: null, rescheduledFrom: input.replacing ?? null, ...detailColumns(input.details, input.now) },
    );
    if (taken.ok) await afterRequest(tx, taken.booking, input);
    return taken;
  });
  if (again.ok) return again;
  const { alternatives } = await alternativesFor(
    db,
    { office: input.office, startsAt: lost.startsAt, conversationId: "", channel: lost.channel, now: input.now, holdMinutes: 0, limits: input.limits, actor: input.actor, replacing: input.replacing },
    again.refusal,
  );
  return { ok: false, refusal: again.refusal, alternatives };
}

async function afterRequest(tx: Tx, row: Booking, input: { replacing?: string; now: Date; actor: string }): Promise<void> {
  if (input.replacing) {
    const [old] = await tx.select().from(bookings).where(eq(bookings.id, input.replacing)).for("update");
    if (old && (old.status === "requested" || old.status === "confirmed")) {
      await tx.update(bookings).set({ status: "cancelled", statusReason: "rescheduled", updatedAt: input.now }).where(eq(bookings.id, old.id));
      await writeAudit(tx, { at: input.now, actor: input.actor, action: "reschedule", entity: "booking", entityId: old.id, before: snapshot(old), after: { status: "cancelled", to: row.id } });
    }
  }
  await writeAudit(tx, { at: input.now, actor: input.actor, action: "request", entity: "booking", entityId: row.id, before: { status: "held" }, after: snapshot(row) });
  const event = input.replacing ? "changed" : "requested";
  await enqueueNotices(tx, row, event, input.now);
}

/** A booking's details as asked, to carry over to the booking that replaces it; Required so no field is left behind. */
export function detailsOf(b: Booking): Required<RequestDetails> {
  return detailsOfRow(b);
}

/** Raises the invitation's SEQUENCE in the same update, for a change the seeker's calendar must take in. */
export const nextSequence = sql`${bookings.sequence} + 1`;

async function enqueueNotices(tx: Tx, row: Booking, event: "requested" | "changed", now: Date): Promise<void> {
  await enqueue(tx, staffNoticeJob(event, { officeId: row.officeId, bookingId: row.id, at: now, key: row.id }));
  await enqueue(tx, seekerNoticeJob(event, row.id, now));
}

export type TransitionResult = { ok: true; booking: Booking } | { ok: false; reason: "not_found" | "invalid_state" | "stale"; status?: BookingStatus };

/** Moves one booking between statuses under a row lock, with its audit row and outbox jobs. */
export async function transition(
  db: Db,
  input: {
    bookingId: string;
    from: readonly BookingStatus[];
    /** Omitted: the status stays (a change of counsellor or meeting URL). */
    to?: BookingStatus;
    set?: { [K in keyof typeof bookings.$inferInsert]?: (typeof bookings.$inferInsert)[K] | SQL };
    now: Date;
    actor: string;
    action: string;
    /** Only while the session has not started (cancellations). */
    futureOnly?: boolean;
    /** The booking as the caller last saw it: a change made meanwhile refuses the transition. */
    expectedUpdatedAt?: Date;
    jobs?: (booking: Booking) => NewJob[];
  },
): Promise<TransitionResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(bookings).where(eq(bookings.id, input.bookingId)).for("update");
    if (!before) return { ok: false, reason: "not_found" };
    if (input.expectedUpdatedAt && before.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
      return { ok: false, reason: "stale", status: before.status };
    }
    if (!input.from.includes(before.status) || (input.futureOnly && before.startsAt <= input.now)) {
      return { ok: false, reason: "invalid_state", status: before.status };
    }
    const [after] = await tx
      .update(bookings)
      .set({ ...input.set, status: input.to ?? before.status, updatedAt: input.now })
      .where(eq(bookings.id, before.id))
      .returning();
    await writeAudit(tx, { at: input.now, actor: input.actor, action: input.action, entity: "booking", entityId: before.id, before: snapshot(before), after: snapshot(after!) });
    for (const job of input.jobs?.(after!) ?? []) await enqueue(tx, job);
    return { ok: true, booking: after! };
  });
}

/** The seeker cancels a request or a confirmed session before it starts; staff are told. */
export function cancelBySeeker(db: Db, input: { bookingId: string; now: Date; actor: string }) {
  return transition(db, {
    ...input,
    from: ["requested", "confirmed"],
    to: "cancelled",
    set: { statusReason: "seeker", sequence: nextSequence },
    action: "cancel",
    futureOnly: true,
    jobs: (b) => [staffNoticeJob("cancelled", { officeId: b.officeId, bookingId: b.id, at: input.now, key: b.id }), seekerNoticeJob("cancelled", b.id, input.now)],
  });
}

/** Releases a conversation's hold (the user stopped or chose another way). */
export async function releaseHold(db: Db, conversationId: string, now: Date): Promise<void> {
  await db
    .update(bookings)
    .set({ status: "expired", updatedAt: now })
    .where(and(eq(bookings.conversationId, conversationId), eq(bookings.status, "held")));
}

/**
 * Confirmed sessions nobody marked as attended 10 minutes after the start become no-shows, which
 * count as cancellations; holds that ran out are released.
 */
export async function sweep(db: Db, now: Date): Promise<{ noShows: number; expiredHolds: number }> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(bookings)
      .set({ status: "expired", updatedAt: now })
      .where(and(eq(bookings.status, "held"), lte(bookings.holdExpiresAt, now)))
      .returning({ id: bookings.id });
    const missed = await tx
      .update(bookings)
      .set({ status: "no_show", statusReason: "no_contact_10_minutes", updatedAt: now })
      .where(and(eq(bookings.status, "confirmed"), lte(bookings.startsAt, new Date(now.getTime() - NO_SHOW_GRACE_MS))))
      .returning();
    for (const b of missed) {
      await writeAudit(tx, { at: now, actor: "system:no-show-sweep", action: "no_show", entity: "booking", entityId: b.id, before: { status: "confirmed" }, after: snapshot(b) });
      await enqueue(tx, staffNoticeJob("no_show", { officeId: b.officeId, bookingId: b.id, at: now, key: b.id }));
      await enqueue(tx, seekerNoticeJob("no_show", b.id, now));
    }
    return { noShows: missed.length, expiredHolds: expired.length };
  });
}

export async function clearNoShows(db: Db, input: { seekerNumber: string; staffId: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(seekerClearances).values({ seekerNumber: input.seekerNumber, clearedBy: input.staffId, clearedAt: input.now });
    await writeAudit(tx, { at: input.now, actor: `staff:${input.staffId}`, action: "clear_no_shows", entity: "seeker", entityId: input.seekerNumber });
  });
}

export async function findBooking(ex: Executor, id: string): Promise<Booking | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await ex.select().from(bookings).where(eq(bookings.id, id));
  return row;
}

/** The booking with this reference (references are unique), whatever its status. */
export async function findBookingByReference(ex: Executor, reference: string): Promise<Booking | undefined> {
  const [row] = await ex.select().from(bookings).where(eq(bookings.reference, reference));
  return row;
}

/** The slot a conversation holds, if any (requestBooking re-takes one that ran out). */
export async function currentHold(ex: Executor, conversationId: string): Promise<Booking | undefined> {
  const [row] = await ex
    .select()
    .from(bookings)
    .where(and(eq(bookings.conversationId, conversationId), eq(bookings.status, "held")))
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  return row;
}

/** Counsellors of an office who marked themselves available now (terms art. 6-2). */
export async function counsellorsAvailableNow(ex: Executor, officeId: string, now: Date): Promise<string[]> {
  const rows = await ex
    .select({ id: counsellors.id })
    .from(counsellors)
    .where(and(eq(counsellors.officeId, officeId), eq(counsellors.active, true), gt(counsellors.availableNowUntil, now)));
  return rows.map((r) => r.id);
}

/** The phone number on record for a conversation: the one given with its latest request. */
export async function phoneOnRecord(ex: Executor, conversationId: string): Promise<string | undefined> {
  const [row] = await ex
    .select({ phone: bookings.phone })
    .from(bookings)
    .where(and(eq(bookings.conversationId, conversationId), sql`${bookings.phone} is not null`))
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  return row?.phone ?? undefined;
}

/**
 * Upcoming and recent bookings a conversation made (for 「予約の確認」), and those it was shown to
 * belong to (`attached`: found by reference and contact details, or opened from a mail's link).
 */
export async function bookingsOfConversation(ex: Executor, conversationId: string, now: Date, attached: readonly string[] = []): Promise<Booking[]> {
  const ids = attached.filter(isUuid);
  return ex
    .select()
    .from(bookings)
    .where(
      and(
        ids.length > 0 ? or(eq(bookings.conversationId, conversationId), inArray(bookings.id, ids)) : eq(bookings.conversationId, conversationId),
        inArray(bookings.status, ["requested", "confirmed"]),
        gt(bookings.startsAt, new Date(now.getTime() - NO_SHOW_GRACE_MS)),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

/** Status and slot only: the audit log holds no personal data it does not need. */
function snapshot(b: Booking): Record<string, unknown> {
  return { status: b.status, startsAt: b.startsAt.toISOString(), counsellorId: b.counsellorId, officeId: b.officeId, sequence: b.sequence };
}

// Short, readable over the phone: no 0/O, 1/I/L.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const OFFICE_PREFIX: Record<string, string> = { nagasaki: "NG", "young-nagasaki": "YN", tsukimachi: "TK" };

export function newReference(office: Pick<Office, "id">): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `${OFFICE_PREFIX[office.id] ?? "HW"}-${code}`;
}

export { activeStatuses };

export interface BookingFilter {
  officeId?: string;
  statuses?: BookingStatus[];
  /** JST dates, inclusive. */
  from?: string;
  to?: string;
  counsellorId?: string;
  /** A reference, part of a name, or the digits of a seeker number or phone. */
  search?: string;
  /** Oldest request first (a queue), or by session time (the default). */
  order?: "requested" | "starts";
  limit: number;
}

function searchCondition(text: string | undefined) {
  const q = text?.normalize("NFKC").trim();
  if (!q) return undefined;
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const digits = q.replace(/\D/g, "");
  return or(
    sql`${bookings.reference} ilike ${like}`,
    sql`${bookings.name} ilike ${like}`,
    digits.length >= 4 ? sql`regexp_replace(coalesce(${bookings.seekerNumber}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}` : undefined,
    digits.length >= 4 ? sql`regexp_replace(coalesce(${bookings.phone}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}` : undefined,
  );
}

function bookingConditions(f: Omit<BookingFilter, "limit">) {
  return and(
    f.officeId ? eq(bookings.officeId, f.officeId) : undefined,
    f.statuses?.length ? inArray(bookings.status, f.statuses) : inArray(bookings.status, ["requested", "confirmed", "attended", "no_show", "cancelled", "rejected"]),
    f.from ? gte(bookings.startsAt, jstInstant(f.from)) : undefined,
    f.to ? lt(bookings.startsAt, jstInstant(addDays(f.to, 1))) : undefined,
    f.counsellorId ? eq(bookings.counsellorId, f.counsellorId) : undefined,
    searchCondition(f.search),
  );
}

export async function listBookings(ex: Executor, f: BookingFilter & { offset?: number }): Promise<Booking[]> {
  return ex
    .select()
    .from(bookings)
    .where(bookingConditions(f))
    .orderBy(...(f.order === "requested" ? [asc(bookings.createdAt), asc(bookings.startsAt)] : [asc(bookings.startsAt), asc(bookings.createdAt)]), asc(bookings.id))
    .limit(f.limit)
    .offset(f.offset ?? 0);
}

export async function countBookings(ex: Executor, f: Omit<BookingFilter, "limit">): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(bookings).where(bookingConditions(f));
  return row?.n ?? 0;
}

export async function counsellorNames(ex: Executor): Promise<Map<string, { ja: string; en: string; officeId: string; availableNowUntil: Date | null }>> {
  const rows = await ex.select().from(counsellors);
  return new Map(rows.map((r) => [r.id, { ja: r.nameJa, en: r.nameEn, officeId: r.officeId, availableNowUntil: r.availableNowUntil }]));
}

/** A counsellor marks themself available for "now" sessions until an instant (null: not any more). */
export async function setAvailableNow(db: Db, input: { counsellorId: string; until: Date | null; now: Date; actor: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(counsellors).where(eq(counsellors.id, input.counsellorId)).for("update");
    if (!before) return false;
    await tx.update(counsellors).set({ availableNowUntil: input.until }).where(eq(counsellors.id, input.counsellorId));
    await writeAudit(tx, {
      at: input.now,
      actor: input.actor,
      action: "set_available_now",
      entity: "counsellor",
      entityId: input.counsellorId,
      before: { availableNowUntil: before.availableNowUntil?.toISOString() ?? null },
      after: { availableNowUntil: input.until?.toISOString() ?? null },
    });
    return true;
  });
}
