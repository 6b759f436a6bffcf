import type { Logger } from "pino";
import type { Config } from "../../config.ts";
import type { Store } from "../../store/db.ts";
import { waitingEvents } from "../../store/inbox.ts";
import { USER_PARTS } from "../../store/inbox.ts";
import { shareParts } from "../../store/partitions.ts";
import { reportLineParts } from "../../metrics/registry.ts";
import { createLineClient, type LineClient } from "../../line/client.ts";
import { join } from "node:path";
import { createLineSpool, type LineSpool } from "./spool.ts";
import { createLineProcessor, LINE_INBOX_SOURCE, type LineProcessor, type LineProcessorOptions } from "./processor.ts";

export interface LineDeps {
  config: Config;
  store: Pick<Store, "db" | "priorityDb" | "kind" | "notify">;
  logger: Logger;
  clock: () => Date;
  wakeOutbox: () => void;
}

/** Everything the LINE channel needs at run time; absent when LINE is not configured. */
export interface LineRuntime {
  channelSecret: string;
  client: LineClient;
  processor: LineProcessor;
  /** New events are in the inbox: wakes this process's processor and, on PostgreSQL, whichever process runs it. */
  eventsStored(): void;
  /** Deliveries the database could not take, kept in DATA_DIR until it can. */
  spool: LineSpool;
  /** Which users' events the processor reads: set by runLineProcessing (all of them until then). */
  answering: { parts(): readonly number[] | null };
}

export type LineRuntimeOptions = { client?: LineClient } & Partial<
  Pick<LineProcessorOptions, "concurrency" | "batchSize" | "replyWindowMs" | "retry">
>;

/** Needs LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN; without either there is no LINE channel. */
export function createLineRuntime(deps: LineDeps, options: LineRuntimeOptions = {}): LineRuntime | undefined {
  const channelSecret = deps.config.LINE_CHANNEL_SECRET;
  const accessToken = deps.config.LINE_CHANNEL_ACCESS_TOKEN;
  if (!channelSecret || !accessToken) return undefined;
  const { client: given, ...tuning } = options;
  const client = given ?? createLineClient({ accessToken, baseUrl: deps.config.LINE_API_BASE_URL });
  const answering = { parts: (): readonly number[] | null => null };
  const processor = createLineProcessor({
    parts: () => answering.parts(),
    db: deps.store.db,
    config: deps.config,
    clock: deps.clock,
    wakeOutbox: deps.wakeOutbox,
    logger: deps.logger,
    client,
    ...tuning,
  });
  // One NOTIFY at a time: wakes asked for while one is on its way are answered by one more after it.
  let notifying = false;
  let notifyAgain = false;
  function notifyOthers(): void {
    if (notifying) {
      notifyAgain = true;
      return;
    }
    notifying = true;
    notifyAgain = false;
    deps.store
      .notify(INBOX_CHANNEL, LINE_INBOX_SOURCE)
      .catch((error: unknown) => deps.logger.warn({ err: error instanceof Error ? error.name : typeof error }, "could not notify the LINE processor"))
      .finally(() => {
        notifying = false;
        if (notifyAgain) notifyOthers();
      });
  }
  function eventsStored(): void {
    processor.wake();
    // On PGlite this process is the only one.
    if (deps.store.kind === "postgres") notifyOthers();
  }
  const spool = createLineSpool({
    path: join(deps.config.DATA_DIR, LINE_SPOOL_FILE),
    // Replaying is the webhook's storing, late: on PGlite it goes ahead of answering too.
    db: deps.store.priorityDb,
    logger: deps.logger,
    maxBytes: deps.config.LINE_SPOOL_MAX_BYTES,
    retryMs: deps.config.LINE_SPOOL_RETRY_MS,
    onStored: eventsStored,
  });
  return { channelSecret, client, processor, eventsStored, spool, answering };
}

/** In the data folder, which belongs to one process. */
export const LINE_SPOOL_FILE = "line-spool.ndjson";

