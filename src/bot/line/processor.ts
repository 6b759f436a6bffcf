import type { Logger } from "pino";
import type { Config } from "../../config.ts";
import { runTurn } from "../../flows/turn.ts";
import type { BotMessage, Inbound, Locale } from "../../messages.ts";
import { lineOrderKey, linePushJob } from "../../line/push.ts";
import { conversationOfUser, saveConversation, type Conversation } from "../../store/conversations.ts";
import type { Db, Executor } from "../../store/db.ts";
import { lineEventsHandled } from "../../metrics/registry.ts";
import { markAllProcessed, markFailed, markProcessed, noteReplyUnlessBehind, pendingEvents, type InboxEvent, type PendingEvent } from "../../store/inbox.ts";
import { enqueue } from "../../store/outbox.ts";
import type { LineClient } from "../../line/client.ts";
import { lineEventSchema, toInbound, type LineEvent } from "./events.ts";
import { renderForLine, type LineMessage } from "../../line/render.ts";
import { browserLocale, catalogues, wordsFor } from "../../i18n/index.ts";

export const LINE_INBOX_SOURCE = "line";

type Route = "reply" | "push";

export interface LineProcessorOptions {
  db: Db;
  config: Config;
  clock: () => Date;
  wakeOutbox: () => void;
  logger: Logger;
  client: LineClient;
  /** Users whose events are handled at the same time; one user's events always go one by one. */
  concurrency?: number;
  /** Events read from the inbox at once. */
  batchSize?: number;
  /** A reply token older than this is not tried: LINE keeps it about a minute. */
  replyWindowMs?: number;
  /** Retries of an event that failed (the database was away, a bug): backoff in real time. */
  retry?: { baseMs: number; maxMs: number; maxAttempts: number };
  /** The parts of the users (`USER_PARTS`) whose events this process answers now; null or absent: all. */
  parts?: () => readonly number[] | null;
}

export interface LineProcessor {
  /** Drains what the inbox holds (events stored before a restart included) and keeps going when woken. */
  start(): void;
  /** New events were stored (nothing happens before start()). */
  wake(): void;
  /** Resolves once nothing is queued, running or waiting for a retry. */
  idle(): Promise<void>;
  /** Stops taking events and waits for the ones in flight; the rest stay in the inbox for the next start. */
  stop(): Promise<void>;
  /** Whether events of users in this part are queued or running here. */
  busyWith(part: number): boolean;
}

/**
 * Handles the stored LINE events: one user's strictly in inbox order, different users side by
 * side. Each event runs one conversation turn and its answer goes out by reply, or through the
 * outbox as a push when the reply token is stale or LINE refuses it.
 */
