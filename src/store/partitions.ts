import type { Logger } from "pino";
import type { PartitionLocks, Store } from "./db.ts";

/** Work split into numbered parts, of which this process runs the ones it holds. */
export interface PartitionedRole {
  start(): void;
  /** Stops and waits for the work in flight. */
  stop(): Promise<void>;
  /** More parts are this process's now: look for their work. */
  wake(): void;
  /** Whether work of the part is still queued or running here (a part is given away only when not). */
  busyWith(part: number): boolean;
}

export interface Partitions {
  /** The parts whose new work this process takes now (held, and not being handed on); null: all of them. */
  mine(): readonly number[] | null;
  /** Whether this process runs any part now. */
  leading(): boolean;
  /** Stops the role, lets every part go, and stops taking any. */
  stop(): Promise<void>;
}

export interface PartitionOptions {
  /** The advisory locks' first key (a 32-bit integer): one per kind of work. */
  key: number;
  /** How many parts the work is split into. */
  count: number;
  /** For the logs. */
  name: string;
  role: PartitionedRole;
  logger: Logger;
  /** How often the share is looked at again: parts are taken and handed on at this pace. */
  heartbeatMs?: number;
}

/**
 * Shares the parts among the processes that run this: each holds its fair share (parts ÷ members,
 * the first few by backend pid one more, so the shares add up), takes free parts when it has fewer, and hands on the extra ones when more processes
 * join — only once the role has no work of that part in hand, so one part's work never runs in two
 * processes at once and its order holds. A process that dies lets its parts go with its connection;
 * the others take them within a heartbeat or two. On the embedded store (one process) it runs every part.
 */
export function shareParts(store: Pick<Store, "partitionLocks">, options: PartitionOptions): Partitions {
  const { key, count, name, role, logger } = options;
  const heartbeatMs = options.heartbeatMs ?? 1_000;
  if (!store.partitionLocks) {
    role.start();
    return { mine: () => null, leading: () => true, stop: () => role.stop() };
  }
  const openSession = store.partitionLocks.bind(store);
  let session: PartitionLocks | null = null;
  let running = false;
  let stopped = false;
  const held = new Set<number>();
  const handingOn = new Set<number>();
  let mine: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let beat: Promise<void> = Promise.resolve();

  const refresh = () => (mine = [...held].filter((part) => !handingOn.has(part)).sort((a, b) => a - b));

  async function lose(why: string): Promise<void> {
    logger.warn({ role: name, why }, "lost the parts of this role; stopping it here");
    const ended = session;
    session = null;
    held.clear();
    handingOn.clear();
    refresh();
    if (running) {
      running = false;
      await role.stop();
    }
    await ended?.end();
  }

  async function tick(): Promise<void> {
    if (!session) {
      try {
        session = await openSession(key);
      } catch (error) {
        logger.warn({ role: name, err: error instanceof Error ? error.name : typeof error }, "cannot reach the database to share a role");
        return;
      }
    }
    const current = session;
    // A session that does not answer within a few beats counts as lost too (a connection gone
    // silent): stopping is the safe side, since the others take its parts only once it has ended.
    const silent = () => new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error("no answer"), { name: "SilentSession" })), Math.max(3 * heartbeatMs, 1_000)).unref());
    const ask = <T>(query: Promise<T>) => Promise.race([query, silent()]);
    try {
      const holding = new Set(await ask(current.held()));
      for (const part of held) if (!holding.has(part)) return await lose("a part was let go by the database");
      for (const part of [...handingOn]) {
        if (role.busyWith(part)) continue;
        await ask(current.give(part));
        held.delete(part);
        handingOn.delete(part);
      }
      // The first (count mod members) processes take one part more than the others.
      const members = await ask(current.members());
      const each = Math.max(1, members.count);
      const share = Math.floor(count / each) + (members.rank < count % each ? 1 : 0);
      const keeping = [...held].filter((part) => !handingOn.has(part)).sort((a, b) => b - a);
      for (const part of keeping.slice(0, Math.max(0, keeping.length - share))) handingOn.add(part);
      let taken = 0;
      if (held.size < share) {
        for (const part of shuffle(await ask(current.free(count)))) {
          if (held.size >= share) break;
          if (await ask(current.take(part))) {
            held.add(part);
            taken++;
          }
        }
      }
      const before = mine.length;
      refresh();
      if (mine.length !== before) logger.info({ role: name, parts: mine.length, of: count }, "running these parts of this role here");
      if (!running && held.size > 0) {
        running = true;
        role.start();
      } else if (taken > 0) {
        role.wake();
      }
    } catch (error) {
      await lose(error instanceof Error ? error.name : typeof error);
    }
  }

  function next(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      beat = tick().finally(next);
    }, heartbeatMs);
    timer.unref();
  }
  beat = tick().finally(next);

  return {
    mine: () => mine,
    leading: () => running && mine.length > 0,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await beat;
      mine = [];
      if (running) {
        running = false;
        await role.stop();
      }
      await session?.end();
      session = null;
      held.clear();
    },
  };
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
