import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db, Executor } from "./db.ts";
import { outbox } from "./schema.ts";

export type OutboxJob = typeof outbox.$inferSelect;

export interface NewJob {
  kind: string;
  /** One effect, one key: a second enqueue with the same key does nothing. */
  idempotencyKey: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
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
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey });
}

/**
 * Claims up to `limit` due jobs. Rows locked by another worker are skipped, and a job whose lease
 * ran out (its worker died) is due again.
 */
export async function claimJobs(db: Db, options: { now: Date; limit: number; leaseMs: number }): Promise<OutboxJob[]> {
  const { now, limit, leaseMs } = options;
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        or(
          and(eq(outbox.status, "pending"), lte(outbox.runAt, now)),
          // A job whose lease ran out (its worker died) is due again, while it has attempts left.
          and(eq(outbox.status, "running"), lte(outbox.lockedUntil, now), lt(outbox.attempts, outbox.maxAttempts)),
        ),
      )
      .orderBy(asc(outbox.runAt), asc(outbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    return tx
      .update(outbox)
      .set({ status: "running", attempts: sql`${outbox.attempts} + 1`, lockedUntil: new Date(now.getTime() + leaseMs) })
      .where(inArray(outbox.id, due))
      .returning();
  });
}

/** The claim's attempt number fences the update: a worker whose lease was taken over changes nothing. */
const stillOurs = (job: Pick<OutboxJob, "id" | "attempts">) => and(eq(outbox.id, job.id), eq(outbox.status, "running"), eq(outbox.attempts, job.attempts));

export async function completeJob(db: Db, job: Pick<OutboxJob, "id" | "attempts">, now: Date): Promise<void> {
  await db.update(outbox).set({ status: "done", finishedAt: now, lockedUntil: null, lastError: null }).where(stillOurs(job));
}

/** Schedules another attempt, or marks the job dead after its last attempt (or at once when `permanent`). */
export async function failJob(
  db: Db,
  job: Pick<OutboxJob, "id" | "attempts" | "maxAttempts">,
  error: string,
  retry: { at: Date; permanent: boolean },
  now: Date,
): Promise<"retry" | "dead"> {
  const dead = retry.permanent || job.attempts >= job.maxAttempts;
  await db
    .update(outbox)
    .set(
      dead
        ? { status: "dead", lastError: error, finishedAt: now, lockedUntil: null }
        : { status: "pending", lastError: error, runAt: retry.at, lockedUntil: null },
    )
    .where(stillOurs(job));
  return dead ? "dead" : "retry";
}

export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db.select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