const runtimes = new WeakMap<object, LineRuntime | null>();

/**
 * The one LINE runtime of an app: made on first use from the app's deps, so the webhook route
 * and main.ts (which starts and stops its processor) share it.
 */
export function lineRuntimeOf(deps: LineDeps): LineRuntime | undefined {
  let runtime = runtimes.get(deps);
  if (runtime === undefined) {
    runtime = createLineRuntime(deps) ?? null;
    runtimes.set(deps, runtime);
  }
  return runtime ?? undefined;
}

/** The first key of the advisory locks on the parts of the LINE users (a 32-bit integer). Chosen once. */
export const LINE_PARTS_LOCK = 420_186_286;
/** The channel on which a process that stored webhook events says so; the payload is their source. */
export const INBOX_CHANNEL = "webhook_inbox";
/** A notification lost while the listening connection reconnected would strand events: look anyway. */
const RESCAN_EVERY_MS = 10_000;

export interface LineProcessing {
  /** Whether this process answers the events of any users now. */
  leading(): boolean;
  /** The parts of the users this process answers now (null: all, on the embedded store). */
  parts(): readonly number[] | null;
  stop(): Promise<void>;
}

/**
 * Answers LINE events in this process, woken by the events any process stores (LISTEN/NOTIFY). On
 * PostgreSQL the users are hashed into USER_PARTS parts shared among every process running this
 * (`shareParts`): each answers its parts' users, one user's events in one process at a time and in
 * inbox order; more processes answer more users at once, and a process that stops or dies leaves its
 * parts to the others within seconds. The embedded store has one process, which answers everyone.
 */
export async function runLineProcessing(store: Store, runtime: LineRuntime, logger: Logger, options: { heartbeatMs?: number } = {}): Promise<LineProcessing> {
  const unlisten = await store.listen(INBOX_CHANNEL, (source) => {
    if (source === LINE_INBOX_SOURCE) runtime.processor.wake();
  });
  const parts = shareParts(store, { key: LINE_PARTS_LOCK, count: USER_PARTS, name: "line-processor", role: runtime.processor, logger, ...options });
  runtime.answering.parts = parts.mine;
  reportLineParts(() => parts.mine()?.length ?? USER_PARTS);
  const rescan = setInterval(() => runtime.processor.wake(), RESCAN_EVERY_MS);
  rescan.unref();
  return {
    leading: parts.leading,
    parts: parts.mine,
    async stop() {
      clearInterval(rescan);
      await parts.stop();
      reportLineParts(() => 0);
      await runtime.processor.stop();
      await unlisten();
    },
  };
}

/**
 * Says in the log, every minute while it lasts, that LINE events have waited unanswered for more than
 * two minutes: no process is answering them (LINE_PROCESSOR=off and no `npm run line-worker`), or the
 * one that should is stuck. Returns the check, for tests, and the stop.
 */
export function watchLineBacklog(
  store: Pick<Store, "db">,
  logger: Logger,
  clock: () => Date,
  options: { everyMs?: number; olderThanMs?: number } = {},
): { check(): Promise<boolean>; stop(): void } {
  const olderThanMs = options.olderThanMs ?? 120_000;
  async function check(): Promise<boolean> {
    const { count, oldest } = await waitingEvents(store.db, LINE_INBOX_SOURCE);
    const waitedMs = oldest ? clock().getTime() - oldest.getTime() : 0;
    if (count === 0 || waitedMs < olderThanMs) return false;
    logger.warn(
      { waiting: count, oldestWaitedSeconds: Math.round(waitedMs / 1000) },
      "LINE events are waiting unanswered: is a process answering them? (with LINE_PROCESSOR=off, run npm run line-worker)",
    );
    return true;
  }
  const timer = setInterval(() => {
    check().catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.name : typeof error }, "could not look at the LINE inbox"));
  }, options.everyMs ?? 60_000);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
