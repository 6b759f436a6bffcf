// How long personal data stays: a booking's personal fields until RETENTION_DAYS after its session,
// then only what the statistics need (office, counsellor, slot, status, channel, language, kind).
// A seeker may also ask for their data, or for its erasure, before then (staff API, admin, audited).
import { and, eq, inArray, isNotNull, isNull, lt, notExists, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { personalFields, type PersonalField } from "../booking/details.ts";
import { writeAudit } from "./audit.ts";
import type { Db, Executor } from "./db.ts";
import { activeStatuses, auditLog, bookingNotes, bookings, consents, conversations, messages, outbox, seekerClearances, waitlistEntries, webhookInbox } from "./schema.ts";

/** What erasing leaves out of a booking: who the person is, how to reach them, what they said, and where the session was. */
const erased = {
  // Every detail declared personal (src/booking/details.ts), so a new personal question is erased too.
  ...(Object.fromEntries(personalFields.map((field) => [field, null])) as Record<PersonalField, null>),
  meetingUrl: null,
  accessCode: null,
  statusReason: null,
  statusDetail: null,
  // What the booking limits count by: derived from the email, the phone and the client's address.
  emailKey: null,
  phoneKey: null,
  clientKey: null,
  // The conversation holds the LINE user id or the web session: the link would tell whose booking it was.
  conversationId: null,
} as const;

/**
 * Erases the personal fields of bookings whose session ended before `before`, and what else names
 * the seekers once none of their bookings keeps personal data: the seeker number on their consents,
 * their no-show clearances, and the seeker number in old audit rows.
 */
export async function erasePastPersonalData(db: Db, input: { before: Date; now: Date }): Promise<{ bookings: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(bookings)
      .set({ ...erased, personalDataErasedAt: input.now })
      .where(and(isNull(bookings.personalDataErasedAt), lt(bookings.endsAt, input.before)))
      .returning({ id: bookings.id });
    // Staff's notes on a booking are free text about the person: they go with the personal fields.
    if (rows.length > 0) await tx.delete(bookingNotes).where(inArray(bookingNotes.bookingId, rows.map((r) => r.id)));
    for (const row of rows) {
      await writeAudit(tx, { at: input.now, actor: "system:retention-sweep", action: "erase_personal_data", entity: "booking", entityId: row.id });
    }
    const noBookingNames = (seekerNumber: AnyPgColumn) =>
      notExists(tx.select({ one: sql`1` }).from(bookings).where(eq(bookings.seekerNumber, seekerNumber)));
    await tx
      .update(consents)
      .set({ seekerNumber: null })
      .where(and(isNotNull(consents.seekerNumber), lt(consents.agreedAt, input.before), noBookingNames(consents.seekerNumber)));
    await tx.delete(seekerClearances).where(and(lt(seekerClearances.clearedAt, input.before), noBookingNames(seekerClearances.seekerNumber)));
    await tx
      .update(auditLog)
      .set({ entityId: "(erased)" })
      .where(and(eq(auditLog.entity, "seeker"), lt(auditLog.at, input.before), sql`${auditLog.entityId} <> '(erased)'`));
    return { bookings: rows.length };
  });
}

/**
 * Copies of what people said and were sent, kept only while they serve: LINE events as received (the
 * text typed) once answered and older than the idle rule's cutoff, like the transcripts; outbox jobs
 * (mails and messages with their contents) finished before the retention cutoff.
 */
export async function pruneDelivered(db: Db, input: { inboxBefore: Date; outboxBefore: Date }): Promise<{ inboxEvents: number; outboxJobs: number }> {
  const events = await db
    .delete(webhookInbox)
    .where(and(isNotNull(webhookInbox.processedAt), lt(webhookInbox.receivedAt, input.inboxBefore)))
    .returning({ id: webhookInbox.id });
  const jobs = await db
    .delete(outbox)
    .where(and(or(eq(outbox.status, "done"), eq(outbox.status, "dead")), lt(outbox.finishedAt, input.outboxBefore)))
    .returning({ id: outbox.id });
  return { inboxEvents: events.length, outboxJobs: jobs.length };
}

export interface SeekerData {
  seekerNumber: string;
  bookings: (typeof bookings.$inferSelect)[];
  consents: { termsVersion: string; channel: string; agreedAt: Date }[];
  noShowClearances: { clearedAt: Date }[];
  /** What was said in the conversations the bookings were made in, while the idle rule keeps it. */
  messages: { conversationId: string; author: string; body: unknown; createdAt: Date }[];
}

