import { and, asc, desc, eq, inArray, lte, notInArray, or, sql } from "drizzle-orm";
import type { Db, Executor } from "./db.ts";
import { outbox } from "./schema.ts";

export type OutboxJob = typeof outbox.$inferSelect;

export interface NewJob {
  kind: string;
  /** One effect, one key: a second enqueue with the same key does nothing. */
  idempotencyKey: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  /** A cap on attempts; without it the job retries until the worker's horizon. */
  maxAttempts?: number;
  /** Jobs sharing this key run one at a time, in the order they were enqueued (e.g. 'line:<user id>'). */
  orderKey?: string;
}

/** Writes a job in the caller's transaction, so it exists exactly when the change that caused it does. */
export async function enqueue(tx: Executor, job: NewJob): Promise<void> {
  await tx
    .insert(outbox)
    .values({
      kind: job.kind,
      idempotencyKey: job.idempotencyKey,
      payload: job.payload,
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
      ...(job.orderKey ? { orderKey: job.orderKey } : {}),
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey });
}

/** An earlier job of the same order key that is not finished holds this one back. */
const noEarlierUnfinished = sql`(${outbox.orderKey} is null or not exists (
  select 1 from outbox as earlier
  where earlier.order_key = ${outbox.orderKey} and earlier.id < ${outbox.id} and earlier.status in ('pending', 'running')))`;

/**
 * Claims up to `limit` due jobs. Rows locked by another worker are skipped, a job whose lease ran
 * out (its worker died, on whatever attempt) is due again, and a job waits while an earlier one of
 * its order key is unfinished. `exclude`: jobs this process is running itself.
 */
export async function claimJobs(db: Db, options: { now: Date; limit: number; leaseMs: number; exclude?: number[] }): Promise<OutboxJob[]> {
  const { now, limit, leaseMs, exclude = [] } = options;
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          or(and(eq(outbox.status, "pending"), lte(outbox.runAt, now)), and(eq(outbox.status, "running"), lte(outbox.lockedUntil, now))),
          exclude.length > 0 ? notInArray(outbox.id, exclude) : undefined,
          noEarlierUnfinished,
        ),
      )
      .orderBy(asc(outbox.runAt), asc(outbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    return tx
      .update(outbox)
      .set({
        status: "running",
        attempts: sql`${outbox.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + leaseMs),
        firstAttemptAt: sql`coalesce(${outbox.firstAttemptAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(inArray(outbox.id, due))
      .returning();
  });
}

/** The claim's attempt number fences the update: a worker whose lease was taken over changes nothing. */
const stillOurs = (job: Pick<OutboxJob, "id" | "attempts">) => and(eq(outbox.id, job.id), eq(outbox.status, "running"), eq(outbox.attempts, job.attempts));

/** Extends the lease of a job still running here; false when another worker has taken it over. */
export async function renewLease(db: Db, job: Pick<OutboxJob, "id" | "attempts">, until: Date): Promise<boolean> {
  const rows = await db.update(outbox).set({ lockedUntil: until }).where(stillOurs(job)).returning({ id: outbox.id });
  return rows.length > 0;
}

export async function completeJob(db: Db, job: Pick<OutboxJob, "id" | "attempts">, now: Date): Promise<void> {
  await db.update(outbox).set({ status: "done", finishedAt: now, lockedUntil: null, lastError: null }).where(stillOurs(job));
}

/** Schedules another attempt at `retry.at`, or marks the job dead when `retry.dead`. */
export async function failJob(
  db: Db,
  job: Pick<OutboxJob, "id" | "attempts">,
  error: string,
  retry: { at: Date; dead: boolean },
  now: Date,
): Promise<"retry" | "dead"> {
  await db
    .update(outbox)
    .set(
      retry.dead
        ? { status: "dead", lastError: error, finishedAt: now, lockedUntil: null }
        : { status: "pending", lastError: error, runAt: retry.at, lockedUntil: null },
    )
    .where(stillOurs(job));
  return retry.dead ? "dead" : "retry";
}

export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db.select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Jobs of one status, newest first, without their payloads (which may carry personal data). */
export async function listJobs(ex: Executor, options: { status: OutboxJob["status"]; limit: number; beforeId?: number }) {
  return ex
    .select({
      id: outbox.id,
      kind: outbox.kind,
      status: outbox.status,
      attempts: outbox.attempts,
      createdAt: outbox.createdAt,
      firstAttemptAt: outbox.firstAttemptAt,
      finishedAt: outbox.finishedAt,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(and(eq(outbox.status, options.status), options.beforeId !== undefined ? sql`${outbox.id} < ${options.beforeId}` : undefined))
    .orderBy(desc(outbox.id))
    .limit(options.limit);
}

export async function findJob(ex: Executor, id: number): Promise<OutboxJob | undefined> {
  const [row] = await ex.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/**
 * Makes a dead job due now with a fresh horizon and no attempt cap. `payload` replaces the stored
 * one (e.g. with a fresh LINE retry key). False when the job is not dead (any more).
 */
export async function requeueJob(ex: Executor, id: number, now: Date, payload?: Record<string, unknown>): Promise<boolean> {
  const rows = await ex
    .update(outbox)
    .set({ status: "pending", runAt: now, attempts: 0, maxAttempts: null, firstAttemptAt: null, finishedAt: null, lockedUntil: null, ...(payload ? { payload } : {}) })
    .where(and(eq(outbox.id, id), eq(outbox.status, "dead")))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

