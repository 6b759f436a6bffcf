import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { CORPUS_NOW } from "./corpus/when.ts";
import { zhWhenCorpus } from "./corpus/when.zh.ts";
import { zhUnseenCorpus } from "./corpus/when.locales.unseen.ts";
import { formatTable, score, tally, type Outcome } from "./corpus/score.ts";

// Development data for the Chinese reading (chrono.zh with ours around it); its misses are printed.
// Floors at what the parser reaches; never confidently wrong.
const MIN_RIGHT = 0.95;
const MAX_CONFIDENTLY_WRONG = 0;

describe("parseWhen on the 简体中文 corpus", () => {
  const outcomes = zhWhenCorpus.map((c) => {
    const readings = parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW), locale: "zh-Hans" });
    return { case: c, readings, category: c.category, outcome: score(c, readings) as Outcome };
  });
  const table = tally(outcomes);
  console.log(formatTable(`parseWhen, zh-Hans, ${zhWhenCorpus.length} utterances (TZ=${process.env.TZ})`, table));
  const misses = outcomes.filter((o) => o.outcome !== "right");
  if (misses.length) console.log(misses.map((m) => `${m.outcome}: [${m.category}] ${m.case.text} → ${JSON.stringify(m.readings)}  expected ${JSON.stringify(m.case.expect)}${m.case.also ? " also " + JSON.stringify(m.case.also) : ""}`).join("\n"));
  const overall = table.get("overall")!;

  it("has at least 60 utterances", () => {
    expect(zhWhenCorpus.length).toBeGreaterThanOrEqual(60);
  });

  it(`is right at least ${(MIN_RIGHT * 100).toFixed(0)}% of the time`, () => {
    expect(overall.right / overall.total).toBeGreaterThanOrEqual(MIN_RIGHT);
  });

  it("is never confidently wrong", () => {
    expect(overall.wrong / overall.total).toBeLessThanOrEqual(MAX_CONFIDENTLY_WRONG);
  });

  it("reads Chinese by its words even when the conversation is in Japanese", () => {
    expect(parseWhen("下周二下午3点", { now: new Date(CORPUS_NOW) })[0]).toMatchObject({ date: "2026-12-01", time: "15:00" });
  });
});

describe("parseWhen on the zh-Hans phrases written after the parser (first score in docs/benchmarks.md)", () => {
  const outcomes = zhUnseenCorpus.map((c) => ({ category: c.category, outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW), locale: "zh-Hans" })) }));
  const overall = tally(outcomes).get("overall")!;

  it("is never confidently wrong, and right at least 95% of the time", () => {
    expect(overall.wrong).toBe(0);
    expect(overall.right / overall.total).toBeGreaterThanOrEqual(0.95);
  });
});

describe("Chinese written with traditional characters or Japanese words", () => {
  it("reads 下週三 and 午後2時 as 下周三 and 下午2点, its span on the seeker's own characters", () => {
    const text = "下週三 午後2時可以吗";
    const [reading] = parseWhen(text, { now: new Date(CORPUS_NOW), locale: "zh-Hans" });
    expect(reading).toMatchObject({ date: "2026-12-02", time: "14:00" });
    expect(text.slice(...reading!.span)).toBe("下週三 午後2時");
  });

  it("asks back a reply with an English time word it could not read", () => {
    for (const text of ["明天 morning", "周四 afternoon"]) expect(parseWhen(text, { now: new Date(CORPUS_NOW), locale: "zh-Hans" })[0]?.confirm).toBe("ambiguous_date");
  });
});
