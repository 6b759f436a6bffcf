import type { Db } from "../store/db.ts";
import { claimJobs, completeJob, failJob, type OutboxJob } from "../store/outbox.ts";

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
  /** How long a claimed job is ours before another worker may take it over. */
  leaseMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
  onError?: (error: unknown, job: OutboxJob | null, outcome: "retry" | "dead" | "worker") => void;
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
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 10;
  const pollMs = options.pollMs ?? 1_000;
  const onError = options.onError ?? (() => {});

  let stopped = true;
  const loops: Promise<void>[] = [];
  // The loops asleep until their next poll; wake() ends every sleep at once.
  const sleepers = new Set<() => void>();
  const wakeAll = () => [...sleepers].forEach((done) => done());

  async function runJob(job: OutboxJob): Promise<void> {
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      await handler(job.payload, job);
      await completeJob(options.db, job, clock());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = { at: new Date(clock().getTime() + retryDelay(job.attempts, backoff, random)), permanent: error instanceof PermanentJobError };
      const outcome = await failJob(options.db, job, message.slice(0, 2000), retry, clock());
      onError(error, job, outcome);
    }
  }

  async function runOnce(): Promise<number> {
    const jobs = await claimJobs(options.db, { now: clock(), limit: batchSize, leaseMs });
    await Promise.all(jobs.map(runJob));
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
