// キャンセル待ち: places in the queue for a wished window, offers of freed slots as holds, and what
// the seeker and staff do with them. An offer, its hold and its notice commit in one transaction;
// the hold is a booking row, so the index that forbids double booking guards offers too.
import { and, asc, eq, gte, inArray, lte, lt, ne, or, sql } from "drizzle-orm";
import type { Office } from "../config.ts";
import { addDays, jstDate, jstInstant, jstTime, minutesOf } from "../jst.ts";
import { waitlistNoticeJob } from "../notices.ts";
import { availableSlots, bookingCutoff, dayRefusal, inOfferHours, lastBookableDate, offerExpiry, slotEnd, type Slot } from "../schedule/index.ts";
import { writeAudit } from "./audit.ts";
import { newReference, type Booking } from "./bookings.ts";
import { listClosures, loadSchedule } from "./calendar.ts";
import { isUuid, type Db, type Executor } from "./db.ts";
import { enqueue } from "./outbox.ts";
import { bookings, liveWaitlistStatuses, waitlistEntries, type WaitlistStatus } from "./schema.ts";
import type { Locale } from "../i18n/locales.ts";

export type WaitlistEntry = typeof waitlistEntries.$inferSelect;

/** Days from fromDate to toDate (inclusive), sessions starting at fromTime or later and ending by toTime, Tokyo. */
export interface WaitWindow {
  fromDate: string;
  toDate: string;
  fromTime: string;
  toTime: string;
}

/** Places one conversation may hold at a time. */
export const MAX_PLACES = 3;

const live = inArray(waitlistEntries.status, [...liveWaitlistStatuses]);

/** The slots of a window that are free now (and may still be requested), earliest first. */
export async function freeSlotsIn(ex: Executor, office: Office, now: Date, w: WaitWindow, counsellorId?: string | null): Promise<Slot[]> {
  const from = w.fromDate < jstDate(now) ? jstDate(now) : w.fromDate;
  const last = lastBookableDate(office, now);
  const to = w.toDate > last ? last : w.toDate;
  if (from > to) return [];
  const schedule = await loadSchedule(ex, office, now, { from, to });
  const out: Slot[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    for (const s of availableSlots(schedule, d, { counsellorId: counsellorId ?? undefined })) {
      const start = minutesOf(jstTime(s.startsAt));
      if (start >= minutesOf(w.fromTime) && start + 30 <= minutesOf(w.toTime)) out.push(s);
    }
  }
  return out;
}

/** Whether any day of the window can still be booked (open, within the horizon, before its cutoff): only then may one wait for it. */
export async function windowStillBookable(ex: Executor, office: Office, now: Date, w: WaitWindow): Promise<boolean> {
  const from = w.fromDate < jstDate(now) ? jstDate(now) : w.fromDate;
  const last = lastBookableDate(office, now);
  const to = w.toDate > last ? last : w.toDate;
  if (from > to) return false;
  const schedule = await loadSchedule(ex, office, now, { from, to });
  for (let d = from; d <= to; d = addDays(d, 1)) if (!dayRefusal(schedule, d)) return true;
  return false;
}

/** Whether the window's last day is past its booking cutoff: nothing in it can be offered any more (a closed day may open again). */
async function windowOver(ex: Executor, office: Office, now: Date, w: WaitWindow): Promise<boolean> {
  if (w.toDate < jstDate(now)) return true;
  const closures = await listClosures(ex, { officeId: office.id, from: addDays(w.toDate, -31), to: w.toDate });
  return bookingCutoff(office, w.toDate, closures) <= now;
}

/** A place's number in its office's queue: live places made before it whose days overlap its own, plus one. */
export async function positionOf(ex: Executor, entry: WaitlistEntry): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.officeId, entry.officeId),
        live,
        or(lt(waitlistEntries.createdAt, entry.createdAt), and(eq(waitlistEntries.createdAt, entry.createdAt), lt(waitlistEntries.id, entry.id))),
        lte(waitlistEntries.fromDate, entry.toDate),
        gte(waitlistEntries.toDate, entry.fromDate),
      ),
    );
  return (row?.n ?? 0) + 1;
}

