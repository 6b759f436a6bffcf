import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxWorkers, type OutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { openStore, type Store } from "../../src/store/db.ts";
import { enqueue, outboxCounts } from "../../src/store/outbox.ts";
import { postgresKind, testDatabaseUrl, type TestStore } from "../helpers/stores.ts";

describe.skipIf(!testDatabaseUrl)("outbox workers in separate processes' pools on PostgreSQL", () => {
  let store: TestStore;
  const pools: Store[] = [];
  beforeAll(async () => {
    store = await postgresKind.open();
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await store?.close();
  });

  it("delivers 1,000 jobs exactly once with four concurrent workers", async () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    for (let i = 0; i < values.length; i += 250) {
      await store.db.transaction(async (tx) => {
        for (const n of values.slice(i, i + 250)) await enqueue(tx, { kind: "deliver", idempotencyKey: `job-${n}`, payload: { n } });
      });
    }
    // Each worker has a connection pool of its own, as separate processes would.
    const delivered = new Map<number, number>();
    const workers: OutboxWorkers[] = [];
    for (let w = 0; w < 4; w++) {
      const pool = await openStore({ databaseUrl: store.databaseUrl!, maxConnections: 2 });
      pools.push(pool);
      workers.push(
        createOutboxWorkers({
          db: pool.db,
          batchSize: 5,
          pollMs: 5,
          handlers: {
            deliver: async (p: { n: number }) => {
              delivered.set(p.n, (delivered.get(p.n) ?? 0) + 1);
              await new Promise((r) => setImmediate(r));
            },
          },
        }),
      );
    }
    workers.forEach((w) => w.start());
    const deadline = Date.now() + 60_000;
    while (delivered.size < 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await Promise.all(workers.map((w) => w.stop()));
    expect(delivered.size).toBe(1000);
    expect([...delivered.values()].every((count) => count === 1)).toBe(true);
    expect(await outboxCounts(store.db)).toEqual({ done: 1000 });
  });
});
