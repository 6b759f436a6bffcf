import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { CORPUS_NOW } from "./corpus/when.ts";
import { sealedWhenCorpus } from "./corpus/when.sealed.ts";
import { formatTable, score, tally, type Outcome } from "./corpus/score.ts";

// The sealed corpus is scored, never tuned on: only the table is printed, not the misses.
// Floors at what the parser reaches; raise them when it gets better, never lower them quietly.
const MIN_RIGHT = 0.975;
const MAX_CONFIDENTLY_WRONG = 0.009;

describe("parseWhen on the sealed corpus", () => {
  const outcomes = sealedWhenCorpus.map((c) => ({
    category: c.category,
    outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) })) as Outcome,
  }));
  const table = tally(outcomes);
  console.log(formatTable(`parseWhen, sealed, ${sealedWhenCorpus.length} utterances (TZ=${process.env.TZ})`, table));
  const overall = table.get("overall")!;

  it("has at least 200 utterances", () => {
    expect(sealedWhenCorpus.length).toBeGreaterThanOrEqual(200);
  });

  it(`is right at least ${(MIN_RIGHT * 100).toFixed(0)}% of the time`, () => {
    expect(overall.right / overall.total).toBeGreaterThanOrEqual(MIN_RIGHT);
  });

  it(`is confidently wrong at most ${(MAX_CONFIDENTLY_WRONG * 100).toFixed(1)}% of the time`, () => {
    expect(overall.wrong / overall.total).toBeLessThanOrEqual(MAX_CONFIDENTLY_WRONG);
  });
});
