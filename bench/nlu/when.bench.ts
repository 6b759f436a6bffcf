// p50/p99 time per utterance for parseWhen over the date corpus, beside raw chrono.ja on the same
// corpus in the same run, with both accuracies scored the same way.
// Run: npx tsx bench/nlu/when.bench.ts
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import * as chrono from "chrono-node";
import { parseWhen } from "../../src/nlu/when/index.ts";
import { CORPUS_NOW, whenCorpus, type WhenCase } from "../../test/nlu/corpus/when.ts";
import { formatTable, score, tally, type Answer } from "../../test/nlu/corpus/score.ts";

const ROUNDS = 20;

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

function timePerUtterance(run: (c: WhenCase) => unknown): { p50: number; p99: number } {
  for (const c of whenCorpus) run(c); // warm up
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of whenCorpus) {
      const t0 = performance.now();
      run(c);
      samples.push(performance.now() - t0);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

export function main(): { parseWhen: { p50: number; p99: number; accuracy: number }; chronoJa: { p50: number; p99: number; accuracy: number } } {
  const ours = timePerUtterance((c) => parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) }));
  const raw = timePerUtterance((c) => chrono.ja.parse(c.text, { instant: new Date(c.now ?? CORPUS_NOW), timezone: 540 }));

  const oursTable = tally(whenCorpus.map((c) => ({ category: c.category, outcome: score(c, parseWhen(c.text, { now: new Date(c.now ?? CORPUS_NOW) })) })));
  const rawTable = tally(whenCorpus.map((c) => ({ category: c.category, outcome: score(c, chronoAnswers(c)) })));

  const ms = (n: number) => `${n.toFixed(3)} ms`;
  console.log(`when corpus: ${whenCorpus.length} utterances × ${ROUNDS} rounds, Node ${process.version}`);
  console.log(`parseWhen   p50 ${ms(ours.p50)}  p99 ${ms(ours.p99)}`);
  console.log(`chrono.ja   p50 ${ms(raw.p50)}  p99 ${ms(raw.p99)}`);
  console.log();
  console.log(formatTable("parseWhen accuracy", oursTable));
  console.log();
  console.log(formatTable("raw chrono.ja accuracy (first result; time only when certain)", rawTable));

  const accuracy = (t: ReturnType<typeof tally>) => t.get("overall")!.right / t.get("overall")!.total;
  return {
    parseWhen: { ...ours, accuracy: accuracy(oursTable) },
    chronoJa: { ...raw, accuracy: accuracy(rawTable) },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
