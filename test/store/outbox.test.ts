import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createOutboxWorkers, PermanentJobError } from "../../src/notify/outboxWorker.ts";
import { enqueue, listJobs, outboxCounts, requeueJob } from "../../src/store/outbox.ts";
import { outbox } from "../../src/store/schema.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("outbox on $name", (kind) => {
  const store = useStore(kind);

  // Jobs are enqueued due at t0: the workers' clock is fixed there, whatever the day the suite runs.
  const t0 = new Date("2026-12-01T10:00:00+09:00");

  it("never runs a job whose transaction rolled back", async () => {
    const ran: string[] = [];
    await expect(
      store.db.transaction(async (tx) => {
        await enqueue(tx, { kind: "note", idempotencyKey: "rolled-back", runAt: t0, payload: { id: "a" } });
        throw new Error("the booking failed");
      }),
    ).rejects.toThrow("the booking failed");
    await store.db.transaction(async (tx) => {
      await enqueue(tx, { kind: "note", idempotencyKey: "committed", runAt: t0, payload: { id: "b" } });
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
        await enqueue(tx, { kind: "note", idempotencyKey: "booking-1:staff-notice", runAt: t0, payload: { i } });
      });
    }
    expect(await outboxCounts(store.db)).toEqual({ pending: 1 });
  });

  it("retries a failing job with growing delays and marks it dead with its error after the last attempt", async () => {
    await enqueue(store.db, { kind: "flaky", idempotencyKey: "k", runAt: t0, payload: {}, maxAttempts: 5 });
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
    await enqueue(store.db, { kind: "flaky", idempotencyKey: "j", runAt: t0, payload: {} });
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
    await enqueue(store.db, { kind: "bad", idempotencyKey: "p", runAt: t0, payload: {} });
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
    await enqueue(store.db, { kind: "note", idempotencyKey: "lease", runAt: t0, payload: {} });
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

  it("takes over a job whose worker died during its last attempt", async () => {
    await enqueue(store.db, { kind: "note", idempotencyKey: "spent", runAt: t0, payload: {}, maxAttempts: 3 });
    await store.db.update(outbox).set({ status: "running", attempts: 3, lockedUntil: new Date(t0.getTime() - 1) });
    const workers = createOutboxWorkers({ db: store.db, clock: () => t0, handlers: { note: async () => {} } });
    expect(await workers.runOnce()).toBe(1);
    expect(await outboxCounts(store.db)).toEqual({ done: 1 });
  });

  it("keeps retrying with capped backoff until the horizon, then marks the job dead", async () => {
    await enqueue(store.db, { kind: "mail", idempotencyKey: "down", runAt: t0, payload: {} });
    let now = t0;
    const dead: number[] = [];
    const workers = createOutboxWorkers({
      db: store.db,
      clock: () => now,
      backoff: { baseMs: 5_000, maxMs: 15 * 60_000 },
      horizonMs: 3 * 24 * 3_600_000,
      random: () => 1,
      handlers: { mail: async () => Promise.reject(new Error("connect ECONNREFUSED")) },
      onError: (_e, job, outcome) => void (outcome === "dead" && dead.push(job!.attempts)),
    });
    let longest = 0;
    for (;;) {
      expect(await workers.runOnce()).toBe(1);
      const [job] = await store.db.select().from(outbox);
      if (job!.status === "dead") break;
      longest = Math.max(longest, job!.runAt.getTime() - now.getTime());
      now = job!.runAt;
    }
    expect(longest).toBe(15 * 60_000);
    // Still tried after two days and more; dead only once another wait would pass three days.
    const elapsed = now.getTime() - t0.getTime();
    expect(elapsed).toBeGreaterThan(3 * 24 * 3_600_000 - 15 * 60_000);
    expect(elapsed).toBeLessThanOrEqual(3 * 24 * 3_600_000);
    expect(dead).toHaveLength(1);
  });

  it("renews the lease of a long job so that no other worker takes it over", async () => {
    await enqueue(store.db, { kind: "slow", idempotencyKey: "long", runAt: t0, payload: {} });
    let runs = 0;
    const handlers = { slow: async () => void (runs++, await new Promise((r) => setTimeout(r, 600))) };
    const a = createOutboxWorkers({ db: store.db, leaseMs: 150, handlers });
    const b = createOutboxWorkers({ db: store.db, leaseMs: 150, handlers });
    const first = a.runOnce();
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 8; i++) {
      expect(await b.runOnce()).toBe(0);
      await new Promise((r) => setTimeout(r, 60));
    }
    await first;
    expect(runs).toBe(1);
    expect(await outboxCounts(store.db)).toEqual({ done: 1 });
  });

  it("runs the jobs of one order key one at a time in order, a failing one holding the later back", async () => {
    let now = t0;
    const sent: string[] = [];
    let failFirst = true;
    for (const n of ["1", "2", "3"]) await enqueue(store.db, { kind: "push", idempotencyKey: `u1:${n}`, runAt: t0, payload: { n }, orderKey: "line:U1" });
    await enqueue(store.db, { kind: "push", idempotencyKey: "u2:1", runAt: t0, payload: { n: "other" }, orderKey: "line:U2" });
    const workers = createOutboxWorkers({
      db: store.db,
      clock: () => now,
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      random: () => 1,
      handlers: {
        push: async (p: { n: string }) => {
          if (p.n === "1" && failFirst) {
            failFirst = false;
            throw new Error("LINE 500");
          }
          sent.push(p.n);
        },
      },
    });
    await workers.runOnce();
    expect(sent).toEqual(["other"]);
    // 2 and 3 wait behind 1's retry.
    expect(await workers.runOnce()).toBe(0);
    now = new Date(t0.getTime() + 1_000);
    while ((await workers.runOnce()) > 0);
    expect(sent).toEqual(["other", "1", "2", "3"]);
  });

  it("lists dead jobs without their payloads and requeues one with a fresh horizon", async () => {
    await enqueue(store.db, { kind: "bad", idempotencyKey: "d", runAt: t0, payload: { email: "someone@example.jp" } });
    const workers = createOutboxWorkers({ db: store.db, clock: () => t0, handlers: { bad: async () => Promise.reject(new PermanentJobError("550 no such user")) } });
    await workers.runOnce();
    const [dead] = await listJobs(store.db, { status: "dead", limit: 10 });
    expect(dead).toMatchObject({ kind: "bad", attempts: 1, lastError: "550 no such user" });
    expect(JSON.stringify(dead)).not.toContain("someone@example.jp");
    expect(await requeueJob(store.db, dead!.id, t0)).toBe(true);
    expect(await requeueJob(store.db, dead!.id, t0)).toBe(false);
    const [job] = await store.db.select().from(outbox);
    expect(job).toMatchObject({ status: "pending", attempts: 0, firstAttemptAt: null });
  });

  it("waits for the jobs in flight when it stops", async () => {
    await enqueue(store.db, { kind: "slow", idempotencyKey: "s", runAt: t0, payload: {} });
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
