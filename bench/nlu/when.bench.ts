// p50/p99 time per utterance for parseWhen over the date corpus (development, sealed and fresh parts), beside
// raw chrono.ja on the same utterances in the same run, with both accuracies scored the same way; then the
// Chinese and Vietnamese corpora, each read in its own conversation language; then their held-out sets.
// Run: npx tsx bench/nlu/when.bench.ts
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import * as chrono from "chrono-node";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { CORPUS_NOW, whenCorpus as developmentCorpus, type WhenCase } from "../../test/nlu/corpus/when.ts";
import { sealedWhenCorpus } from "../../test/nlu/corpus/when.sealed.ts";
import { freshWhenCorpus } from "../../test/nlu/corpus/when.fresh.ts";
import { viUnseenCorpus, zhUnseenCorpus } from "../../test/nlu/corpus/when.locales.unseen.ts";
import { viWhenCorpus } from "../../test/nlu/corpus/when.vi.ts";
import { zhWhenCorpus } from "../../test/nlu/corpus/when.zh.ts";
import { viHeldOutCorpus } from "../../test/nlu/corpus/when.vi.heldout.ts";
import { zhHeldOutCorpus } from "../../test/nlu/corpus/when.zh.heldout.ts";
import { formatTable, score, tally, type Answer } from "../../test/nlu/corpus/score.ts";

const ROUNDS = 20;
const whenCorpus = [...developmentCorpus, ...sealedWhenCorpus, ...freshWhenCorpus];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** chrono's first result, read through its components: the date, and the clock time only if certain. */
function chronoAnswers(c: WhenCase): Answer[] {
  const results = chrono.ja.parse(c.text, { instant: new Date(c.now ?? CORPUS_NOW), timezone: 540 });
  return results.map((r) => {
    const date = (p: chrono.ParsedComponents) => `${p.get("year")}-${pad(p.get("month")!)}-${pad(p.get("day")!)}`;
    const time = (p: chrono.ParsedComponents) => (p.isCertain("hour") ? `${pad(p.get("hour")!)}:${pad(p.get("minute") ?? 0)}` : undefined);
    const answer: Answer = { date: date(r.start) };
    const t = time(r.start);
    if (t) answer.time = t;
    if (r.end) {
      const end = { date: date(r.end), time: time(r.end) };
      if (!end.time) delete end.time;
      if (end.date !== answer.date || end.time) answer.end = end;
    }
    return answer;
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * p50 and p99 over every timed call; and p99 over each utterance's median call, which a busy shared
 * machine (a call descheduled half-way) cannot inflate the way it inflates the p99 of single calls.
 */
function timePerUtterance(run: (c: WhenCase) => unknown, corpus: WhenCase[] = whenCorpus): { p50: number; p99: number; p99OfMedians: number } {
  for (const c of corpus) run(c); // warm up
  const samples: number[] = [];
  const perUtterance: number[][] = corpus.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    corpus.forEach((c, i) => {
      const t0 = performance.now();
      run(c);
      const dt = performance.now() - t0;
      samples.push(dt);
      perUtterance[i]!.push(dt);
    });
  }
  samples.sort((a, b) => a - b);
  const medians = perUtterance.map((ts) => percentile([...ts].sort((a, b) => a - b), 50)).sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), p99OfMedians: percentile(medians, 99) };
}

type Figures = { p50: number; p99: number; p99OfMedians: number; accuracy: number };

/** The Chinese and Vietnamese corpora, each read in its conversation's language. */
const LOCALE_CORPORA: Array<[string, WhenCase[]]> = [
  ["zh-Hans", [...zhWhenCorpus, ...zhUnseenCorpus]],
  ["vi", [...viWhenCorpus, ...viUnseenCorpus]],
];

/** Replies written without reading the parsers and committed before changing them (see docs/benchmarks.md). */
const HELD_OUT_CORPORA: Array<[string, WhenCase[]]> = [
  ["zh-Hans", zhHeldOutCorpus],
  ["vi", viHeldOutCorpus],
];