export function createLineProcessor(options: LineProcessorOptions): LineProcessor {
  const { db, config, clock, wakeOutbox, logger, client } = options;
  const concurrency = options.concurrency ?? 8;
  const batchSize = options.batchSize ?? 100;
  const replyWindowMs = options.replyWindowMs ?? 50_000;
  const retry = options.retry ?? { baseMs: 1_000, maxMs: 60_000, maxAttempts: 8 };
  const turnDeps = { db, config, clock, wakeOutbox };

  // Nothing is read until start(): shareParts starts it once this process holds parts of the users.
  let stopped = true;
  let filling: Promise<void> | null = null;
  let fillAgain = false;
  /** The last read stopped because the queue was full: a finished event reads again. */
  let behind = false;
  /** Events read and not yet done, with their users' part. */
  const queued = new Map<number, number>();
  const queues = new Map<string, PendingEvent[]>();
  const active = new Map<string, Promise<void>>();
  const waiting: string[] = [];
  /** Users whose oldest event failed: nothing of theirs runs until the time (ms since epoch, real). */
  const blocked = new Map<string, number>();
  let retryTimer: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];

  const keyOf = (row: InboxEvent) => row.userKey ?? `event:${row.id}`;

  // An answered event is marked done together with those of other users answered at the same moment:
  // one statement for all (group commit). Each waits for its own mark, so a user's next event starts
  // only once the earlier one is marked: a rerun after a crash is always that user's latest turn.
  let marks: { id: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let marking = false;
  function markAnswered(id: number): Promise<void> {
    return new Promise((resolve, reject) => {
      marks.push({ id, resolve, reject });
      if (!marking) {
        marking = true;
        setImmediate(writeMarks);
      }
    });
  }
  function writeMarks(): void {
    const batch = marks;
    marks = [];
    markAllProcessed(db, batch.map((m) => m.id), clock())
      .then(
        () => batch.forEach((m) => m.resolve()),
        (error: unknown) => batch.forEach((m) => m.reject(error)),
      )
      .finally(() => {
        if (marks.length > 0) setImmediate(writeMarks);
        else marking = false;
      });
  }

  function isIdle(): boolean {
    return !filling && queued.size === 0 && active.size === 0 && blocked.size === 0;
  }

  function settle(): void {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function wake(): void {
    if (stopped) return;
    fillAgain = true;
    if (filling) return;
    filling = fill()
      .catch((error: unknown) => {
        logger.error({ err: errorName(error) }, "reading the LINE inbox failed");
        // The database may be back in a moment; try again rather than leave events behind.
        scheduleRescan(retry.baseMs);
      })
      .finally(() => {
        filling = null;
        if (fillAgain && !stopped) wake();
        else settle();
      });
  }

  async function fill(): Promise<void> {
    while (!stopped && fillAgain) {
      fillAgain = false;
      if (queued.size >= batchSize) {
        behind = true;
        return;
      }
      behind = false;
      const now = Date.now();
      for (const [key, until] of blocked) if (until <= now) blocked.delete(key);
      // A timer may fire a moment early: whoever still waits gets a timer of their own.
      if (blocked.size > 0) scheduleRescan(retry.maxMs);
      const parts = options.parts?.() ?? null;
      if (parts?.length === 0) return;
      const rows = await pendingEvents(db, {
        source: LINE_INBOX_SOURCE,
        limit: batchSize,
        excludeIds: [...queued.keys()],
        excludeUserKeys: [...blocked.keys()],
        parts,
      });
      for (const row of rows) {
        if (queued.has(row.id) || blocked.has(keyOf(row))) continue;
        queued.set(row.id, row.part);
        const key = keyOf(row);
        const queue = queues.get(key);
        if (queue) queue.push(row);
        else queues.set(key, [row]);
        if (!active.has(key) && !waiting.includes(key)) waiting.push(key);
      }
      startWorkers();
      if (rows.length === batchSize) fillAgain = true;
    }
  }

  function startWorkers(): void {
    while (!stopped && active.size < concurrency && waiting.length > 0) {
      const key = waiting.shift()!;
      const work = runUser(key).finally(() => {
        active.delete(key);
        if (!stopped && (queues.get(key)?.length ?? 0) > 0) waiting.push(key);
        startWorkers();
        if (!stopped && behind && queued.size < batchSize / 2) wake();
        settle();
      });
      active.set(key, work);
    }
  }

  async function runUser(key: string): Promise<void> {
    const queue = queues.get(key);
    while (!stopped && queue && queue.length > 0) {
      const row = queue.shift()!;
      const done = await attempt(row);
      queued.delete(row.id);
      if (!done) {
        // Later events of this user wait behind the failed one, and are read again after it.
        for (const later of queue) queued.delete(later.id);
        queue.length = 0;
      }
    }
    if (queue && queue.length === 0) queues.delete(key);
    if (stopped && queue) {
      for (const later of queue) queued.delete(later.id);
      queues.delete(key);
    }
  }

  async function attempt(row: InboxEvent): Promise<boolean> {
    try {
      await processEvent(row);
      lineEventsHandled.inc({ outcome: "done" });
      return true;
    } catch (error) {
      const attempts = row.attempts + 1;
      const giveUp = attempts >= retry.maxAttempts;
      lineEventsHandled.inc({ outcome: giveUp ? "given_up" : "retry" });
      await markFailed(db, row.id, errorName(error), clock(), { giveUp }).catch(() => {});
      logger.error({ inboxId: row.id, eventId: row.eventId, attempts, giveUp, err: errorName(error) }, "a LINE event failed");
      if (giveUp) return true;
      const delay = Math.min(retry.maxMs, retry.baseMs * 2 ** (attempts - 1));
      blocked.set(keyOf(row), Date.now() + delay);
      scheduleRescan(delay);
      return false;
    }
  }

  function scheduleRescan(delayMs: number): void {
    if (stopped) return;
    if (retryTimer) clearTimeout(retryTimer);
    const next = Math.max(1, Math.min(delayMs, ...[...blocked.values()].map((t) => t - Date.now() + 1)));
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      wake();
    }, next);
    retryTimer.unref();
  }

  async function processEvent(row: InboxEvent): Promise<void> {
    const parsed = lineEventSchema.safeParse(row.payload);
    if (!parsed.success) {
      // Stored only after the same check passed; a row this code cannot read is left for a person.
      await markFailed(db, row.id, "stored event does not parse", clock(), { giveUp: true });
      return;
    }
    const event = parsed.data;
    const meaning = toInbound(event);
    const now = clock();
    switch (meaning.kind) {
      case "ignore":
        await markProcessed(db, row.id, now);
        return;
      case "unfollow":
        await db.transaction(async (tx) => {
          const conversation = await conversationOfUser(tx, "line", meaning.userId, now);
          if (conversation.followed) await saveConversation(tx, conversation, { followed: false }, now);
          await markProcessed(tx, row.id, now);
        });
        return;
      case "group":
        // The booking flow runs only one to one; on joining a group the bot says so once.
        if (meaning.eventType === "join") {
          await deliver(row, event, meaning.chatId, renderForLine([{ text: catalogues.ja.line.groupNote }], "ja"), { replyOnly: true });
        } else {
          await markProcessed(db, row.id, now);
        }
        return;
      case "unsupported": {
        const conversation = await conversationOfUser(db, "line", meaning.userId, now);
        const words = wordsFor(conversation.locale).line;
        const text = meaning.what === "postback" ? words.unreadableChoice : words.pleaseType;
        await deliver(row, event, meaning.userId, renderForLine([{ text }], conversation.locale));
        return;
      }
      case "inbound": {
        let conversation = await conversationOfUser(db, "line", meaning.userId, now);
        if (meaning.inbound.kind === "start" && !conversation.followed) {
          const version = await saveConversation(db, conversation, { followed: true }, now);
          conversation = { ...conversation, followed: true, version, updatedAt: now };
        }
        const shared = await profileLocale(conversation, meaning.userId);
        if (shared) {
          const version = await saveConversation(db, conversation, { locale: shared }, now);
          conversation = { ...conversation, locale: shared, version, updatedAt: now };
        }
        // Understanding a date and checking the calendar can take a moment: show that we are on it.
        const loading = mayTakeLong(meaning.inbound) ? client.showLoading(meaning.userId, 5).catch(() => undefined) : undefined;
        // How the answer will go is decided, and a reply noted as tried, in the turn's own transaction:
        // no commit of its own.
        let decided: Route | undefined;
        const result = await runTurn(turnDeps, conversation, meaning.inbound, {
          key: `line:${row.eventId}`,
          alongside: async (tx) => void (decided = await route(tx, row, event, meaning.userId)),
        });
        await loading;
        await deliver(row, event, meaning.userId, render(result.messages, result.locale), { decided });
        return;
      }
    }
  }

  /**
   * A conversation's first turn speaks the language of the person's LINE profile, when they share it
   * (LINE leaves it out until they accept its privacy policy) and we speak it; else the conversation's
   * own, Japanese. Asked once: any turn leaves state behind.
   */
  async function profileLocale(conversation: Conversation, userId: string): Promise<Locale | undefined> {
    if (Object.keys(conversation.state ?? {}).length > 0) return undefined;
    const answer = await client.profile(userId).catch(() => undefined);
    const language = answer?.ok ? answer.profile.language : undefined;
    const locale = language ? browserLocale([language]) : undefined;
    return locale !== conversation.locale ? locale : undefined;
  }

  function render(messages: BotMessage[], locale: Locale): LineMessage[] {
    return messages.length === 0 ? [] : renderForLine(messages, locale);
  }

  /**
   * Reply or push, a reply noted as tried before it goes: a reply while the token is fresh, unless it
   * would overtake this user's earlier answers still waiting in the outbox (then a push behind them).
   * An earlier attempt at this event may have replied before the process died or lost the database:
   * then the reply is tried again.
   */
  async function route(ex: Executor, row: InboxEvent, event: LineEvent, to: string): Promise<Route> {
    if (!event.replyToken || clock().getTime() - event.timestamp >= replyWindowMs) return "push";
    if (row.replyAttemptedAt !== null) return "reply";
    return (await noteReplyUnlessBehind(ex, row.id, lineOrderKey(to), clock())) ? "reply" : "push";
  }

  /**
   * Replies while the token is fresh; otherwise, or when LINE refuses the token or is busy, the
   * answer becomes a push job written in the same transaction that marks the event done.
   */
  async function deliver(
    row: InboxEvent,
    event: LineEvent,
    to: string,
    messages: LineMessage[],
    options: { replyOnly?: boolean; decided?: Route } = {},
  ): Promise<void> {
    if (messages.length === 0) {
      await markProcessed(db, row.id, clock());
      return;
    }
    const token = event.replyToken;
    const triedBefore = row.replyAttemptedAt !== null;
    // Decided with the turn, or now.
    const way = options.decided ?? (await route(db, row, event, to));
    if (token && way === "reply") {
      const result = await client.reply(token, messages);
      if (result.ok) {
        await markAnswered(row.id);
        return;
      }
      if (result.kind === "invalid_reply_token" && triedBefore) {
        // The token is fresh, so it was used: by the earlier attempt, whose reply went out.
        await markProcessed(db, row.id, clock());
        logger.info({ inboxId: row.id, eventId: row.eventId }, "LINE reply token used by an earlier attempt; counted as sent");
        return;
      }
      if (result.kind === "rejected") {
        // LINE refused the messages themselves: a push of the same would be refused too.
        await markFailed(db, row.id, `reply rejected: ${result.status} ${result.message}`, clock(), { giveUp: true });
        logger.error({ inboxId: row.id, eventId: row.eventId, status: result.status }, "LINE rejected a reply");
        return;
      }
      logger.info({ inboxId: row.id, eventId: row.eventId, status: result.status, kind: result.kind }, "LINE reply failed; pushing instead");
    }
    if (options.replyOnly) {
      await markProcessed(db, row.id, clock());
      return;
    }
    await db.transaction(async (tx) => {
      await enqueue(tx, linePushJob({ idempotencyKey: `line:event:${row.eventId}`, to, messages, runAt: clock() }));
      await markProcessed(tx, row.id, clock());
    });
    wakeOutbox();
  }

  return {
    start() {
      stopped = false;
      wake();
    },
    wake,
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    busyWith(part) {
      for (const of of queued.values()) if (of === part) return true;
      return false;
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      blocked.clear();
      await Promise.allSettled([filling, ...active.values()]);
      queued.clear();
      queues.clear();
      waiting.length = 0;
      settle();
    },
  };
}

function mayTakeLong(inbound: Inbound): boolean {
  return inbound.kind === "text" || inbound.kind === "datetime";
}

// Logs carry the error's kind, never its message: a database error can quote the row it refused.
function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? `${error.name} ${code}` : error.name;
  }
  return typeof error;
}
