import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOutboxWorkers, PermanentJobError } from "../../src/notify/outboxWorker.ts";
import { enqueue, outboxCounts } from "../../src/store/outbox.ts";
import { outbox } from "../../src/store/schema.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("outbox on $name", (kind) => {
  const store = useStore(kind);

  const t0 = new Date("2026-12-01T10:00:00+09:00");

  it("never runs a job whose transaction rolled back", async () => {
    const ran: string[] = [];
    await expect(
      store.db.transaction(async (tx) => {
        await enqueue(tx, { kind: "note", idempotencyKey: "rolled-back", payload: { id: "a" } });
        throw new Error("the booking failed");
      }),
    ).rejects.toThrow("the booking failed");
    await store.db.transaction(async (tx) => {
      await enqueue(tx, { kind: "note", idempotencyKey: "committed", payload: { id: "b" } });
    });
    const workers = createOutboxWorkers({
      db: store.db,
      clock: () => t0,
      handlers: { note: async (p: { id: string }) => void ran.push(p.id) },
    });
    await workers.runOnce();
    expect(ran).toEqual(["b"]);
  });

  it("enqueues one effect once however often the same key is written", async () => {
    for (let i = 0; i < 3; i++) {
      await store.db.transaction(async (tx) => {
        await enqueue(tx, { kind: "note", idempotencyKey: "booking-1:staff-notice", payload: { i } });
      });
    }
    expect(await outboxCounts(store.db)).toEqual({ pending: 1 });
  });

  it("retries a failing job with growing delays and marks it dead with its error after the last attempt", async () => {
    await enqueue(store.db, { kind: "flaky", idempotencyKey: "k", payload: {}, maxAttempts: 5 });
    let now = t0;
    const workers = createOutboxWorkers({
      db: store.db,
      clock: () => now,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      random: () => 1,
      handlers: {
        flaky: async () => {
          throw new Error("SMTP 421 try again later");
        },
      },
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await workers.runOnce()).toBe(1);
      const [job] = await store.db.select().from(outbox);
      if (attempt < 5) {
        expect(job!.status).toBe("pending");
        delays.push(job!.runAt.getTime() - now.getTime());
        // Not due before its time.
        now = new Date(job!.runAt.getTime() - 1);
        expect(await workers.runOnce()).toBe(0);
        now = job!.runAt;
      } else {
        expect(job!.status).toBe("dead");
        expect(job!.attempts).toBe(5);
        expect(job!.lastError).toBe("SMTP 421 try again later");
      }
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("spreads retries with jitter between half and the whole of the delay", async () => {
    await enqueue(store.db, { kind: "flaky", idempotencyKey: "j", payload: {} });
    const workers = createOutboxWorkers({
      db: store.db,
      clock: () => t0,
      backoff: { baseMs: 10_000, maxMs: 60_000 },
      random: () => 0,
      handlers: { flaky: async () => Promise.reject(new Error("down")) },
    });
    await workers.runOnce();
    const [job] = await store.db.select().from(outbox);
    expect(job!.runAt.getTime() - t0.getTime()).toBe(5_000);
  });

  it("marks a permanently failing job dead at once", async () => {
    await enqueue(store.db, { kind: "bad", idempotencyKey: "p", payload: {} });
    const workers = createOutboxWorkers({
      db: store.db,
      clock: () => t0,
      handlers: { bad: async () => Promise.reject(new PermanentJobError("LINE said 400: invalid message")) },
    });
    await workers.runOnce();
    const [job] = await store.db.select().from(outbox);
    expect(job).toMatchObject({ status: "dead", attempts: 1, lastError: "LINE said 400: invalid message" });
  });

  it("takes over a job whose worker died after its lease ran out", async () => {
    await enqueue(store.db, { kind: "note", idempotencyKey: "lease", payload: {} });
    await store.db.update(outbox).set({ status: "running", attempts: 1, lockedUntil: new Date(t0.getTime() + 1_000) });
    const ran: number[] = [];
    let now = t0;
    const workers = createOutboxWorkers({ db: store.db, clock: () => now, handlers: { note: async () => void ran.push(1) } });
    expect(await workers.runOnce()).toBe(0);
    now = new Date(t0.getTime() + 1_000);
    expect(await workers.runOnce()).toBe(1);
    const [job] = await store.db.select().from(outbox).where(eq(outbox.idempotencyKey, "lease"));
    expect(job).toMatchObject({ status: "done", attempts: 2 });
  });

  it("does not take over a job that used its last attempt", async () => {
    await enqueue(store.db, { kind: "note", idempotencyKey: "spent", payload: {}, maxAttempts: 3 });
    await store.db.update(outbox).set({ status: "running", attempts: 3, lockedUntil: new Date(t0.getTime() - 1) });
    const workers = createOutboxWorkers({ db: store.db, clock: () => t0, handlers: { note: async () => {} } });
    expect(await workers.runOnce()).toBe(0);
  });

  it("waits for the jobs in flight when it stops", async () => {
    await enqueue(store.db, { kind: "slow", idempotencyKey: "s", payload: {} });
    let finished = false;
    const workers = createOutboxWorkers({
      db: store.db,
      pollMs: 10,
      handlers: {
        slow: async () => {
          await new Promise((r) => setTimeout(r, 200));
          finished = true;
        },
      },
    });
    workers.start();
    await new Promise((r) => setTimeout(r, 60));
    await workers.stop();
    expect(finished).toBe(true);
    expect(await outboxCounts(store.db)).toEqual({ done: 1 });
  });
});
