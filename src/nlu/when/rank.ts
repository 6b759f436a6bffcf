// Rank: one reading per meaning; sure before unsure; with a time or part of day before a bare date.
import type { WhenReading } from "./types.ts";

export function rank(readings: WhenReading[]): WhenReading[] {
  const seen = new Set<string>();
  const unique = readings.filter((r) => {
    const key = JSON.stringify([r.date, r.time, r.partOfDay, r.end, r.open, r.vague]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const detail = (r: WhenReading) => (r.time || r.partOfDay ? 0 : 1);
  const anyDetail = unique.some((r) => detail(r) === 0 && !r.confirm);
  return unique
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.confirm ? 1 : 0) - (b.r.confirm ? 1 : 0) || (anyDetail ? detail(a.r) - detail(b.r) : 0) || a.i - b.i)
    .map(({ r }) => r);
}
