/** Work on a connection that runs one thing at a time, and the lane it waits in. */
export type Lane = "first" | "second";

export interface TwoLanes {
  /**
   * Runs the work when the connection is free and no first-lane work waits: first-lane work waits
   * for at most the one thing running, never for the second lane's queue.
   */
  run<T>(lane: Lane, work: () => Promise<T>): Promise<T>;
  /** How many wait in each lane (not counting the one running). */
  waiting(): Record<Lane, number>;
}

interface Waiting {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * One thing at a time, first lane before second, each lane in arrival order. Second-lane work starts
 * from a fresh turn of the event loop (setImmediate), after pending I/O: PGlite runs in this thread,
 * and a chain of statements handed on through promises alone would keep incoming requests (whose
 * first-lane work should go ahead) unread until the whole chain had run.
 */
export function twoLanes(): TwoLanes {
  const queues: Record<Lane, Waiting[]> = { first: [], second: [] };
  let running = false;
  let deferred = false;

  function start(item: Waiting): void {
    running = true;
    let started: Promise<unknown>;
    try {
      started = item.work();
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(item.resolve, item.reject).finally(() => {
      running = false;
      next();
    });
  }

  function next(): void {
    if (running) return;
    const first = queues.first.shift();
    if (first) return start(first);
    if (queues.second.length === 0 || deferred) return;
    deferred = true;
    setImmediate(() => {
      deferred = false;
      if (running) return;
      const item = queues.first.shift() ?? queues.second.shift();
      if (item) start(item);
    });
  }

  return {
    run<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queues[lane].push({ work, resolve: resolve as (value: unknown) => void, reject });
        next();
      });
    },
    waiting: () => ({ first: queues.first.length, second: queues.second.length }),
  };
}
