import type { Logger } from "pino";
import type { HeldLock, Store } from "./db.ts";

/** Work that must run in one process at a time, however many processes share the database. */
export interface SingleRole {
  start(): void;
  /** Stops and waits for the work in flight. */
  stop(): Promise<void>;
}

export interface Leadership {
  /** Whether this process holds the role now. */
  leading(): boolean;
  /** Gives the role up (stopping it first) and stops trying to take it. */
  stop(): Promise<void>;
}

export interface LeadershipOptions {
  /** The advisory lock's key: one per role. */
  key: number;
  /** For the logs. */
  name: string;
  role: SingleRole;
  logger: Logger;
  /** How often a process standing by tries to take the role over. */
  retryMs?: number;
  /**
   * How often the holder checks that its lock's session is alive (default 1 s, shorter than retryMs:
   * a holder that lost its session has usually stopped before another takes over).
   */
  heartbeatMs?: number;
}

/**
 * Runs the role while this process holds its lock, and stands by otherwise: when the holder stops
 * or dies, its lock ends with its connection and a process standing by takes over within retryMs.
 */
export function keepLeading(store: Store, options: LeadershipOptions): Leadership {
  const { key, name, role, logger } = options;
  const retryMs = options.retryMs ?? 2_000;
  let stopped = false;
  let lock: HeldLock | null = null;
  let timer: NodeJS.Timeout | undefined;
  let attempt: Promise<void> = Promise.resolve();

  function later(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      attempt = tryToLead();
    }, retryMs);
    timer.unref();
  }

  async function tryToLead(): Promise<void> {
    let taken: HeldLock | null;
    try {
      taken = await store.tryLock(key, { heartbeatMs: options.heartbeatMs });
    } catch (error) {
      logger.warn({ role: name, err: error instanceof Error ? error.name : typeof error }, "cannot reach the database to take a role");
      return later();
    }
    if (!taken) return later();
    if (stopped) return taken.release();
    lock = taken;
    logger.info({ role: name }, "running this role here");
    role.start();
    void taken.lost.then(async () => {
      if (lock !== taken) return;
      lock = null;
      logger.warn({ role: name }, "lost the lock of this role; stopping it here");
      await role.stop();
      later();
    });
  }

  attempt = tryToLead();
  return {
    leading: () => lock !== null,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await attempt;
      const held = lock;
      lock = null;
      if (held) {
        await role.stop();
        await held.release();
      }
    },
  };
}
