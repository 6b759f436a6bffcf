// How often a sign-in may fail, and for whom the next attempt waits. Three counters, kept in the
// database so that every process shares them and nothing is forgotten when a map grows:
// - per client and account: 5 failures lock that client out of that account for 15 minutes; the
//   real user on another client is not touched;
// - per account, across clients: from the 10th failure, each further attempt from a client that has
//   never signed in to the account waits longer (1 s, 2 s, 4 s … up to 15 minutes); clients that
//   signed in before are spared, so an attack from many addresses slows the attacker, not the user;
// - per client, across accounts: 30 failures block the client for 15 minutes.
// The counters are kept for addresses that have no account exactly as for those that have one.
import { createHash } from "node:crypto";
import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "./db.ts";
import { signInThrottles } from "./schema.ts";

export const PAIR_MAX_FAILURES = 5;
export const CLIENT_MAX_FAILURES = 30;
export const ACCOUNT_FREE_FAILURES = 10;
export const BLOCK_MS = 15 * 60_000;
/** Failures are forgotten after this long without another. */
export const FAILURE_MEMORY_MS = 15 * 60_000;
/** How long a client that signed in stays spared by the account-wide delay. */
export const TRUST_MS = 90 * 86_400_000;

export interface ThrottleKeys {
  client: string;
  account: string;
  pair: string;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** `email` is already normalised; the client key is the caller's address (or another stable id). */
export function throttleKeys(email: string, clientKey: string): ThrottleKeys {
  return { client: digest(`client:${clientKey}`), account: digest(`account:${email}`), pair: digest(`pair:${email}\u0000${clientKey}`) };
}

/** Seconds until this client may try this account again, or 0 when it may try now. */
export async function throttleWait(ex: Executor, keys: ThrottleKeys, now: Date): Promise<number> {
  const rows = await ex.select().from(signInThrottles).where(inArray(signInThrottles.key, [keys.client, keys.account, keys.pair]));
  const row = (key: string) => rows.find((r) => r.key === key);
  const trusted = (row(keys.pair)?.trustedUntil ?? new Date(0)) > now;
  const blocks = [row(keys.client), row(keys.pair), trusted ? undefined : row(keys.account)].map((r) => r?.blockedUntil?.getTime() ?? 0);
  const until = Math.max(...blocks);
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one failure against the client, the account and the pair, and blocks what went over. */
export async function recordFailure(ex: Executor, keys: ThrottleKeys, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
  const counted = await ex
    .insert(signInThrottles)
    .values([keys.client, keys.account, keys.pair].map((key) => ({ key, failures: 1, lastFailureAt: now })))
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: sql`case when ${signInThrottles.lastFailureAt} is null or ${signInThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${signInThrottles.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ key: signInThrottles.key, failures: signInThrottles.failures });
  for (const { key, failures } of counted) {
    const blockFor =
      key === keys.account
        ? failures >= ACCOUNT_FREE_FAILURES
          ? Math.min(BLOCK_MS, 1000 * 2 ** (failures - ACCOUNT_FREE_FAILURES))
          : 0
        : failures >= (key === keys.pair ? PAIR_MAX_FAILURES : CLIENT_MAX_FAILURES)
          ? BLOCK_MS
          : 0;
    if (blockFor === 0) continue;
    // The account keeps counting so its delay grows; a blocked pair or client starts afresh after the block.
    await ex
      .update(signInThrottles)
      .set({ blockedUntil: new Date(now.getTime() + blockFor), ...(key === keys.account ? {} : { failures: 0 }) })
      .where(sql`${signInThrottles.key} = ${key}`);
  }
}

/** A successful sign-in: the pair's failures are forgiven and its client is trusted for the account. */
export async function recordSuccess(ex: Executor, keys: ThrottleKeys, now: Date): Promise<void> {
  const trustedUntil = new Date(now.getTime() + TRUST_MS);
  await ex
    .insert(signInThrottles)
    .values({ key: keys.pair, failures: 0, trustedUntil })
    .onConflictDoUpdate({ target: signInThrottles.key, set: { failures: 0, blockedUntil: null, trustedUntil } });
}

/** Forgets counters with nothing left to say: no recent failure, no block, no trust. */
export async function purgeThrottles(ex: Executor, now: Date): Promise<number> {
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
  const gone = await ex
    .delete(signInThrottles)
    .where(
      and(
        or(isNull(signInThrottles.lastFailureAt), lt(signInThrottles.lastFailureAt, forgetBefore)),
        or(isNull(signInThrottles.blockedUntil), lt(signInThrottles.blockedUntil, now)),
        or(isNull(signInThrottles.trustedUntil), lt(signInThrottles.trustedUntil, now)),
      ),
    )
    .returning({ key: signInThrottles.key });
  return gone.length;
}
