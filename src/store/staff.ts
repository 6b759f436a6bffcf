// Staff accounts, their sessions and sign-in, counsellors' "available now", and the
// booking and conversation reads the staff API needs.
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { cleanInput } from "../cleanInput.ts";
import type { BotMessage } from "../messages.ts";
import { checkPassword, type PasswordProblem } from "../passwordPolicy.ts";
import { addDays, jstInstant } from "../jst.ts";
import type { Closure } from "../schedule/index.ts";
import { writeAudit } from "./audit.ts";
import type { Booking } from "./bookings.ts";
import type { Db, Executor } from "./db.ts";
import { claimIfFree } from "./handoffInbox.ts";
import { enqueue, type NewJob } from "./outbox.ts";
import { purgeThrottles, recordFailure, recordSuccess, throttleKeys, throttleWait } from "./signInThrottle.ts";
import { bookings, closures, conversations, counsellors, messages, staffSessions, staffUsers, type BookingStatus } from "./schema.ts";

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = StaffUser["role"];

export const SESSION_MS = 12 * 60 * 60_000;

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 };

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** 'scrypt$N$r$p$salt$hash' (salt and hash in base64), so the cost can rise later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  const key = await scrypt(password.normalize("NFKC"), salt, expected.length, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Verified against when the email is unknown, so an unknown address costs the same time as a known one.
let dummyHash: Promise<string> | undefined;

export function normalizeEmail(email: string): string {
  // Cleaned here too: the console and the CLI reach this without the HTTP boundary.
  return cleanInput(email).trim().toLowerCase();
}

/** A password the policy refuses; `hints` say why, for the person choosing it. */
export class WeakPasswordError extends Error {
  override name = "WeakPasswordError";
  constructor(
    readonly problem: PasswordProblem,
    readonly hints: string[],
  ) {
    super(`The password is too weak (${problem}): ${hints.join(" ")}`);
  }
}

export async function createStaff(
  ex: Executor,
  input: { email: string; password: string; officeId: string | null; role: StaffRole; now: Date; actor?: string },
): Promise<StaffUser> {
  const verdict = checkPassword(input.password, [input.email]);
  if (!verdict.ok) throw new WeakPasswordError(verdict.problem, verdict.hints);
  const [row] = await ex
    .insert(staffUsers)
    .values({ email: normalizeEmail(input.email), passwordHash: await hashPassword(input.password), officeId: input.role === "admin" ? null : input.officeId, role: input.role, createdAt: input.now })
    .returning();
  await writeAudit(ex, { at: input.now, actor: input.actor ?? "system:cli", action: "create_staff", entity: "staff_user", entityId: row!.id, after: { officeId: row!.officeId, role: row!.role } });
  return row!;
}

export type SignInResult =
  | { ok: true; token: string; staff: StaffUser; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  /** Too many failures from this client, for this account, or (for a new client) for this account from anywhere. */
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export interface SignInInput {
  email: string;
  password: string;
  /** Who is asking: the client's address (the staff API uses the same key as the rate limits). */
  clientKey: string;
  now: Date;
  /** The session the caller already had, if any: it ends, so a sign-in always starts a new one. */
  previousToken?: string;
}

/**
 * The one sign-in decision, for the staff API and the console alike. Unknown addresses take the
 * same path (the same password check against a dummy hash, the same counters, the same audit write),
 * so neither the answer nor its timing tells whether an account exists.
 */
export async function signIn(db: Db, input: SignInInput): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const { now } = input;
  const keys = throttleKeys(email, input.clientKey);
  const wait = await throttleWait(db, keys, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  if (!user || !valid) {
    await recordFailure(db, keys, now);
    await writeAudit(db, { at: now, actor: "anonymous", action: "login_failed", entity: "staff_user", entityId: user?.id ?? "unknown" });
    return { ok: false, reason: "invalid" };
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_MS);
  await db.transaction(async (tx) => {
    await recordSuccess(tx, keys, now);
    if (input.previousToken) await tx.delete(staffSessions).where(eq(staffSessions.tokenHash, sha256(input.previousToken)));
    await tx.insert(staffSessions).values({ tokenHash: sha256(token), staffId: user.id, expiresAt, createdAt: now });
    await writeAudit(tx, { at: now, actor: `staff:${user.id}`, action: "login", entity: "staff_user", entityId: user.id });
  });
  return { ok: true, token, staff: user, expiresAt };
}

function sha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The staff member a bearer token belongs to, while the session lasts. */
export async function staffOfSession(ex: Executor, token: string, now: Date): Promise<StaffUser | undefined> {
  const [row] = await ex
    .select({ user: staffUsers, expiresAt: staffSessions.expiresAt })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(eq(staffSessions.tokenHash, sha256(token)));
  if (!row || row.expiresAt <= now) return undefined;
  return row.user;
}

export async function endSession(ex: Executor, token: string): Promise<void> {
  await ex.delete(staffSessions).where(eq(staffSessions.tokenHash, sha256(token)));
}

/** Sessions that ran out and sign-in counters with nothing left to say; run by the periodic sweep. */
export async function purgeSignIns(ex: Executor, now: Date): Promise<{ sessions: number; throttles: number }> {
  const sessions = await ex.delete(staffSessions).where(lte(staffSessions.expiresAt, now)).returning({ tokenHash: staffSessions.tokenHash });
  return { sessions: sessions.length, throttles: await purgeThrottles(ex, now) };
}

export interface BookingFilter {
  officeId?: string;
  statuses?: BookingStatus[];
  /** JST dates, inclusive. */
  from?: string;
  to?: string;
  counsellorId?: string;
  /** A reference, part of a name, or the digits of a seeker number or phone. */
  search?: string;
  /** Oldest request first (a queue), or by session time (the default). */
  order?: "requested" | "starts";
  limit: number;
}

function searchCondition(text: string | undefined) {
  const q = text?.normalize("NFKC").trim();
  if (!q) return undefined;
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const digits = q.replace(/\D/g, "");
  return or(
    sql`${bookings.reference} ilike ${like}`,
    sql`${bookings.name} ilike ${like}`,
    digits.length >= 4 ? sql`regexp_replace(coalesce(${bookings.seekerNumber}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}` : undefined,
    digits.length >= 4 ? sql`regexp_replace(coalesce(${bookings.phone}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}` : undefined,
  );
}

function bookingConditions(f: Omit<BookingFilter, "limit">) {
  return and(
    f.officeId ? eq(bookings.officeId, f.officeId) : undefined,
    f.statuses?.length ? inArray(bookings.status, f.statuses) : inArray(bookings.status, ["requested", "confirmed", "attended", "no_show", "cancelled", "rejected"]),
    f.from ? gte(bookings.startsAt, jstInstant(f.from)) : undefined,
    f.to ? lt(bookings.startsAt, jstInstant(addDays(f.to, 1))) : undefined,
    f.counsellorId ? eq(bookings.counsellorId, f.counsellorId) : undefined,
    searchCondition(f.search),
  );
}

export async function listBookings(ex: Executor, f: BookingFilter & { offset?: number }): Promise<Booking[]> {
  return ex
    .select()
    .from(bookings)
    .where(bookingConditions(f))
    .orderBy(...(f.order === "requested" ? [asc(bookings.createdAt), asc(bookings.startsAt)] : [asc(bookings.startsAt), asc(bookings.createdAt)]), asc(bookings.id))
    .limit(f.limit)
    .offset(f.offset ?? 0);
}

export async function countBookings(ex: Executor, f: Omit<BookingFilter, "limit">): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(bookings).where(bookingConditions(f));
  return row?.n ?? 0;
}

export async function counsellorNames(ex: Executor): Promise<Map<string, { ja: string; en: string; officeId: string; availableNowUntil: Date | null }>> {
  const rows = await ex.select().from(counsellors);
  return new Map(rows.map((r) => [r.id, { ja: r.nameJa, en: r.nameEn, officeId: r.officeId, availableNowUntil: r.availableNowUntil }]));
}

export async function closuresAround(ex: Executor, officeId: string, date: string, daysBefore = 31): Promise<Closure[]> {
  const rows = await ex
    .select({ officeId: closures.officeId, date: closures.date, reason: closures.reason })
    .from(closures)
    .where(and(gte(closures.date, addDays(date, -daysBefore)), sql`${closures.date} <= ${date}`, or(isNull(closures.officeId), eq(closures.officeId, officeId))));
  return rows as Closure[];
}

/** A counsellor marks themself available for "now" sessions until an instant (null: not any more). */
export async function setAvailableNow(db: Db, input: { counsellorId: string; until: Date | null; now: Date; actor: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(counsellors).where(eq(counsellors.id, input.counsellorId)).for("update");
    if (!before) return false;
    await tx.update(counsellors).set({ availableNowUntil: input.until }).where(eq(counsellors.id, input.counsellorId));
    await writeAudit(tx, {
      at: input.now,
      actor: input.actor,
      action: "set_available_now",
      entity: "counsellor",
      entityId: input.counsellorId,
      before: { availableNowUntil: before.availableNowUntil?.toISOString() ?? null },
      after: { availableNowUntil: input.until?.toISOString() ?? null },
    });
    return true;
  });
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

/**
 * A fingerprint of what the console shows (bookings, chats waiting for a person, their messages): when
 * it changes, open console pages refresh. One cheap query, so every open page can ask every second.
 */
export async function consoleFingerprint(ex: Executor, officeId: string | undefined): Promise<string> {
  const office = officeId ? sql`and office_id = ${officeId}` : sql``;
  const result = await ex.execute(sql`
    select
      (select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from bookings where status <> 'held' and status <> 'expired' ${office}) as b,
      (select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from conversations where mode = 'handoff' ${office}) as c,
      (select coalesce(max(id), 0)::text from messages) as m`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { b: string; c: string; m: string }[];
  const row = rows[0]!;
  return `${row.b}|${row.c}|${row.m}`;
}

/** Every staff account's id and address, for choosing a person in the audit log. */
export async function staffDirectory(ex: Executor): Promise<{ id: string; email: string }[]> {
  return ex.select({ id: staffUsers.id, email: staffUsers.email }).from(staffUsers).orderBy(asc(staffUsers.email));
}
