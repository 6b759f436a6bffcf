import type { Config } from "../config.ts";
import { appendMessages, findConversation, saveConversation, type Conversation } from "../store/conversations.ts";
import type { Db, Executor } from "../store/db.ts";
import type { ConversationState } from "./context.ts";
import { cleanText, converse, type TurnResult } from "./engine.ts";
import type { Inbound } from "../messages.ts";

export interface TurnDeps {
  db: Db;
  config: Config;
  clock: () => Date;
  wakeOutbox: () => void;
}

// Turns of one conversation run one after another in this process; across processes the
// version check in saveConversation refuses a turn that read a stale state.
const running = new Map<string, Promise<unknown>>();

/** A turn whose caller has already been told to try again (the database did not answer in time). */
export class TurnAbandoned extends Error {
  override name = "TurnAbandoned";
}

/**
 * Runs work after the key's earlier work; `waited` says whether there was any. Work given up on
 * (its signal aborted) does not hold up the work after it: it cannot take effect any more.
 */
function serialize<T>(key: string, work: (waited: boolean) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const previous = running.get(key);
  const run = () => work(previous !== undefined);
  const next = (previous ?? Promise.resolve()).then(run, run);
  const given = signal ? new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true }))) : undefined;
  const settled = given ? Promise.race([next.catch(() => {}), given]) : next.catch(() => {});
  running.set(key, settled);
  void settled.then(() => {
    if (running.get(key) === settled) running.delete(key);
  });
  return next;
}

/**
 * Runs one turn of a conversation and stores its new state and the messages both ways. With a key
 * (a webhook event id), running the same event again after a crash repeats its replies instead of
 * answering the next question with it. Given the conversation just read rather than its id, the
 * turn saves reading it again, unless another turn of it ran in the meantime. `read` replaces the
 * turn's own read of the conversation (the web chat reads it there once and checks the session's token
 * on it), and an `inbound` given as a function is read after it, so a request's errors keep their order.
 * `client` is the web client's address key, for the limits per client. `alongside` runs inside the transaction that
 * stores the answer, after it, so that what it writes commits with the answer (a channel noting how it
 * will deliver it); a repeated event's stored replies are returned without running it.
 */
export function runTurn(
  deps: TurnDeps,
  given: string | Conversation,
  inboundOrRead: Inbound | (() => Promise<Inbound>),
  options: {
    key?: string;
    client?: string;
    signal?: AbortSignal;
    alongside?: (tx: Executor) => Promise<void>;
    read?: () => Promise<Conversation>;
  } = {},
): Promise<TurnResult & { conversation: Conversation }> {
  const conversationId = typeof given === "string" ? given : given.id;
  // A message its sender was told to send again is not answered as well: nothing of it is saved.
  const stillWanted = () => {
    if (options.signal?.aborted) throw new TurnAbandoned("the caller was answered 503");
  };
  return serialize(conversationId, async (waited) => {
    stillWanted();
    const conversation =
      typeof given !== "string" && !waited ? given : options.read ? await options.read() : await findConversation(deps.db, conversationId);
    if (!conversation) throw new Error(`conversation ${conversationId} not found`);
    const inbound = typeof inboundOrRead === "function" ? await inboundOrRead() : inboundOrRead;
    const previous = (conversation.state as ConversationState).lastTurn;
    if (options.key && previous?.key === options.key) {
      return { messages: previous.messages, state: conversation.state as ConversationState, locale: conversation.locale, mode: conversation.mode, conversation };
    }
    const now = deps.clock();
    const result = await converse(
      { db: deps.db, config: deps.config, now, wakeOutbox: deps.wakeOutbox, client: options.client ?? null, resetAfterMs: deps.config.CONVERSATION_RESET_HOURS * 3_600_000 },
      conversation,
      inbound,
    );
    if (options.key) result.state.lastTurn = { key: options.key, messages: result.messages };
    // Cut by code points: half of a surrogate pair cannot be stored.
    const stored = inbound.kind === "text" ? { ...inbound, text: [...cleanText(inbound.text)].slice(0, 2000).join("") } : inbound;
    stillWanted();
    await deps.db.transaction(async (tx) => {
      const officeId = result.state.answers?.office ?? conversation.officeId;
      // Sent together (PostgreSQL pipelines them on the transaction's connection): one round trip,
      // not three. A stale version throws, and the transaction then undoes the others.
      await Promise.all([
        saveConversation(tx, conversation, { state: result.state, locale: result.locale, mode: result.mode, officeId }, now),
        appendMessages(
          tx,
          conversation.id,
          [
            ...(inbound.kind === "start" ? [] : [{ author: "user" as const, body: { inbound: stored } }]),
            ...result.messages.map((message) => ({ author: "bot" as const, body: { message } })),
          ],
          now,
        ),
        options.alongside?.(tx),
      ]);
      stillWanted();
    });
    return { ...result, conversation };
  }, options.signal);
}
