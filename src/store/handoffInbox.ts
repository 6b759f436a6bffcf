// Chats waiting for a person, and who on the staff is answering which one ("対応する"), so that
// two people do not answer the same seeker. A claim is a mark, not a lock: taking it over is
// allowed, but explicit and audited. Staff writing into a chat take it over from the bot; releasing
// it hands it back.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { BotMessage } from "../messages.ts";
import { writeAudit } from "./audit.ts";
import type { Db, Executor } from "./db.ts";
import { enqueue, type NewJob } from "./outbox.ts";
import { conversations, messages, staffUsers } from "./schema.ts";
import type { Locale } from "../i18n/locales.ts";

export interface InboxRow {
  id: string;
  channel: "web" | "line";
  officeId: string | null;
  locale: Locale;
  updatedAt: Date;
  /** When the seeker last wrote, if they wrote since the chat started. */
  lastSeekerAt: Date | null;
  /** Seeker messages since staff last wrote (all of them while staff have not written yet). */
  unanswered: number;
  claimedBy: string | null;
  claimedByEmail: string | null;
  claimedAt: Date | null;
}

const instant = (value: Date | string | null | undefined): Date | null => (value === null || value === undefined ? null : new Date(value));

/**
 * Conversations with staff, longest waiting first. `officeId` undefined means every office and the
 * conversations that chose none yet (for admins only; the caller decides).
 */
export async function handoffInbox(ex: Executor, officeId: string | undefined): Promise<InboxRow[]> {
  const lastStaff = sql`(select max(m.id) from messages m where m.conversation_id = ${conversations.id} and m.author = 'staff')`;
  // Opening the chat is stored as the seeker's "start": not something they said.
  const said = sql`m.author = 'user' and coalesce(m.body->'inbound'->>'kind', '') <> 'start'`;
  const rows = await ex
    .select({
      id: conversations.id,
      channel: conversations.channel,
      officeId: conversations.officeId,
      locale: conversations.locale,
      updatedAt: conversations.updatedAt,
      claimedBy: conversations.claimedBy,
      claimedAt: conversations.claimedAt,
      claimedByEmail: staffUsers.email,
      lastSeekerAt: sql<Date | string | null>`(select max(m.created_at) from messages m where m.conversation_id = ${conversations.id} and ${said})`,
      unanswered: sql<number>`(select count(*)::int from messages m where m.conversation_id = ${conversations.id} and ${said} and m.id > coalesce(${lastStaff}, 0))`,
    })
    .from(conversations)
    .leftJoin(staffUsers, eq(staffUsers.id, conversations.claimedBy))
    .where(and(eq(conversations.mode, "handoff"), officeId ? eq(conversations.officeId, officeId) : undefined))
    .orderBy(asc(conversations.updatedAt));
  return rows.map((r) => ({ ...r, lastSeekerAt: instant(r.lastSeekerAt), unanswered: Number(r.unanswered) }));
}

/** Who has a conversation, with their address (for the chat page). */
export async function claimOf(ex: Executor, conversationId: string): Promise<{ staffId: string; email: string; at: Date } | undefined> {
  const [row] = await ex
    .select({ staffId: staffUsers.id, email: staffUsers.email, at: conversations.claimedAt })
    .from(conversations)
    .innerJoin(staffUsers, eq(staffUsers.id, conversations.claimedBy))
    .where(eq(conversations.id, conversationId));
  return row && row.at ? { staffId: row.staffId, email: row.email, at: row.at } : undefined;
}

export type ClaimResult =
  | { ok: true; tookOverFrom?: string }
  | { ok: false; reason: "not_handoff" }
  /** Someone else has it: the caller must say explicitly that they take it over. */
  | { ok: false; reason: "claimed"; by: { staffId: string; email: string } };

