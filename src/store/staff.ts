// Staff accounts, their sessions and sign-in, and what tells open console pages that something changed.
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { asc, eq, lte, sql } from "drizzle-orm";
import { cleanInput } from "../cleanInput.ts";
import { checkPassword, type PasswordProblem } from "../passwordPolicy.ts";
import { writeAudit } from "./audit.ts";
import type { Db, Executor } from "./db.ts";
import { purgeThrottles, recordFailure, recordSuccess, throttleKeys, throttleWait } from "./signInThrottle.ts";
import { staffSessions, staffUsers } from "./schema.ts";

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
