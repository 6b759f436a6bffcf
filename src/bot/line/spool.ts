import { mkdirSync, openSync, closeSync, fsyncSync, fstatSync, readFileSync, readSync, ftruncateSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import type { Logger } from "pino";
import { errorFields } from "../../logger.ts";
import { lineSpoolBytes, lineSpoolFull, lineWebhookEvents } from "../../metrics/registry.ts";
import type { Executor } from "../../store/db.ts";
import { storeEvents, type IncomingEvent } from "../../store/inbox.ts";
import { chatIdOf, lineWebhookBodySchema, type LineEvent } from "./events.ts";
import { LINE_INBOX_SOURCE } from "./processor.ts";

/**
 * LINE deliveries kept on local disk while the database cannot take them, so the webhook still
 * answers 200 and nothing depends on LINE's optional redelivery. One line per delivery
 * (`{"at": ISO time, "body": the signed body as sent}`), appended and fsynced before the 200; a
 * replayer stores the lines in file order once the database answers (the inbox keeps each
 * webhookEventId once, so replaying a line twice after a crash stores nothing twice), then empties
 * the file. While it holds anything, new deliveries go behind it, so the inbox keeps arrival order.
 */
export interface LineSpool {
  /** True while deliveries wait in the file: a new one must go behind them. */
  waiting(): boolean;
  /** Appends and fsyncs a verified delivery; false when the file would pass its size limit. */
  append(body: string, receivedAt: Date): Promise<boolean>;
  /** Stores what waits, in order, and empties the file; returns the events that were new. Throws when the database fails. */
  replay(): Promise<number>;
  /** Replays what an earlier process left, then retries every retryMs while anything waits. */
  start(): void;
  stop(): Promise<void>;
}

export interface LineSpoolOptions {
  path: string;
  db: Executor;
  logger: Logger;
  maxBytes: number;
  retryMs: number;
  /** Events were stored: wake whoever answers them. */
  onStored: () => void;
}

interface SpoolLine {
  at: string;
  body: string;
}

/** The inbox rows of a delivery already parsed by lineWebhookBodySchema. */
export function toInboxEvents(body: { events: LineEvent[] }): IncomingEvent[] {
  return body.events.map((event) => ({
    source: LINE_INBOX_SOURCE,
    eventId: event.webhookEventId,
    userKey: chatIdOf(event),
    payload: event,
  }));
}

/**
 * One process at a time spools into a data folder: two would each empty the file under the other's
 * acknowledged lines. The lock file names its holder (host and pid); a holder that is gone from this
 * host is taken over. Another holder, or one on another host, leaves this process without a spool.
 */
function claimSpool(lockPath: string): { mine: true } | { mine: false; holder: string } {
  const me = `${hostname()} ${process.pid}`;
  try {
    mkdirSync(dirname(lockPath), { recursive: true });
    writeFileSync(lockPath, me, { flag: "wx" });
    return { mine: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const holder = readFileSync(lockPath, "utf8").trim();
  if (holder === me) return { mine: true };
  const [host, pid] = holder.split(" ");
  if (host === hostname() && !isAlive(Number(pid))) {
    writeFileSync(lockPath, me);
    return { mine: true };
  }
  return { mine: false, holder };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function createLineSpool(options: LineSpoolOptions): LineSpool {
  const { path, logger, maxBytes } = options;
  let fd: number | undefined;
  let size = 0;
  // Appends and the emptying of the file take turns, so a line appended during a replay is never cut.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => T | Promise<T>): Promise<T> => {
    const next = turn.then(work);
    turn = next.catch(() => {});
    return next;
  };
  let replaying: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let claimed: boolean | undefined;
  const lockPath = `${path}.lock`;
  function mine(): boolean {
    if (claimed === undefined) {
      const claim = claimSpool(lockPath);
      claimed = claim.mine;
      if (!claim.mine) logger.warn({ holder: claim.holder }, "LINE spool belongs to another process in this data folder: this one answers 503 while the database is away (give each server its own DATA_DIR)");
    }
    return claimed;
  }

  function open(): number {
    if (fd !== undefined) return fd;
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, "a+");
    size = fstatSync(fd).size;
    // A line cut by a crash was never acknowledged: drop it so the next one starts on a line of its own.
    const end = lastNewline(fd, size);
    if (end < size) {
      ftruncateSync(fd, end);
      fsyncSync(fd);
      size = end;
    }
    // The file's name must survive a crash too.
    const dir = openSync(dirname(path), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    lineSpoolBytes.set(size);
    return fd;
  }

  function read(from: number, to: number): Buffer {
    const buffer = Buffer.alloc(to - from);
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(open(), buffer, done, buffer.length - done, from + done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done);
  }

  async function storeLines(from: number, to: number): Promise<number> {
    let stored = 0;
    for (const text of read(from, to).toString("utf8").split("\n")) {
      if (text === "") continue;
      let events: IncomingEvent[];
      let receivedAt: Date;
      try {
        const line = JSON.parse(text) as SpoolLine;
        events = toInboxEvents(lineWebhookBodySchema.parse(JSON.parse(line.body)));
        receivedAt = new Date(line.at);
      } catch (error) {
        // Only verified, parsed bodies are written, so this is a damaged disk: say so, keep going.
        logger.error({ err: errorFields(error) }, "LINE spool line unreadable, skipped");
        continue;
      }
      const rows = await storeEvents(options.db, events, receivedAt);
      lineWebhookEvents.inc({ result: "replayed" }, rows.length);
      stored += rows.length;
    }
    return stored;
  }

  async function replayOnce(): Promise<number> {
    let from = 0;
    let stored = 0;
    try {
      for (;;) {
        const to = await inTurn(() => (open(), size));
        if (to > from) {
          stored += await storeLines(from, to);
          if (stored > 0) options.onStored();
          from = to;
        }
        // Emptied only when nothing came in meanwhile; otherwise the new lines are stored first.
        const emptied = await inTurn(() => {
          if (size !== from) return false;
          if (size > 0) {
            ftruncateSync(open(), 0);
            fsyncSync(open());
            size = 0;
            lineSpoolBytes.set(0);
          }
          return true;
        });
        if (emptied) break;
      }
    } finally {
      replaying = undefined;
    }
    if (from > 0) logger.info({ events: stored, bytes: from }, "LINE spool replayed");
    return stored;
  }

  function replay(): Promise<number> {
    if (!mine()) return Promise.resolve(0);
    replaying ??= replayOnce();
    return replaying;
  }

  function schedule(): void {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      replay()
        .catch((error: unknown) => logger.warn({ err: errorFields(error), bytes: size }, "LINE spool replay waits for the database"))
        .finally(() => {
          if (size > 0) schedule();
        });
    }, options.retryMs);
    timer.unref();
  }

  return {
    waiting: () => size > 0 || replaying !== undefined,
    append(body, receivedAt) {
      if (!mine()) return Promise.resolve(false);
      return inTurn(() => {
        const line = Buffer.from(JSON.stringify({ at: receivedAt.toISOString(), body } satisfies SpoolLine) + "\n", "utf8");
        const handle = open();
        if (size + line.length > maxBytes) {
          lineSpoolFull.inc();
          logger.error({ bytes: size, maxBytes }, "LINE spool full: the webhook answers 503 until the database is back");
          return false;
        }
        if (size === 0) logger.warn("LINE spool started: the database cannot take LINE events, they are kept on disk");
        writeSync(handle, line);
        fsyncSync(handle);
        size += line.length;
        lineSpoolBytes.set(size);
        schedule();
        return true;
      });
    },
    replay,
    start() {
      stopped = false;
      if (!mine()) return;
      open();
      if (size > 0) {
        logger.info({ bytes: size }, "LINE spool left by an earlier process: replaying");
        schedule();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      // What waits is on disk already: a replay stuck on a stalled database must not hold up the shutdown.
      await Promise.race([replaying?.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
      await inTurn(() => {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
      });
      if (claimed) rmSync(lockPath, { force: true });
      claimed = undefined;
    },
  };
}

/** The length of the file up to and including its last newline. */
function lastNewline(fd: number, size: number): number {
  const chunk = Buffer.alloc(4096);
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - chunk.length);
    const n = readSync(fd, chunk, 0, end - start, start);
    const i = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (i >= 0) return start + i + 1;
    end = start;
  }
  return 0;
}