/** Everything stored under one seeker number, for a request to see one's own data. */
export async function seekerData(ex: Executor, seekerNumber: string): Promise<SeekerData> {
  const ofSeeker = await ex.select().from(bookings).where(eq(bookings.seekerNumber, seekerNumber)).orderBy(bookings.startsAt);
  const conversationIds = [...new Set(ofSeeker.flatMap((b) => (b.conversationId ? [b.conversationId] : [])))];
  const said =
    conversationIds.length === 0
      ? []
      : await ex
          .select({ conversationId: messages.conversationId, author: messages.author, body: messages.body, createdAt: messages.createdAt })
          .from(messages)
          .where(inArray(messages.conversationId, conversationIds))
          .orderBy(messages.id);
  const agreed = await ex
    .select({ termsVersion: consents.termsVersion, channel: consents.channel, agreedAt: consents.agreedAt })
    .from(consents)
    .where(eq(consents.seekerNumber, seekerNumber))
    .orderBy(consents.agreedAt);
  const cleared = await ex.select({ clearedAt: seekerClearances.clearedAt }).from(seekerClearances).where(eq(seekerClearances.seekerNumber, seekerNumber));
  return { seekerNumber, bookings: ofSeeker, consents: agreed, noShowClearances: cleared, messages: said };
}

export type EraseSeekerResult = { ok: true; bookings: number; messages: number } | { ok: false; reason: "active_booking" };

/**
 * Erases one seeker's personal data on request: the bookings' personal fields (the rows stay for the
 * statistics), the messages and answers of their conversations, the seeker number on consents, and
 * their no-show clearances. A booking still to come must be cancelled first.
 */
export async function eraseSeeker(db: Db, input: { seekerNumber: string; now: Date; actor: string; requestId: string }): Promise<EraseSeekerResult> {
  return db.transaction(async (tx) => {
    const ofSeeker = await tx.select().from(bookings).where(eq(bookings.seekerNumber, input.seekerNumber)).for("update");
    if (ofSeeker.some((b) => (activeStatuses as readonly string[]).includes(b.status) && b.endsAt > input.now)) {
      return { ok: false, reason: "active_booking" } as const;
    }
    const conversationIds = [...new Set(ofSeeker.flatMap((b) => (b.conversationId ? [b.conversationId] : [])))];
    let removed = 0;
    if (conversationIds.length > 0) {
      removed = (await tx.delete(messages).where(inArray(messages.conversationId, conversationIds)).returning({ id: messages.id })).length;
      await tx
        .update(conversations)
        .set({ state: sql`${conversations.state} - 'answers' - 'prefill' - 'lastTurn' - 'confirm' - 'history'` })
        .where(inArray(conversations.id, conversationIds));
    }
    const ids = ofSeeker.map((b) => b.id);
    if (ids.length > 0) {
      await tx.update(bookings).set({ ...erased, personalDataErasedAt: input.now }).where(inArray(bookings.id, ids));
      await tx.delete(bookingNotes).where(inArray(bookingNotes.bookingId, ids));
    }
    await tx.update(consents).set({ seekerNumber: null }).where(eq(consents.seekerNumber, input.seekerNumber));
    await tx.delete(seekerClearances).where(eq(seekerClearances.seekerNumber, input.seekerNumber));
    // Waitlist places hold the intake's answers: they end, and an offer open to them lets its hold go.
    const places = await tx
      .select()
      .from(waitlistEntries)
      .where(sql`${waitlistEntries.answers}->>'seekerNumber' = ${input.seekerNumber}`)
      .for("update");
    for (const place of places) {
      if (place.status === "offered" && place.offerBookingId) {
        await tx
          .update(bookings)
          .set({ status: "expired", updatedAt: input.now })
          .where(and(eq(bookings.id, place.offerBookingId), eq(bookings.status, "held"), isNull(bookings.conversationId)));
      }
      const live = place.status === "waiting" || place.status === "offered";
      await tx.update(waitlistEntries).set({ answers: null, ...(live ? { status: "left" as const } : {}), updatedAt: input.now }).where(eq(waitlistEntries.id, place.id));
    }
    await tx
      .update(auditLog)
      .set({ entityId: "(erased)" })
      .where(and(eq(auditLog.entity, "seeker"), eq(auditLog.entityId, input.seekerNumber)));
    for (const id of ids) {
      await writeAudit(tx, { at: input.now, actor: input.actor, action: "erase_personal_data", entity: "booking", entityId: id, after: { request: input.requestId } });
    }
    // The request itself, without the number it named.
    await writeAudit(tx, {
      at: input.now,
      actor: input.actor,
      action: "erase_seeker_data",
      entity: "seeker_request",
      entityId: input.requestId,
      after: { bookings: ids.length, messages: removed },
    });
    return { ok: true, bookings: ids.length, messages: removed } as const;
  });
}