type Shares = { right: number; unsure: number; wrong: number; total: number };

export function main(): { parseWhen: Figures; chronoJa: Figures; locales: Record<string, Figures>; heldOut: Record<string, Shares> } {
  const ours = timePerUtterance((c) => parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) }));
  const raw = timePerUtterance((c) => chrono.ja.parse(c.text, { instant: new Date(c.now ?? CORPUS_NOW), timezone: 540 }));

  const sealedTable = tally(sealedWhenCorpus.map((c) => ({ category: c.category, outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) })) })));
  const freshTable = tally(freshWhenCorpus.map((c) => ({ category: c.category, outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) })) })));
  const sealedRawTable = tally(sealedWhenCorpus.map((c) => ({ category: c.category, outcome: score(c, chronoAnswers(c)) })));
  const oursTable = tally(developmentCorpus.map((c) => ({ category: c.category, outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) })) })));
  const rawTable = tally(developmentCorpus.map((c) => ({ category: c.category, outcome: score(c, chronoAnswers(c)) })));

  const ms = (n: number) => `${n.toFixed(3)} ms`;
  console.log(`when corpus: ${whenCorpus.length} utterances (${developmentCorpus.length} development, ${sealedWhenCorpus.length} sealed, ${freshWhenCorpus.length} fresh) × ${ROUNDS} rounds after a warm-up, Node ${process.version}, TZ=${process.env.TZ ?? "(host)"}`);
  console.log(`parseWhen   p50 ${ms(ours.p50)}  p99 ${ms(ours.p99)}  p99 of per-utterance medians ${ms(ours.p99OfMedians)}`);
  console.log(`chrono.ja   p50 ${ms(raw.p50)}  p99 ${ms(raw.p99)}  p99 of per-utterance medians ${ms(raw.p99OfMedians)}`);
  console.log();
  console.log(formatTable("parseWhen accuracy, development part", oursTable));
  console.log();
  console.log(formatTable("parseWhen accuracy, sealed part", sealedTable));
  console.log();
  console.log(formatTable("parseWhen accuracy, fresh part", freshTable));
  console.log();
  console.log(formatTable("raw chrono.ja accuracy, sealed part", sealedRawTable));
  console.log();
  console.log(formatTable("raw chrono.ja accuracy, development part (first result; time only when certain)", rawTable));

  const accuracy = (t: ReturnType<typeof tally>) => t.get("overall")!.right / t.get("overall")!.total;
  const locales: Record<string, Figures> = {};
  for (const [locale, corpus] of LOCALE_CORPORA) {
    const read = (c: WhenCase) => parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW), locale });
    const time = timePerUtterance(read, corpus);
    const table = tally(corpus.map((c) => ({ category: c.category, outcome: score(c, read(c)) })));
    console.log();
    console.log(`parseWhen, ${locale}: ${corpus.length} utterances  p50 ${ms(time.p50)}  p99 ${ms(time.p99)}  p99 of per-utterance medians ${ms(time.p99OfMedians)}`);
    console.log(formatTable(`parseWhen accuracy, ${locale} (its own corpus and the phrases written after the parser)`, table));
    locales[locale] = { ...time, accuracy: accuracy(table) };
  }
  const heldOut: Record<string, Shares> = {};
  for (const [locale, corpus] of HELD_OUT_CORPORA) {
    const table = tally(corpus.map((c) => ({ category: c.category, outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW), locale })) })));
    console.log();
    console.log(formatTable(`parseWhen accuracy, ${locale} held-out set (${corpus.length} utterances)`, table));
    heldOut[locale] = table.get("overall")!;
  }
  return {
    parseWhen: { ...ours, accuracy: accuracy(oursTable) },
    chronoJa: { ...raw, accuracy: accuracy(rawTable) },
    locales,
    heldOut,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
