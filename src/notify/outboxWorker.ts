import type { Db } from "../store/db.ts";
import { claimJobs, completeJob, failJob, renewLease, type OutboxJob } from "../store/outbox.ts";

export type JobHandler = (payload: any, job: OutboxJob) => Promise<void>;

/** A failure that another attempt cannot fix (a rejected request): the job goes dead at once. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export interface OutboxWorkerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  clock?: () => Date;
  /** Loops claiming jobs in this process. */
  concurrency?: number;
  /** Jobs one claim takes. */
  batchSize?: number;
  /** How long to sleep when no job is due (a wake() cuts it short). */
  pollMs?: number;
  /**
   * How long a claimed job is ours without a heartbeat: the worker renews it every third of it while
   * the job runs, so a job whose worker died is taken over within about this long.
   */
  leaseMs?: number;
  /** Exponential, capped at maxMs. */
  backoff?: { baseMs: number; maxMs: number };
  /** How long after its first attempt a failing job keeps being retried before it is dead. */
  horizonMs?: number;
  random?: () => number;
  onError?: (error: unknown, job: OutboxJob | null, outcome: "retry" | "dead" | "worker") => void;
}

/**
 * The error kept with the job (and shown to admins): our handlers' own messages, which name no
 * person; a database error only by class and code, as its message may quote the row's values.
 */
function jobErrorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code ?? ((error as { cause?: { code?: unknown } }).cause?.code);
  if (error.cause !== undefined || /failed query/i.test(error.message) || error.name === "PostgresError") {
    return typeof code === "string" ? `${error.name} ${code}` : error.name;
  }
  return error.message;
}

/** Exponential backoff with jitter: attempt 1 waits about base, each next about twice as long. */
export function retryDelay(attempt: number, backoff: { baseMs: number; maxMs: number }, random: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export interface OutboxWorkers {
  /** Processes due jobs once in this call: for tests and for waking after an enqueue. */
  runOnce(): Promise<number>;
  /** Starts the claiming loops. */
  start(): void;
  wake(): void;
  /** Stops claiming and waits for the jobs in flight. */
  stop(): Promise<void>;
}

export function createOutboxWorkers(options: OutboxWorkerOptions): OutboxWorkers {
  const clock = options.clock ?? (() => new Date());
  const backoff = options.backoff ?? { baseMs: 5_000, maxMs: 15 * 60_000 };
  const random = options.random ?? Math.random;
  const leaseMs = options.leaseMs ?? 6_000;
  const horizonMs = options.horizonMs ?? 3 * 24 * 60 * 60_000;
  const batchSize = options.batchSize ?? 10;
  const pollMs = options.pollMs ?? 1_000;
  const onError = options.onError ?? (() => {});

  let stopped = true;
  const loops: Promise<void>[] = [];
  // The loops asleep until their next poll; wake() ends every sleep at once.
  const sleepers = new Set<() => void>();
  const wakeAll = () => [...sleepers].forEach((done) => done());

  /** Jobs running in this process: never claimed again here, even when a heartbeat came late. */
  const inFlight = new Set<number>();

  async function runJob(job: OutboxJob): Promise<void> {
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      await handler(job.payload, job);
      await completeJob(options.db, job, clock());
    } catch (error) {
      const message = jobErrorText(error);
      const now = clock();
      const at = new Date(now.getTime() + retryDelay(job.attempts, backoff, random));
      const firstAttempt = job.firstAttemptAt?.getTime() ?? now.getTime();
      const dead =
        error instanceof PermanentJobError ||
        (job.maxAttempts !== null && job.attempts >= job.maxAttempts) ||
        at.getTime() - firstAttempt > horizonMs;
      const outcome = await failJob(options.db, job, message.slice(0, 2000), { at, dead }, now);
      onError(error, job, outcome);
    }
  }

  async function runOnce(): Promise<number> {
    const jobs = await claimJobs(options.db, { now: clock(), limit: batchSize, leaseMs, exclude: [...inFlight] });
    if (jobs.length === 0) return 0;
    for (const job of jobs) inFlight.add(job.id);
    const running = new Set(jobs);
    // The heartbeat: while any job of this claim runs, its lease keeps moving ahead.
    const heartbeat = setInterval(() => {
      for (const job of running) {
        renewLease(options.db, job, new Date(clock().getTime() + leaseMs)).catch((error: unknown) => onError(error, job, "worker"));
      }
    }, Math.max(10, Math.floor(leaseMs / 3)));
    try {
      await Promise.all(
        jobs.map((job) =>
          runJob(job).finally(() => {
            running.delete(job);
            inFlight.delete(job.id);
          }),
        ),
      );
    } finally {
      clearInterval(heartbeat);
    }
    return jobs.length;
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      let processed = 0;
      try {
        processed = await runOnce();
      } catch (error) {
        onError(error, null, "worker");
      }
      if (processed === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            sleepers.delete(done);
            resolve();
          };
          const timer = setTimeout(done, pollMs);
          sleepers.add(done);
        });
      }
    }
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      for (let i = 0; i < (options.concurrency ?? 1); i++) loops.push(loop());
    },
    wake: wakeAll,
    async stop() {
      stopped = true;
      wakeAll();
      await Promise.all(loops.splice(0));
    },
  };
}
