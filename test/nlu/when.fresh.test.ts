import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { CORPUS_NOW } from "./corpus/when.ts";
import { freshWhenCorpus } from "./corpus/when.fresh.ts";
import { formatTable, score, tally, type Outcome } from "./corpus/score.ts";

// The fresh corpus was written without reading the parser; its first score is in docs/benchmarks.md.
// Since then it is development data, so its misses are printed. Floors at what the parser reaches.
const MIN_RIGHT = 1.0;
const MAX_CONFIDENTLY_WRONG = 0;

describe("parseWhen on the fresh corpus", () => {
  const outcomes = freshWhenCorpus.map((c) => {
    const readings = parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) });
    return { case: c, readings, category: c.category, outcome: score(c, readings) as Outcome };
  });
  const table = tally(outcomes);
  console.log(formatTable(`parseWhen, fresh, ${freshWhenCorpus.length} utterances (TZ=${process.env.TZ})`, table));
  const misses = outcomes.filter((o) => o.outcome !== "right");
  if (misses.length) console.log(misses.map((m) => `${m.outcome}: [${m.category}] ${m.case.text} → ${JSON.stringify(m.readings)}  expected ${JSON.stringify(m.case.expect)}${m.case.also ? " also " + JSON.stringify(m.case.also) : ""}`).join("\n"));
  const overall = table.get("overall")!;

  it("has at least 300 utterances", () => {
    expect(freshWhenCorpus.length).toBeGreaterThanOrEqual(300);
  });

  it(`is right at least ${(MIN_RIGHT * 100).toFixed(0)}% of the time`, () => {
    expect(overall.right / overall.total).toBeGreaterThanOrEqual(MIN_RIGHT);
  });

  it(`is confidently wrong at most ${(MAX_CONFIDENTLY_WRONG * 100).toFixed(1)}% of the time`, () => {
    expect(overall.wrong / overall.total).toBeLessThanOrEqual(MAX_CONFIDENTLY_WRONG);
  });
});
