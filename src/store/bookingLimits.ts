// How many slots one person or one client may hold or have requested at a time. The counts are
// taken in the transaction that takes the slot, under advisory locks on the same keys, so two
// processes (or two tabs) asking at once cannot both slip under a limit.
import { and, count, desc, gt, gte, inArray, isNotNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor, Tx } from "./db.ts";
import { bookings } from "./schema.ts";

export interface RequestLimits {
  /** Active requests and holds per LINE user or web session, per email and per phone. */
  perPerson: number;
  /** Active requests made from one client address. */
  perClient: number;
  /** Holds one client address may have at once. */
  holdsPerClient: number;
}

/** Who is asking, as far as the bot knows: what the limits count by. */
export interface Requester {
  limits: RequestLimits;
  /** The web client's address key; null on LINE. */
  client?: string | null;
  /** Counted only once proven (emailVerified): a typed address must not let anyone lock its owner out. */
  email?: string | null;
  emailVerified?: boolean;
  phone?: string | null;
}

export type LimitReached = "person" | "client" | "client_holds";

/**
 * An address as one mailbox: lower case, without a +tag, and for Gmail without dots, so that
 * taro+1@ and t.a.r.o@gmail.com count as the same person.
 */
export function emailKeyOf(email: string): string {
  const at = email.lastIndexOf("@");
  let local = email.slice(0, at).toLowerCase().split("+")[0]!;
  let domain = email.slice(at + 1).toLowerCase();
  if (domain === "googlemail.com") domain = "gmail.com";
  if (domain === "gmail.com") local = local.replace(/\./g, "");
  return `${local}@${domain}`;
}

/** A phone number as its digits, +81 written as the leading 0. */
export function phoneKeyOf(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("81") && !phone.trim().startsWith("0") ? `0${digits.slice(2)}` : digits;
}

/** The columns the limits count by, for a booking row. */
export function requesterColumns(r: Requester | undefined): { emailKey?: string | null; phoneKey?: string | null; clientKey?: string | null } {
  if (!r) return {};
  return {
    ...(r.email && r.emailVerified ? { emailKey: emailKeyOf(r.email) } : {}),
    ...(r.phone ? { phoneKey: phoneKeyOf(r.phone) } : {}),
    ...(r.client ? { clientKey: r.client } : {}),
  };
}

/**
 * Takes the transaction's advisory locks for a booking's keys, in one order everywhere so that
 * two transactions never wait for each other in a circle.
 */
export async function lockKeys(tx: Tx, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  }
}

export function requesterLockKeys(conversationId: string | undefined, r: Requester | undefined): string[] {
  if (!r) return [];
  const cols = requesterColumns(r);
  return [
    ...(conversationId ? [`conversation:${conversationId}`] : []),
    ...(cols.emailKey ? [`email:${cols.emailKey}`] : []),
    ...(cols.phoneKey ? [`phone:${cols.phoneKey}`] : []),
    ...(cols.clientKey ? [`client:${cols.clientKey}`] : []),
  ];
}

/**
 * Which limit taking one more slot would pass, if any. `exclude`: the rows being replaced (the
 * hold becoming a request, the booking being changed).
 */
export async function limitReached(
  tx: Executor,
  input: { conversationId?: string; requester: Requester; now: Date; exclude: readonly string[]; holding: boolean },
): Promise<LimitReached | null> {
  const { requester, now } = input;
  const cols = requesterColumns(requester);
  const active = or(
    and(inArray(bookings.status, ["requested", "confirmed"]), gt(bookings.startsAt, now)),
    and(sql`${bookings.status} = 'held'`, gt(bookings.holdExpiresAt, now)),
  );
  const requested = sql`${bookings.status} in ('requested', 'confirmed')`;
  const held = sql`${bookings.status} = 'held'`;
  const person: SQL[] = [];
  if (input.conversationId) person.push(sql`${bookings.conversationId} = ${input.conversationId}`);
  if (cols.emailKey) person.push(sql`${bookings.emailKey} = ${cols.emailKey}`);
  if (cols.phoneKey) person.push(sql`${bookings.phoneKey} = ${cols.phoneKey}`);
  const client = cols.clientKey ? sql`${bookings.clientKey} = ${cols.clientKey}` : sql`false`;
  const [row] = (await tx
    .select({
      ...Object.fromEntries(person.map((p, i) => [`p${i}`, sql<number>`count(*) filter (where ${p})::int`])),
      clientRequests: sql<number>`count(*) filter (where ${client} and ${requested})::int`,
      clientHolds: sql<number>`count(*) filter (where ${client} and ${held})::int`,
    })
    .from(bookings)
    .where(
      and(
        or(...person, client),
        active,
        input.exclude.length > 0 ? notInArray(bookings.id, [...input.exclude]) : undefined,
      ),
    )) as Record<string, number>[];
  const limits = requester.limits;
  for (let i = 0; i < person.length; i++) if ((row?.[`p${i}`] ?? 0) >= limits.perPerson) return "person";
  if ((row?.clientRequests ?? 0) >= limits.perClient) return "client";
  if (input.holding && (row?.clientHolds ?? 0) >= limits.holdsPerClient) return "client_holds";
  return null;
}

export interface ClientActivity {
  client: string;
  /** Slots held from this client (every request starts as a hold). */
  holds: number;
  /** Of those, how many became requests. */
  requests: number;
  sessions: number;
  emails: number;
  phones: number;
  first: Date;
  last: Date;
}

/** Clients that took at least `min` slots since `since`: what staff look at for abuse. */
export async function busyClients(ex: Executor, input: { since: Date; min: number; officeId?: string }): Promise<ClientActivity[]> {
  const rows = await ex
    .select({
      client: sql<string>`${bookings.clientKey}`,
      holds: count(),
      requests: sql<number>`count(*) filter (where ${bookings.status} not in ('held', 'expired'))::int`,
      sessions: sql<number>`count(distinct ${bookings.conversationId})::int`,
      emails: sql<number>`count(distinct ${bookings.emailKey})::int`,
      phones: sql<number>`count(distinct ${bookings.phoneKey})::int`,
      first: sql<Date>`min(${bookings.createdAt})`.mapWith(bookings.createdAt),
      last: sql<Date>`max(${bookings.createdAt})`.mapWith(bookings.createdAt),
    })
    .from(bookings)
    .where(and(isNotNull(bookings.clientKey), gte(bookings.createdAt, input.since), input.officeId ? sql`${bookings.officeId} = ${input.officeId}` : undefined))
    .groupBy(bookings.clientKey)
    .having(sql`count(*) >= ${input.min}`)
    .orderBy(desc(count()))
    .limit(100);
  return rows.map((r) => ({ ...r, holds: Number(r.holds), requests: Number(r.requests), sessions: Number(r.sessions), emails: Number(r.emails), phones: Number(r.phones) }));
}