export type JoinResult =
  | { ok: true; entry: WaitlistEntry; position: number }
  | { ok: false; reason: "already_waiting"; entry: WaitlistEntry; position: number }
  | { ok: false; reason: "too_many" };

export async function joinWaitlist(
  db: Db,
  input: {
    office: Office;
    counsellorId?: string | null;
    window: WaitWindow;
    conversationId: string;
    channel: "web" | "line";
    locale: Locale;
    answers: Record<string, unknown>;
    now: Date;
    actor: string;
  },
): Promise<JoinResult> {
  return db.transaction(async (tx) => {
    const mine = await tx
      .select()
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.conversationId, input.conversationId), live))
      .for("update");
    const w = input.window;
    const same = mine.find(
      (e) =>
        e.officeId === input.office.id &&
        e.fromDate === w.fromDate &&
        e.toDate === w.toDate &&
        e.fromTime === w.fromTime &&
        e.toTime === w.toTime &&
        (e.counsellorId ?? null) === (input.counsellorId ?? null),
    );
    if (same) return { ok: false, reason: "already_waiting", entry: same, position: await positionOf(tx, same) };
    if (mine.length >= MAX_PLACES) return { ok: false, reason: "too_many" };
    const [entry] = await tx
      .insert(waitlistEntries)
      .values({
        officeId: input.office.id,
        counsellorId: input.counsellorId ?? null,
        ...w,
        conversationId: input.conversationId,
        channel: input.channel,
        locale: input.locale,
        answers: input.answers,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning();
    await writeAudit(tx, { at: input.now, actor: input.actor, action: "waitlist_join", entity: "waitlist", entityId: entry!.id, after: snapshot(entry!) });
    return { ok: true, entry: entry!, position: await positionOf(tx, entry!) };
  });
}

/** A conversation's live places with their numbers, earliest window first. */
export async function placesOf(ex: Executor, conversationId: string): Promise<{ entry: WaitlistEntry; position: number; hold?: Booking }[]> {
  const rows = await ex
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.conversationId, conversationId), live))
    .orderBy(asc(waitlistEntries.fromDate), asc(waitlistEntries.fromTime), asc(waitlistEntries.createdAt));
  const out = [];
  for (const entry of rows) {
    const [hold] = entry.status === "offered" && entry.offerBookingId ? await ex.select().from(bookings).where(eq(bookings.id, entry.offerBookingId)) : [];
    out.push({ entry, position: await positionOf(ex, entry), ...(hold ? { hold } : {}) });
  }
  return out;
}

export async function findEntry(ex: Executor, id: string): Promise<WaitlistEntry | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await ex.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
  return row;
}

export type OfferAnswerRefusal = "not_found" | "other_session" | "expired" | "already_accepted" | "not_offered";
export type AcceptResult = { ok: true; entry: WaitlistEntry; hold: Booking } | { ok: false; reason: OfferAnswerRefusal };

/** Why an answer to an offer cannot be taken, read under the entry's lock; null when it can. */
function refusalOf(entry: WaitlistEntry | undefined, conversationId: string, now: Date, bookingId?: string): OfferAnswerRefusal | null {
  if (!entry) return "not_found";
  if (entry.conversationId !== conversationId) return "other_session";
  if (bookingId && entry.offerBookingId !== bookingId) return entry.status === "accepted" ? "already_accepted" : "expired";
  if (entry.status === "accepted") return "already_accepted";
  if (entry.status === "lapsed") return "expired";
  if (entry.status !== "offered") return "not_offered";
  if (!entry.offerExpiresAt || entry.offerExpiresAt <= now) return "expired";
  return null;
}

/**
 * The seeker takes the slot offered: the hold becomes their conversation's, for holdMinutes to finish
 * the request, and any other hold of theirs is let go. The answers they gave when they joined come
 * back with it, and the place's copy of them is erased. An offer that ran out, was answered already,
 * or belongs to another conversation changes nothing.
 */
