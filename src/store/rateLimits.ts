import { and, lt, notLike, or, sql } from "drizzle-orm";
import type { Executor } from "./db.ts";
import { rateLimits } from "./schema.ts";

export const RATE_WINDOW_MS = 60_000;
/** Counters whose key starts with this count by the hour (look-ups a person makes a few of a day). */
export const HOURLY_PREFIX = "hour:";
export const HOURLY_WINDOW_MS = 3_600_000;

export interface RateCount {
  key: string;
  /** Hits in the current window, this one included. */
  current: number;
  previous: number;
  /** How far into the current window `now` is, 0 to 1. */
  elapsed: number;
  /** Milliseconds until the current window ends. */
  remainingMs: number;
}

/**
 * Counts one hit for each key in the window of `now`, in one statement, and returns the counts of
 * that window and the one before. Every process sharing the database shares the counts. Keys of
 * one call share a window length: a minute, or an hour for keys starting with HOURLY_PREFIX.
 */
export async function countHits(ex: Executor, keys: readonly string[], now: Date): Promise<RateCount[]> {
  if (keys.length === 0) return [];
  const hourly = keys.every((k) => k.startsWith(HOURLY_PREFIX));
  if (!hourly && keys.some((k) => k.startsWith(HOURLY_PREFIX))) throw new Error("countHits: minute and hour counters in one call");
  const windowMs = hourly ? HOURLY_WINDOW_MS : RATE_WINDOW_MS;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const current = new Date(start);
  const previous = new Date(start - windowMs);
  const values = sql.join(
    keys.map((k) => sql`(${k}, ${current.toISOString()}::timestamptz, 1)`),
    sql`, `,
  );
  const result = await ex.execute(sql`
    with hit as (
      insert into ${rateLimits} (key, window_start, hits) values ${values}
      on conflict (key, window_start) do update set hits = ${rateLimits}.hits + 1
      returning key, hits
    )
    select hit.key, hit.hits as current, coalesce(p.hits, 0) as previous
    from hit left join ${rateLimits} p on p.key = hit.key and p.window_start = ${previous.toISOString()}::timestamptz`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { key: string; current: number; previous: number }[];
  const elapsed = (now.getTime() - start) / windowMs;
  return rows.map((r) => ({ key: r.key, current: Number(r.current), previous: Number(r.previous), elapsed, remainingMs: start + windowMs - now.getTime() }));
}

/** The hits in the last window's length: the previous window weighed by the part of it still inside (a sliding window). */
export function slidingCount(count: RateCount): number {
  return count.previous * (1 - count.elapsed) + count.current;
}

/** Windows older than the one before `now` no longer count. */
export async function forgetOldWindows(ex: Executor, now: Date): Promise<number> {
  const cut = (windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs - windowMs);
  const gone = await ex
    .delete(rateLimits)
    .where(
      or(
        and(lt(rateLimits.windowStart, cut(RATE_WINDOW_MS)), notLike(rateLimits.key, `${HOURLY_PREFIX}%`)),
        lt(rateLimits.windowStart, cut(HOURLY_WINDOW_MS)),
      ),
    )
    .returning({ key: rateLimits.key });
  return gone.length;
}
