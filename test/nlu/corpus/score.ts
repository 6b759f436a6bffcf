// Scoring shared by the corpus test and the bench: a reading is right when the first one's date,
// time, part of day and end match; 'unsure' is an honest "please confirm" or "no idea".
import type { WhenReading } from "../../../src/nlu/when/index.ts";
import type { WhenCase, WhenExpectation } from "./when.ts";

export type Outcome = "right" | "unsure" | "wrong";

/** What a parser answered, reduced to what the corpus checks: a reading without its place in the text. */
export type Answer = Omit<WhenReading, "span" | "confidence"> & { confidence?: WhenReading["confidence"] };

export function matches(answer: Answer | undefined, expected: WhenExpectation): boolean {
  if (!answer) return false;
  if (answer.date !== expected.date) return false;
  if (answer.time !== expected.time) return false;
  if (JSON.stringify(answer.partOfDay) !== JSON.stringify(expected.partOfDay)) return false;
  if (JSON.stringify(answer.end) !== JSON.stringify(expected.end)) return false;
  if (answer.open !== expected.open) return false;
  if (Boolean(answer.vague) !== Boolean(expected.vague)) return false;
  if (expected.ambiguousHour !== undefined && Boolean(answer.ambiguousHour) !== expected.ambiguousHour) return false;
  return true;
}

export function score(c: WhenCase, answers: Answer[]): Outcome {
  const first = answers[0];
  if (c.expect === "none") return answers.length === 0 ? "right" : first?.confirm ? "unsure" : "wrong";
  if (c.expect === "confirm") return answers.length === 0 || first?.confirm ? "right" : "wrong";
  const expected = [c.expect, ...(c.also ?? [])];
  if (!first?.confirm && expected.every((e, i) => matches(answers[i], e))) return "right";
  return answers.length === 0 || first?.confirm ? "unsure" : "wrong";
}

export function fromReadings(readings: WhenReading[]): Answer[] {
  return readings;
}

export interface Tally {
  right: number;
  unsure: number;
  wrong: number;
  total: number;
}

export function tally(outcomes: Array<{ category: string; outcome: Outcome }>): Map<string, Tally> {
  const table = new Map<string, Tally>();
  const add = (key: string, o: Outcome) => {
    const t = table.get(key) ?? { right: 0, unsure: 0, wrong: 0, total: 0 };
    t[o] += 1;
    t.total += 1;
    table.set(key, t);
  };
  for (const { category, outcome } of outcomes) {
    add(category, outcome);
    add("overall", outcome);
  }
  return table;
}

export function formatTable(title: string, table: Map<string, Tally>): string {
  const rows = [...table.entries()].sort(([a], [b]) => (a === "overall" ? 1 : b === "overall" ? -1 : a.localeCompare(b)));
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`.padStart(6);
  const lines = [`${title}`, `${"category".padEnd(16)} ${"n".padStart(4)}  right  unsure  wrong`];
  for (const [k, t] of rows) lines.push(`${k.padEnd(16)} ${String(t.total).padStart(4)} ${pct(t.right, t.total)} ${pct(t.unsure, t.total)} ${pct(t.wrong, t.total)}`);
  return lines.join("\n");
}