export async function acceptOffer(
  db: Db,
  input: { entryId: string; bookingId?: string; conversationId: string; now: Date; holdMinutes: number; actor: string },
): Promise<AcceptResult> {
  if (!isUuid(input.entryId)) return { ok: false, reason: "not_found" };
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, input.entryId)).for("update");
    const refused = refusalOf(entry, input.conversationId, input.now, input.bookingId);
    if (refused) return { ok: false, reason: refused };
    const [hold] = await tx.select().from(bookings).where(eq(bookings.id, entry!.offerBookingId!)).for("update");
    if (!hold || hold.status !== "held" || (hold.holdExpiresAt && hold.holdExpiresAt <= input.now)) return { ok: false, reason: "expired" };
    await tx
      .update(bookings)
      .set({ status: "expired", updatedAt: input.now })
      .where(and(eq(bookings.conversationId, input.conversationId), eq(bookings.status, "held"), ne(bookings.id, hold.id)));
    const [taken] = await tx
      .update(bookings)
      .set({ conversationId: input.conversationId, holdExpiresAt: new Date(input.now.getTime() + input.holdMinutes * 60_000), updatedAt: input.now })
      .where(eq(bookings.id, hold.id))
      .returning();
    const [after] = await tx.update(waitlistEntries).set({ status: "accepted", answers: null, updatedAt: input.now }).where(eq(waitlistEntries.id, entry!.id)).returning();
    await writeAudit(tx, { at: input.now, actor: input.actor, action: "waitlist_accept", entity: "waitlist", entityId: entry!.id, before: snapshot(entry!), after: snapshot(after!) });
    return { ok: true, entry: entry!, hold: taken! };
  });
}

/** The seeker turns the offer down: the hold is let go at once for the next person, and the place ends. */
export async function declineOffer(
  db: Db,
  input: { entryId: string; bookingId?: string; conversationId: string; now: Date; actor: string },
): Promise<{ ok: true; entry: WaitlistEntry } | { ok: false; reason: OfferAnswerRefusal }> {
  if (!isUuid(input.entryId)) return { ok: false, reason: "not_found" };
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, input.entryId)).for("update");
    const refused = refusalOf(entry, input.conversationId, input.now, input.bookingId);
    if (refused) return { ok: false, reason: refused };
    return { ok: true, entry: await endPlace(tx, entry!, "declined", input.now, input.actor) };
  });
}

/** The seeker leaves their place (an offer open to them is let go too). */
export async function leaveWaitlist(db: Db, input: { entryId: string; conversationId: string; now: Date; actor: string }): Promise<WaitlistEntry | undefined> {
  if (!isUuid(input.entryId)) return undefined;
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, input.entryId)).for("update");
    if (!entry || entry.conversationId !== input.conversationId || !(liveWaitlistStatuses as readonly string[]).includes(entry.status)) return undefined;
    return endPlace(tx, entry, "left", input.now, input.actor);
  });
}

async function endPlace(tx: Executor, entry: WaitlistEntry, status: WaitlistStatus, now: Date, actor: string): Promise<WaitlistEntry> {
  if (entry.status === "offered" && entry.offerBookingId) {
    await tx
      .update(bookings)
      .set({ status: "expired", updatedAt: now })
      .where(and(eq(bookings.id, entry.offerBookingId), eq(bookings.status, "held"), sql`${bookings.conversationId} is null`));
  }
  const [after] = await tx.update(waitlistEntries).set({ status, answers: null, updatedAt: now }).where(eq(waitlistEntries.id, entry.id)).returning();
  await writeAudit(tx, { at: now, actor, action: `waitlist_${status}`, entity: "waitlist", entityId: entry.id, before: snapshot(entry), after: snapshot(after!) });
  return after!;
}

/**
 * The sweep's part: offers that ran out lapse (their holds go, the seeker is told), places whose
 * window can no longer be booked end, and then, in offer hours only, each free slot is offered to
 * the first waiting place whose window holds it, one offer per place, each in its own transaction
 * with its hold and its notice.
 */
