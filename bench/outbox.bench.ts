// Outbox throughput on PostgreSQL: jobs/s delivered by 1 and by 4 workers, each worker with a pool of
// its own as a separate process would have. Handlers do nothing, so this measures the claim/complete
// cycle itself.
// Run: npx tsx bench/outbox.bench.ts
import { createOutboxWorkers } from "../src/notify/outboxWorker.ts";
import { openStore, type Store } from "../src/store/db.ts";
import { enqueue } from "../src/store/outbox.ts";
import { freshPostgres } from "./fresh-postgres.ts";
import { isMain } from "./stats.ts";

const JOBS = 5_000;

async function run(workerCount: number): Promise<number> {
  const store = await freshPostgres();
  const pools: Store[] = [];
  try {
    for (let i = 0; i < JOBS; i += 500) {
      await store.db.transaction(async (tx) => {
        for (let n = i; n < i + 500; n++) await enqueue(tx, { kind: "noop", idempotencyKey: `job-${n}`, payload: { n } });
      });
    }
    let done = 0;
    const workers = [];
    for (let w = 0; w < workerCount; w++) {
      const pool = await openStore({ databaseUrl: store.url, maxConnections: 2 });
      pools.push(pool);
      workers.push(createOutboxWorkers({ db: pool.db, batchSize: 20, pollMs: 5, handlers: { noop: async () => void done++ } }));
    }
    const started = performance.now();
    workers.forEach((w) => w.start());
    while (done < JOBS) await new Promise((r) => setTimeout(r, 5));
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(workers.map((w) => w.stop()));
    return JOBS / seconds;
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await store.close();
  }
}

export async function main(): Promise<void> {
  console.log(`outbox on PostgreSQL, ${JOBS} jobs, batches of 20`);
  for (const n of [1, 4]) console.log(`  ${n} worker${n > 1 ? "s" : " "}: ${(await run(n)).toFixed(0)} jobs/s`);
}

if (isMain(import.meta.url)) await main();
