import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { HttpError } from "../errors.ts";

/** A token bucket per key: `burst` requests at once, refilled at `perMinute`. In memory, per process. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one token, or returns the seconds until one is free. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.clock();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (this.buckets.size > 50_000) this.buckets.clear();
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.ceil((1 - bucket.tokens) / rate / 1000) };
  }

  /** Throws a 429 with Retry-After when the key is over its limit. */
  enforce(c: Context, key: string): void {
    const result = this.take(key);
    if (!result.ok) {
      c.header("Retry-After", String(result.retryAfter));
      throw new HttpError(429, "rate_limited", "Too many requests. Please wait a moment and try again.");
    }
  }
}

/** The client's address as the socket saw it ('local' under app.request in tests). */
export function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

export interface ChatRateLimits {
  sessionsPerMinutePerClient: number;
  messagesPerMinutePerSession: number;
  messagesPerMinutePerClient: number;
}

export const defaultChatRateLimits: ChatRateLimits = {
  sessionsPerMinutePerClient: 20,
  messagesPerMinutePerSession: 30,
  messagesPerMinutePerClient: 240,
};
