import { and, asc, desc, eq, getTableColumns, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Executor } from "./db.ts";
import { outbox, webhookInbox } from "./schema.ts";

export type InboxEvent = typeof webhookInbox.$inferSelect;

export interface IncomingEvent {
  /** Which webhook it came from, e.g. 'line'. */
  source: string;
  /** The platform's own id of the event; a redelivery carries the same one. */
  eventId: string;
  /** Whose events must be handled in order (a LINE user, group or room id). */
  userKey: string | null;
  payload: unknown;
}

/**
 * Stores webhook events, each once: an event already stored (a redelivery) is skipped. Returns the
 * rows that were new, in the order given.
 */
export async function storeEvents(ex: Executor, events: IncomingEvent[], receivedAt?: Date): Promise<InboxEvent[]> {
  if (events.length === 0) return [];
  const rows = await ex
    .insert(webhookInbox)
    .values(
      events.map((e) => ({
        source: e.source,
        eventId: e.eventId,
        userKey: e.userKey,
        payload: e.payload,
        ...(receivedAt ? { receivedAt } : {}),
      })),
    )
    .onConflictDoNothing({ target: [webhookInbox.source, webhookInbox.eventId] })
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** How many parts the users are hashed into, for answering on several processes (src/store/partitions.ts). */
export const USER_PARTS = 64;

/** The part a user's events belong to (an event without a user is a part of its own). Stable across processes. */
const partOf = sql<number>`mod(hashtext(coalesce(${webhookInbox.userKey}, ${webhookInbox.id}::text)) & 2147483647, ${sql.raw(String(USER_PARTS))})`;

export type PendingEvent = InboxEvent & { part: number };

/**
 * Events not yet processed, oldest first, but those already in hand and those of users told to wait;
 * with `parts`, only those of users in these parts.
 */
export async function pendingEvents(
  ex: Executor,
  options: { source: string; limit: number; excludeIds?: number[]; excludeUserKeys?: string[]; parts?: readonly number[] | null },
): Promise<PendingEvent[]> {
  const { excludeIds = [], excludeUserKeys = [], parts = null } = options;
  return ex
    .select({ ...getTableColumns(webhookInbox), part: partOf })
    .from(webhookInbox)
    .where(
      and(
        isNull(webhookInbox.processedAt),
        eq(webhookInbox.source, options.source),
        parts ? inArray(partOf, [...parts]) : undefined,
        excludeIds.length > 0 ? notInArray(webhookInbox.id, excludeIds) : undefined,
        excludeUserKeys.length > 0
          ? or(isNull(webhookInbox.userKey), notInArray(webhookInbox.userKey, excludeUserKeys))
          : undefined,
      ),
    )
    .orderBy(asc(webhookInbox.id))
    .limit(options.limit);
}

/** Marks an event done; false when it already was (so the caller's transaction should not go on). */
export async function markProcessed(ex: Executor, id: number, now: Date): Promise<boolean> {
  const rows = await ex
    .update(webhookInbox)
    .set({ processedAt: now })
    .where(and(eq(webhookInbox.id, id), isNull(webhookInbox.processedAt)))
    .returning({ id: webhookInbox.id });
  return rows.length > 0;
}

/** Marks events done in one statement (the LINE processor writes the marks of events finished together at once). */
export async function markAllProcessed(ex: Executor, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await ex.update(webhookInbox).set({ processedAt: now }).where(and(inArray(webhookInbox.id, ids), isNull(webhookInbox.processedAt)));
}

/**
 * Notes, before a reply is sent, that one may go out (a later attempt then knows the token may be
 * used), unless answers of the same order key still wait in the outbox: a reply would overtake them.
 * True when noted, and the reply may go; false when the answer should be pushed behind them. One
 * statement; the outbox's statuses are written out so that its partial index serves the check.
 */
export async function noteReplyUnlessBehind(ex: Executor, id: number, orderKey: string, now: Date): Promise<boolean> {
  const rows = await ex
    .update(webhookInbox)
    .set({ replyAttemptedAt: now })
    .where(
      and(
        eq(webhookInbox.id, id),
        sql`not exists (select 1 from ${outbox} where ${outbox.orderKey} = ${orderKey} and ${outbox.status} in ('pending', 'running'))`,
      ),
    )
    .returning({ id: webhookInbox.id });
  return rows.length > 0;
}

/**
 * Counts a failed attempt and keeps the reason (an error name and status, never message text).
 * With `giveUp` the event leaves the pending list for good.
 */
export async function markFailed(ex: Executor, id: number, error: string, now: Date, options: { giveUp?: boolean } = {}): Promise<number> {
  const [row] = await ex
    .update(webhookInbox)
    .set({
      attempts: sql`${webhookInbox.attempts} + 1`,
      lastError: error.slice(0, 2000),
      ...(options.giveUp ? { processedAt: now } : {}),
    })
    .where(eq(webhookInbox.id, id))
    .returning({ attempts: webhookInbox.attempts });
  return row?.attempts ?? 0;
}

/** How many events of a source wait unprocessed, and since when the oldest has. */
export async function waitingEvents(ex: Executor, source: string): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await ex
    .select({ count: sql<number>`count(*)::int`, oldest: sql<Date | string | null>`min(${webhookInbox.receivedAt})` })
    .from(webhookInbox)
    .where(and(isNull(webhookInbox.processedAt), eq(webhookInbox.source, source)));
  const oldest = row?.oldest ?? null;
  return { count: row?.count ?? 0, oldest: oldest === null ? null : new Date(oldest) };
}

/** The markAsReadToken of a user's latest message, if LINE gave one: marking it marks all before it read. */
export async function latestMarkAsReadToken(ex: Executor, source: string, userKey: string): Promise<string | undefined> {
  const token = sql<string | null>`${webhookInbox.payload} -> 'message' ->> 'markAsReadToken'`;
  const [row] = await ex
    .select({ token })
    .from(webhookInbox)
    .where(and(eq(webhookInbox.source, source), eq(webhookInbox.userKey, userKey), sql`${token} is not null`))
    .orderBy(desc(webhookInbox.id))
    .limit(1);
  return row?.token ?? undefined;
}
