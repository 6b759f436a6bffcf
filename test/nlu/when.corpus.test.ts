import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { CORPUS_NOW, whenCorpus } from "./corpus/when.ts";
import { formatTable, score, tally, type Outcome } from "./corpus/score.ts";

// Thresholds at what the parser reaches today; raise them when it gets better, never lower them quietly.
const MIN_RIGHT: Record<string, number> = {};
const DEFAULT_MIN_RIGHT = 1.0;
const MAX_CONFIDENTLY_WRONG = 0;

describe("parseWhen on the corpus", () => {
  const outcomes = whenCorpus.map((c) => {
    const readings = parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) });
    return { case: c, readings, category: c.category, outcome: score(c, readings) as Outcome };
  });
  const table = tally(outcomes);
  console.log(formatTable(`parseWhen, ${whenCorpus.length} utterances (TZ=${process.env.TZ})`, table));
  const misses = outcomes.filter((o) => o.outcome !== "right");
  if (misses.length) console.log(misses.map((m) => `${m.outcome}: ${m.case.text} → ${JSON.stringify(m.readings)}`).join("\n"));

  it("has at least 300 utterances", () => {
    expect(whenCorpus.length).toBeGreaterThanOrEqual(300);
  });

  for (const [category, t] of table) {
    it(`gets ${category} right at least ${((MIN_RIGHT[category] ?? DEFAULT_MIN_RIGHT) * 100).toFixed(0)}% of the time`, () => {
      expect(t.right / t.total).toBeGreaterThanOrEqual(MIN_RIGHT[category] ?? DEFAULT_MIN_RIGHT);
    });
  }

  it(`is confidently wrong on at most ${(MAX_CONFIDENTLY_WRONG * 100).toFixed(1)}% of the corpus`, () => {
    const overall = table.get("overall")!;
    expect(overall.wrong / overall.total).toBeLessThanOrEqual(MAX_CONFIDENTLY_WRONG);
  });
});