export async function sweepWaitlist(
  db: Db,
  input: { offices: readonly Office[]; now: Date; offerMinutes: number },
): Promise<{ lapsed: number; ended: number; offered: number }> {
  const { now } = input;
  const lapsed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.status, "offered"), lte(waitlistEntries.offerExpiresAt, now)))
      .for("update", { skipLocked: true });
    for (const entry of due) {
      await endPlace(tx, entry, "lapsed", now, "system:waitlist-sweep");
      await enqueue(tx, waitlistNoticeJob("lapsed", entry.id, now, entry.offerBookingId ?? undefined));
    }
    return due.length;
  });

  let ended = 0;
  let offered = 0;
  for (const office of input.offices) {
    const waiting = await db
      .select()
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.officeId, office.id), eq(waitlistEntries.status, "waiting")))
      .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
    for (const candidate of waiting) {
      const outcome = await db.transaction(async (tx) => {
        const [entry] = await tx
          .select()
          .from(waitlistEntries)
          .where(and(eq(waitlistEntries.id, candidate.id), eq(waitlistEntries.status, "waiting")))
          .for("update", { skipLocked: true });
        if (!entry) return "none";
        if (await windowOver(tx, office, now, entry)) {
          await endPlace(tx, entry, "ended", now, "system:waitlist-sweep");
          await enqueue(tx, waitlistNoticeJob("ended", entry.id, now));
          return "ended";
        }
        if (!inOfferHours(now)) return "none";
        const slot = (await freeSlotsIn(tx, office, now, entry, entry.counsellorId))[0];
        if (!slot) return "none";
        const schedule = await loadSchedule(tx, office, now, { from: jstDate(slot.startsAt), to: jstDate(slot.startsAt) });
        const cutoff = bookingCutoff(office, jstDate(slot.startsAt), schedule.closures);
        const byClock = offerExpiry(now, input.offerMinutes);
        const expiresAt = cutoff < byClock ? cutoff : byClock;
        // A hold that ran out no longer protects its slot (as when a seeker takes one).
        await tx
          .update(bookings)
          .set({ status: "expired", updatedAt: now })
          .where(and(eq(bookings.officeId, office.id), eq(bookings.startsAt, slot.startsAt), eq(bookings.status, "held"), lte(bookings.holdExpiresAt, now)));
        for (const counsellorId of slot.counsellorIds) {
          // The partial unique index on (counsellor, start) decides a race with a seeker taking the slot.
          const [hold] = await tx
            .insert(bookings)
            .values({
              reference: newReference(office),
              officeId: office.id,
              counsellorId,
              counsellorNamed: entry.counsellorId !== null,
              status: "held",
              startsAt: slot.startsAt,
              endsAt: slotEnd(slot.startsAt),
              holdExpiresAt: expiresAt,
              // No conversation yet: the seeker's own flows let go of their holds, not of an offer.
              conversationId: null,
              channel: entry.channel,
              locale: entry.locale,
              createdAt: now,
              updatedAt: now,
            })
            .onConflictDoNothing()
            .returning();
          if (!hold) continue;
          const [after] = await tx
            .update(waitlistEntries)
            .set({ status: "offered", offerBookingId: hold.id, offeredAt: now, offerExpiresAt: expiresAt, updatedAt: now })
            .where(eq(waitlistEntries.id, entry.id))
            .returning();
          await writeAudit(tx, { at: now, actor: "system:waitlist-sweep", action: "waitlist_offer", entity: "waitlist", entityId: entry.id, before: snapshot(entry), after: { ...snapshot(after!), bookingId: hold.id } });
          await enqueue(tx, waitlistNoticeJob("offer", entry.id, now, hold.id));
          return "offered";
        }
        return "none";
      });
      if (outcome === "ended") ended++;
      if (outcome === "offered") offered++;
    }
  }
  return { lapsed, ended, offered };
}

