import { createHash, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { emailKeyOf, lockKeys } from "./bookingLimits.ts";
import type { Db, Executor } from "./db.ts";
import { enqueue, type NewJob } from "./outbox.ts";
import { emailCodes } from "./schema.ts";

export interface EmailCodeLimits {
  perAddressPerHour: number;
  perClientPerHour: number;
  validMinutes: number;
  /** Wrong tries before a code stops working. */
  maxAttempts: number;
}

export type IssueResult = { ok: true; id: string } | { ok: false; reason: "address_throttled" | "client_throttled" };
export type CheckResult = "ok" | "wrong" | "expired" | "too_many";

const HOUR_MS = 3_600_000;

function hashCode(id: string, code: string): string {
  return createHash("sha256").update(`${id}:${code}`).digest("hex");
}

/**
 * Makes a one-time code for a conversation's email address and enqueues its mail (`mailJob`, with
 * the code, in the same transaction), unless the address or the client had their hour's share of
 * codes. Earlier codes of the conversation stop working.
 */
export async function issueEmailCode(
  db: Db,
  input: {
    conversationId: string;
    email: string;
    client: string | null;
    now: Date;
    limits: EmailCodeLimits;
    mailJob: (code: string, codeId: string) => NewJob;
  },
): Promise<IssueResult> {
  const emailKey = emailKeyOf(input.email);
  const since = new Date(input.now.getTime() - HOUR_MS);
  return db.transaction(async (tx) => {
    await lockKeys(tx, [`code-email:${emailKey}`, ...(input.client ? [`code-client:${input.client}`] : [])]);
    const [counts] = await tx
      .select({
        address: sql<number>`count(*) filter (where ${emailCodes.emailKey} = ${emailKey})::int`,
        client: input.client ? sql<number>`count(*) filter (where ${emailCodes.clientKey} = ${input.client})::int` : sql<number>`0`,
      })
      .from(emailCodes)
      .where(and(gt(emailCodes.createdAt, since), input.client ? sql`(${emailCodes.emailKey} = ${emailKey} or ${emailCodes.clientKey} = ${input.client})` : eq(emailCodes.emailKey, emailKey)));
    if ((counts?.address ?? 0) >= input.limits.perAddressPerHour) return { ok: false, reason: "address_throttled" } as const;
    if ((counts?.client ?? 0) >= input.limits.perClientPerHour) return { ok: false, reason: "client_throttled" } as const;

    await tx
      .update(emailCodes)
      .set({ expiresAt: input.now })
      .where(and(eq(emailCodes.conversationId, input.conversationId), isNull(emailCodes.usedAt), gt(emailCodes.expiresAt, input.now)));
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const id = randomUUID();
    await tx.insert(emailCodes).values({
      id,
      conversationId: input.conversationId,
      emailKey,
      clientKey: input.client,
      codeHash: hashCode(id, code),
      expiresAt: new Date(input.now.getTime() + input.limits.validMinutes * 60_000),
      createdAt: input.now,
    });
    await enqueue(tx, input.mailJob(code, id));
    return { ok: true, id } as const;
  });
}

/** Checks a code typed in the conversation it was sent for; a right code works once. */
export async function checkEmailCode(
  db: Db,
  input: { codeId: string; conversationId: string; code: string; now: Date; maxAttempts: number },
): Promise<CheckResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(emailCodes).where(eq(emailCodes.id, input.codeId)).for("update");
    if (!row || row.conversationId !== input.conversationId || row.usedAt || row.expiresAt <= input.now) return "expired";
    if (row.attempts >= input.maxAttempts) return "too_many";
    const given = Buffer.from(hashCode(row.id, input.code), "hex");
    if (given.length === 32 && timingSafeEqual(given, Buffer.from(row.codeHash, "hex"))) {
      await tx.update(emailCodes).set({ usedAt: input.now }).where(eq(emailCodes.id, row.id));
      return "ok";
    }
    const attempts = row.attempts + 1;
    await tx.update(emailCodes).set({ attempts }).where(eq(emailCodes.id, row.id));
    return attempts >= input.maxAttempts ? "too_many" : "wrong";
  });
}

/** Codes older than a day have served their purpose, the hourly counts included. */
export async function forgetOldCodes(ex: Executor, now: Date): Promise<number> {
  const gone = await ex.delete(emailCodes).where(lt(emailCodes.createdAt, new Date(now.getTime() - 24 * HOUR_MS))).returning({ id: emailCodes.id });
  return gone.length;
}
