import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { BlockList, isIP } from "node:net";
import { countHits, slidingCount } from "../../store/rateLimits.ts";
import type { Executor } from "../../store/db.ts";
import { HttpError } from "../errors.ts";

function tooMany(c: Context, retryAfter: number): never {
  c.header("Retry-After", String(Math.max(1, retryAfter)));
  throw new HttpError(429, "rate_limited", "Too many requests. Please wait a moment and try again.");
}

export interface SharedLimit {
  /** The counter's name with its key: 'chat:sessions:client:203.0.113.7'. */
  key: string;
  perMinute: number;
}

/**
 * Counts one request against each limit in the database, so that every process behind the same
 * database shares the count, and throws a 429 when one is over. A limit weighs the previous
 * minute's count by the part of it still inside the last 60 seconds (a sliding window).
 */
export async function enforceShared(c: Context, db: Executor, now: Date, limits: readonly SharedLimit[]): Promise<void> {
  const counts = await countHits(db, limits.map((l) => l.key), now);
  for (const limit of limits) {
    const count = counts.find((x) => x.key === limit.key);
    if (!count) continue;
    if (slidingCount(count) > limit.perMinute) tooMany(c, Math.ceil(count.remainingMs / 1000));
  }
}

/** The reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY). */
export function trustedProxies(list: readonly string[]): BlockList {
  const blocks = new BlockList();
  for (const entry of list) {
    const [address, bits] = entry.split("/");
    const type = isIP(address!) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) blocks.addAddress(address!, type);
    else blocks.addSubnet(address!, Number(bits), type);
  }
  return blocks;
}

function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(proxies: BlockList | undefined, address: string): boolean {
  const kind = isIP(address);
  return kind !== 0 && proxies !== undefined && proxies.check(address, kind === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address. A request from a trusted proxy is taken to come from the nearest address
 * in X-Forwarded-For that is not itself a trusted proxy, read from the right: a client can write
 * anything at the left of that header, only the proxies' own entries are believed. 'local' when
 * there is no socket (app.request in tests).
 */
export function clientAddress(c: Context, proxies?: BlockList): string {
  let address: string;
  try {
    address = plain(getConnInfo(c).remote.address ?? "local");
  } catch {
    return "local";
  }
  if (!isTrusted(proxies, address)) return address;
  const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((h) => plain(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break;
    address = hop;
    if (!isTrusted(proxies, hop)) break;
  }
  return address;
}

/** What limits count by: the address, or an IPv6 address's /64 (one subscriber's whole network). */
export function clientKey(c: Context, proxies?: BlockList): string {
  const address = clientAddress(c, proxies);
  return isIP(address) === 6 ? ipv6Prefix64(address) : address;
}

export function ipv6Prefix64(address: string): string {
  const [head = "", tail] = address.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export interface ChatRateLimits {
  sessionsPerMinutePerClient: number;
  messagesPerMinutePerSession: number;
  messagesPerMinutePerClient: number;
  historyReadsPerMinutePerSession: number;
  historyReadsPerMinutePerClient: number;
}

export const defaultChatRateLimits: ChatRateLimits = {
  sessionsPerMinutePerClient: 20,
  messagesPerMinutePerSession: 30,
  messagesPerMinutePerClient: 240,
  historyReadsPerMinutePerSession: 20,
  historyReadsPerMinutePerClient: 120,
};
