import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { CORPUS_NOW, type WhenCase } from "./corpus/when.ts";
import { viHeldOutCorpus } from "./corpus/when.vi.heldout.ts";
import { zhHeldOutCorpus } from "./corpus/when.zh.heldout.ts";
import { formatTable, score, tally, type Outcome } from "./corpus/score.ts";

// The held-out Chinese and Vietnamese sets are scored, never tuned on: only the table is printed, not
// the misses. Floors at what the parsers reach (docs/benchmarks.md); raise them, never lower them quietly.
const FLOORS: Array<[locale: string, corpus: WhenCase[], minRight: number]> = [
  ["zh-Hans", zhHeldOutCorpus, 0.93],
  ["vi", viHeldOutCorpus, 0.91],
];

for (const [locale, corpus, minRight] of FLOORS) {
  describe(`parseWhen on the ${locale} held-out set`, () => {
    const outcomes = corpus.map((c) => ({ category: c.category, outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW), locale })) as Outcome }));
    const table = tally(outcomes);
    console.log(formatTable(`parseWhen, ${locale} held-out, ${corpus.length} utterances (TZ=${process.env.TZ})`, table));
    const overall = table.get("overall")!;

    it(`is right at least ${(minRight * 100).toFixed(0)}% of the time`, () => {
      expect(overall.right / overall.total).toBeGreaterThanOrEqual(minRight);
    });

    it("is never confidently wrong: a reply it cannot read whole is asked back", () => {
      expect(overall.wrong).toBe(0);
    });
  });
}
