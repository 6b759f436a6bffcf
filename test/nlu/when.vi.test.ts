import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { CORPUS_NOW } from "./corpus/when.ts";
import { viWhenCorpus } from "./corpus/when.vi.ts";
import { viUnseenCorpus } from "./corpus/when.locales.unseen.ts";
import { formatTable, score, tally, type Outcome } from "./corpus/score.ts";

// Development data for the Vietnamese reading (our own parsers); its misses are printed.
// Floors at what the parser reaches; never confidently wrong.
const MIN_RIGHT = 0.95;
const MAX_CONFIDENTLY_WRONG = 0;

describe("parseWhen on the Tiếng Việt corpus", () => {
  const outcomes = viWhenCorpus.map((c) => {
    const readings = parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW), locale: "vi" });
    return { case: c, readings, category: c.category, outcome: score(c, readings) as Outcome };
  });
  const table = tally(outcomes);
  console.log(formatTable(`parseWhen, vi, ${viWhenCorpus.length} utterances (TZ=${process.env.TZ})`, table));
  const misses = outcomes.filter((o) => o.outcome !== "right");
  if (misses.length) console.log(misses.map((m) => `${m.outcome}: [${m.category}] ${m.case.text} → ${JSON.stringify(m.readings)}  expected ${JSON.stringify(m.case.expect)}${m.case.also ? " also " + JSON.stringify(m.case.also) : ""}`).join("\n"));
  const overall = table.get("overall")!;

  it("has at least 60 utterances", () => {
    expect(viWhenCorpus.length).toBeGreaterThanOrEqual(60);
  });

  it(`is right at least ${(MIN_RIGHT * 100).toFixed(0)}% of the time`, () => {
    expect(overall.right / overall.total).toBeGreaterThanOrEqual(MIN_RIGHT);
  });

  it("is never confidently wrong", () => {
    expect(overall.wrong / overall.total).toBeLessThanOrEqual(MAX_CONFIDENTLY_WRONG);
  });

  it("reads 3/12 as 3 December only in a Vietnamese conversation, or beside Vietnamese words", () => {
    expect(parseWhen("3/12", { now: new Date(CORPUS_NOW), locale: "vi" })[0]).toMatchObject({ date: "2026-12-03" });
    expect(parseWhen("3/12 lúc 14h", { now: new Date(CORPUS_NOW) })[0]).toMatchObject({ date: "2026-12-03", time: "14:00" });
    expect(parseWhen("12/3", { now: new Date(CORPUS_NOW), locale: "ja" })[0]).toMatchObject({ date: "2026-12-03" });
  });
});

describe("parseWhen on the vi phrases written after the parser (first score in docs/benchmarks.md)", () => {
  const outcomes = viUnseenCorpus.map((c) => ({ category: c.category, outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW), locale: "vi" })) }));
  const overall = tally(outcomes).get("overall")!;

  it("is never confidently wrong, and right at least 95% of the time", () => {
    expect(overall.wrong).toBe(0);
    expect(overall.right / overall.total).toBeGreaterThanOrEqual(0.95);
  });
});
