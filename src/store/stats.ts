import { and, eq, gte, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "./db.ts";
import { bookings, conversations, outbox, webhookInbox } from "./schema.ts";

/** Counts for the operators' metrics: statuses, kinds and offices only, never a person's data. */
export interface OperationalCounts {
  bookings: { officeId: string; status: string; count: number }[];
  outbox: { kind: string; status: string; count: number }[];
  /** When the oldest job that is due and not yet done became due; null when none waits. */
  oldestDueJobAt: Date | null;
  /** LINE pushes delivered since `monthStart` (what LINE counts against the plan's quota). */
  linePushesThisMonth: number;
  inbox: { waiting: number; oldestAt: Date | null };
  conversations: { channel: string; mode: string; count: number }[];
}

export async function operationalCounts(
  ex: Executor,
  at: { now: Date; monthStart: Date; activeSince: Date; lineSource: string },
): Promise<OperationalCounts> {
  const byOffice = await ex
    .select({ officeId: bookings.officeId, status: bookings.status, count: sql<number>`count(*)::int` })
    .from(bookings)
    .groupBy(bookings.officeId, bookings.status);
  const byKind = await ex
    .select({ kind: outbox.kind, status: outbox.status, count: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.kind, outbox.status);
  const [due] = await ex
    .select({ oldest: sql<Date | string | null>`min(${outbox.runAt})` })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.runAt, at.now)));
  const [pushes] = await ex
    .select({ count: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(eq(outbox.kind, "line.push"), eq(outbox.status, "done"), gte(outbox.finishedAt, at.monthStart)));
  const [inbox] = await ex
    .select({ waiting: sql<number>`count(*)::int`, oldest: sql<Date | string | null>`min(${webhookInbox.receivedAt})` })
    .from(webhookInbox)
    .where(and(isNull(webhookInbox.processedAt), eq(webhookInbox.source, at.lineSource)));
  const active = await ex
    .select({ channel: conversations.channel, mode: conversations.mode, count: sql<number>`count(*)::int` })
    .from(conversations)
    .where(gte(conversations.updatedAt, at.activeSince))
    .groupBy(conversations.channel, conversations.mode);
  const instant = (value: Date | string | null | undefined) => (value === null || value === undefined ? null : new Date(value));
  return {
    bookings: byOffice,
    outbox: byKind,
    oldestDueJobAt: instant(due?.oldest),
    linePushesThisMonth: pushes?.count ?? 0,
    inbox: { waiting: inbox?.waiting ?? 0, oldestAt: instant(inbox?.oldest) },
    conversations: active,
  };
}