export interface WaitlistRow {
  id: string;
  officeId: string;
  counsellorId: string | null;
  position: number;
  status: WaitlistStatus;
  channel: "web" | "line";
  window: WaitWindow;
  createdAt: Date;
  offer: { startsAt: Date; expiresAt: Date | null } | null;
}

/** Staff's view of one day: the live places whose window covers it, in queue order; no personal data. */
export async function waitlistOfDay(ex: Executor, input: { officeId?: string; date: string }): Promise<WaitlistRow[]> {
  const rows = await ex
    .select({ entry: waitlistEntries, offerStartsAt: bookings.startsAt })
    .from(waitlistEntries)
    .leftJoin(bookings, and(eq(bookings.id, waitlistEntries.offerBookingId), eq(waitlistEntries.status, "offered")))
    .where(
      and(
        input.officeId ? eq(waitlistEntries.officeId, input.officeId) : undefined,
        live,
        lte(waitlistEntries.fromDate, input.date),
        gte(waitlistEntries.toDate, input.date),
      ),
    )
    .orderBy(asc(waitlistEntries.officeId), asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
  const out: WaitlistRow[] = [];
  for (const { entry, offerStartsAt } of rows) {
    out.push({
      id: entry.id,
      officeId: entry.officeId,
      counsellorId: entry.counsellorId,
      position: await positionOf(ex, entry),
      status: entry.status,
      channel: entry.channel,
      window: { fromDate: entry.fromDate, toDate: entry.toDate, fromTime: entry.fromTime, toTime: entry.toTime },
      createdAt: entry.createdAt,
      offer: entry.status === "offered" && offerStartsAt ? { startsAt: offerStartsAt, expiresAt: entry.offerExpiresAt } : null,
    });
  }
  return out;
}

export interface StaffWaitlistRow {
  entry: WaitlistEntry;
  /** The place's number in its office's queue while it waits or has an offer open; null once it ended. */
  position: number | null;
  /** The hold of the current or last offer, when there was one. */
  offer: Pick<Booking, "id" | "reference" | "startsAt" | "endsAt" | "status"> | null;
}

/**
 * The console's list: the places whose window overlaps from..to (or runs on past from), in any status
 * or the ones asked for, by first day and time wished and then queue order. Unlike waitlistOfDay it
 * carries the answers (personal data), which the console shows as it shows a booking's name in a list.
 */
export async function waitlistForStaff(
  ex: Executor,
  input: { officeId?: string; from: string; to?: string; statuses: readonly WaitlistStatus[]; limit: number },
): Promise<StaffWaitlistRow[]> {
  const rows = await ex
    .select({
      entry: waitlistEntries,
      offer: { id: bookings.id, reference: bookings.reference, startsAt: bookings.startsAt, endsAt: bookings.endsAt, status: bookings.status },
    })
    .from(waitlistEntries)
    .leftJoin(bookings, eq(bookings.id, waitlistEntries.offerBookingId))
    .where(
      and(
        input.officeId ? eq(waitlistEntries.officeId, input.officeId) : undefined,
        inArray(waitlistEntries.status, [...input.statuses]),
        gte(waitlistEntries.toDate, input.from),
        input.to ? lte(waitlistEntries.fromDate, input.to) : undefined,
      ),
    )
    .orderBy(asc(waitlistEntries.fromDate), asc(waitlistEntries.fromTime), asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .limit(input.limit);
  const out: StaffWaitlistRow[] = [];
  for (const { entry, offer } of rows) {
    const live = (liveWaitlistStatuses as readonly string[]).includes(entry.status);
    out.push({ entry, position: live ? await positionOf(ex, entry) : null, offer: offer?.id ? offer : null });
  }
  return out;
}

/** Status, window and offer only: the audit log holds no personal data. */
function snapshot(e: WaitlistEntry): Record<string, unknown> {
  return {
    status: e.status,
    officeId: e.officeId,
    counsellorId: e.counsellorId,
    window: `${e.fromDate} ${e.fromTime}–${e.toDate} ${e.toTime}`,
    offerBookingId: e.offerBookingId,
    offerExpiresAt: e.offerExpiresAt?.toISOString() ?? null,
  };
}
