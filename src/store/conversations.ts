import { createHash } from "node:crypto";
import { and, asc, desc, eq, lt, ne, notInArray, sql } from "drizzle-orm";
import type { BotMessage, Channel, Inbound, Locale } from "../messages.ts";
import { isUuid, type Db, type Executor } from "./db.ts";
import { consents, conversations, messages, termsVersions } from "./schema.ts";

export type Conversation = typeof conversations.$inferSelect;
export type ConversationMode = Conversation["mode"];

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createConversation(
  ex: Executor,
  input: { channel: Channel; userKey: string; token?: string; officeId?: string; locale: Locale; now: Date },
): Promise<Conversation> {
  const [row] = await ex
    .insert(conversations)
    .values({
      channel: input.channel,
      userKey: input.userKey,
      tokenHash: input.token ? hashToken(input.token) : null,
      officeId: input.officeId ?? null,
      locale: input.locale,
      state: {},
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  return row!;
}

/** The conversation of a LINE user, made on first contact. */
export async function conversationOfUser(ex: Executor, channel: Channel, userKey: string, now: Date): Promise<Conversation> {
  const [existing] = await ex
    .select()
    .from(conversations)
    .where(and(eq(conversations.channel, channel), eq(conversations.userKey, userKey)));
  if (existing) return existing;
  await ex
    .insert(conversations)
    .values({ channel, userKey, locale: "ja", state: {}, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await ex
    .select()
    .from(conversations)
    .where(and(eq(conversations.channel, channel), eq(conversations.userKey, userKey)));
  return row!;
}

export async function findConversation(ex: Executor, id: string): Promise<Conversation | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await ex.select().from(conversations).where(eq(conversations.id, id));
  return row;
}

export class ConversationChangedError extends Error {
  override name = "ConversationChangedError";
}

/** Saves a turn's new state if nobody else saved one since it was read (optimistic lock on version). */
export async function saveConversation(
  ex: Executor,
  conversation: Pick<Conversation, "id" | "version">,
  change: Partial<Pick<Conversation, "state" | "locale" | "mode" | "officeId" | "followed">>,
  now: Date,
): Promise<number> {
  const [row] = await ex
    .update(conversations)
    .set({ ...change, version: conversation.version + 1, updatedAt: now })
    .where(and(eq(conversations.id, conversation.id), eq(conversations.version, conversation.version)))
    .returning({ version: conversations.version });
  if (!row) throw new ConversationChangedError(`conversation ${conversation.id} changed meanwhile`);
  return row.version;
}

/** A new phase of the conversation: nobody on the staff has it yet. */
export async function setConversationMode(ex: Executor, id: string, mode: ConversationMode, now: Date): Promise<void> {
  await ex.update(conversations).set({ mode, claimedBy: null, claimedAt: null, updatedAt: now }).where(eq(conversations.id, id));
}

export type MessageAuthor = "user" | "bot" | "staff";
export type StoredMessage = { author: MessageAuthor; at: string } & ({ inbound: Inbound } | { message: BotMessage });

export async function appendMessages(
  ex: Executor,
  conversationId: string,
  entries: { author: MessageAuthor; body: { inbound: Inbound } | { message: BotMessage } }[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  await ex.insert(messages).values(entries.map((e) => ({ conversationId, author: e.author, body: e.body, createdAt: now })));
}

export async function conversationHistory(ex: Executor, conversationId: string, limit = 200): Promise<StoredMessage[]> {
  const rows = await ex
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.id))
    .limit(limit);
  return rows.reverse().map((r) => ({ author: r.author, at: r.createdAt.toISOString(), ...(r.body as object) }) as StoredMessage);
}

export async function conversationsInMode(ex: Executor, mode: ConversationMode, officeId?: string): Promise<Conversation[]> {
  return ex
    .select()
    .from(conversations)
    .where(and(eq(conversations.mode, mode), officeId ? eq(conversations.officeId, officeId) : undefined))
    .orderBy(asc(conversations.updatedAt));
}

export async function ensureTermsVersions(db: Db, terms: readonly { version: string; url: string }[]): Promise<void> {
  if (terms.length === 0) return;
  await db
    .insert(termsVersions)
    .values(terms.map((t) => ({ version: t.version, url: t.url })))
    .onConflictDoUpdate({ target: termsVersions.version, set: { url: sql`excluded.url` } });
}

export async function recordConsent(
  ex: Executor,
  input: { termsVersion: string; channel: Channel; userKey: string; conversationId: string; agreedAt: Date },
): Promise<void> {
  await ex.insert(consents).values(input);
}

/** The latest terms version this user agreed to, if any. */
export async function latestConsent(
  ex: Executor,
  input: { channel: Channel; userKey: string; seekerNumber?: string },
): Promise<{ termsVersion: string; agreedAt: Date } | undefined> {
  const [row] = await ex
    .select({ termsVersion: consents.termsVersion, agreedAt: consents.agreedAt })
    .from(consents)
    .where(and(eq(consents.channel, input.channel), eq(consents.userKey, input.userKey)))
    .orderBy(desc(consents.agreedAt), desc(consents.termsVersion))
    .limit(1);
  if (row || !input.seekerNumber) return row;
  const [bySeeker] = await ex
    .select({ termsVersion: consents.termsVersion, agreedAt: consents.agreedAt })
    .from(consents)
    .where(eq(consents.seekerNumber, input.seekerNumber))
    .orderBy(desc(consents.agreedAt), desc(consents.termsVersion))
    .limit(1);
  return bySeeker;
}

/** Ties a conversation's consents to the seeker number once it is known. */
export async function linkConsentsToSeeker(ex: Executor, conversationId: string, seekerNumber: string): Promise<void> {
  await ex.update(consents).set({ seekerNumber }).where(eq(consents.conversationId, conversationId));
}

/**
 * Conversations idle since `before` keep no personal data they no longer need: the answers a
 * request was being built from, and the messages of that time (unless staff have the conversation).
 */
export async function forgetIdle(db: Db, before: Date): Promise<{ conversations: number; messages: number }> {
  return db.transaction(async (tx) => {
    const cleared = await tx
      .update(conversations)
      .set({ state: sql`${conversations.state} - 'answers' - 'prefill' - 'lastTurn' - 'confirm' - 'flow' - 'step' - 'history'` })
      .where(and(lt(conversations.updatedAt, before), ne(conversations.mode, "handoff"), sql`${conversations.state} ?| array['answers', 'prefill', 'lastTurn']`))
      .returning({ id: conversations.id });
    const removed = await tx
      .delete(messages)
      .where(
        and(
          lt(messages.createdAt, before),
          notInArray(messages.conversationId, tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.mode, "handoff"))),
        ),
      )
      .returning({ id: messages.id });
    return { conversations: cleared.length, messages: removed.length };
  });
}