/** "対応する": marks the conversation as answered by this member of staff. */
export async function claimConversation(db: Db, input: { conversationId: string; staffId: string; now: Date; takeOver: boolean }): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ mode: conversations.mode, claimedBy: conversations.claimedBy, email: staffUsers.email })
      .from(conversations)
      .leftJoin(staffUsers, eq(staffUsers.id, conversations.claimedBy))
      .where(eq(conversations.id, input.conversationId))
      .for("update", { of: conversations });
    if (!row || row.mode !== "handoff") return { ok: false, reason: "not_handoff" } as const;
    if (row.claimedBy === input.staffId) return { ok: true } as const;
    const other = row.claimedBy && row.email ? { staffId: row.claimedBy, email: row.email } : undefined;
    if (other && !input.takeOver) return { ok: false, reason: "claimed", by: other } as const;
    await tx.update(conversations).set({ claimedBy: input.staffId, claimedAt: input.now, updatedAt: input.now }).where(eq(conversations.id, input.conversationId));
    await writeAudit(tx, {
      at: input.now,
      actor: `staff:${input.staffId}`,
      action: other ? "take_over_conversation" : "claim_conversation",
      entity: "conversation",
      entityId: input.conversationId,
      before: { claimedBy: row.claimedBy },
      after: { claimedBy: input.staffId },
    });
    return other ? { ok: true, tookOverFrom: other.email } : { ok: true };
  });
}

/** Lets go of a conversation one has, leaving it with staff for a colleague. */
export async function unclaimConversation(db: Db, input: { conversationId: string; staffId: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const released = await tx
      .update(conversations)
      .set({ claimedBy: null, claimedAt: null, updatedAt: input.now })
      .where(and(eq(conversations.id, input.conversationId), eq(conversations.claimedBy, input.staffId)))
      .returning({ id: conversations.id });
    if (released.length === 0) return false;
    await writeAudit(tx, {
      at: input.now,
      actor: `staff:${input.staffId}`,
      action: "unclaim_conversation",
      entity: "conversation",
      entityId: input.conversationId,
      before: { claimedBy: input.staffId },
      after: { claimedBy: null },
    });
    return true;
  });
}

/** A conversation nobody has yet goes to whoever writes into it first. */
export async function claimIfFree(ex: Executor, conversationId: string, staffId: string, now: Date): Promise<boolean> {
  const rows = await ex
    .update(conversations)
    .set({ claimedBy: staffId, claimedAt: now })
    .where(and(eq(conversations.id, conversationId), isNull(conversations.claimedBy)))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

/**
 * Staff write into a seeker's chat: the message joins the history (the web chat shows it), the bot
 * steps back (handoff), and for LINE a push job goes out in the same transaction.
 */
export async function postStaffMessage(
  db: Db,
  input: { conversationId: string; message: BotMessage; staffId: string; now: Date; job?: (messageId: number) => NewJob | undefined },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({ conversationId: input.conversationId, author: "staff", body: { message: input.message }, createdAt: input.now })
      .returning({ id: messages.id });
    const [before] = await tx.select({ mode: conversations.mode }).from(conversations).where(eq(conversations.id, input.conversationId));
    // Whoever writes first answers the chat, unless a colleague already has it.
    if (before?.mode !== "handoff") {
      await tx.update(conversations).set({ mode: "handoff", claimedBy: input.staffId, claimedAt: input.now, updatedAt: input.now }).where(eq(conversations.id, input.conversationId));
    } else {
      await claimIfFree(tx, input.conversationId, input.staffId, input.now);
    }
    await writeAudit(tx, {
      at: input.now,
      actor: `staff:${input.staffId}`,
      action: "staff_message",
      entity: "conversation",
      entityId: input.conversationId,
      before: { mode: before?.mode ?? null },
      after: { mode: "handoff", messageId: row!.id },
    });
    const job = input.job?.(row!.id);
    if (job) await enqueue(tx, job);
    return row!.id;
  });
}

/** Hands a conversation back to the bot, telling the seeker through `job`. */
export async function releaseConversation(db: Db, input: { conversationId: string; staffId: string; now: Date; jobs: NewJob[] }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ mode: conversations.mode }).from(conversations).where(eq(conversations.id, input.conversationId)).for("update");
    if (!before || before.mode !== "handoff") return false;
    await tx.update(conversations).set({ mode: "bot", claimedBy: null, claimedAt: null, updatedAt: input.now }).where(eq(conversations.id, input.conversationId));
    await writeAudit(tx, { at: input.now, actor: `staff:${input.staffId}`, action: "release", entity: "conversation", entityId: input.conversationId, before: { mode: "handoff" }, after: { mode: "bot" } });
    for (const job of input.jobs) await enqueue(tx, job);
    return true;
  });
}
