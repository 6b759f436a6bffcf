// Faults injected from outside the process into the outbox: an SMTP server that is down far longer
// than the old retry budget, and kill -9 of a real server process holding claimed jobs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import { createMailer, formatMessageId } from "../../src/notify/mail/transport.ts";
import { createOutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { enqueue, outboxCounts } from "../../src/store/outbox.ts";
import { outbox } from "../../src/store/schema.ts";
import { freePort, startSmtpSink, startStalledSmtp } from "../fakes/smtp-sink.ts";
import { testConfig } from "../helpers/config.ts";
import { personalValuesIn } from "../helpers/personalData.ts";
import { startProcess } from "../helpers/process.ts";
import { postgresKind, storeKinds, testDatabaseUrl, useStore, type TestStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";

const dir = mkdtempSync(join(tmpdir(), "soudan-outbox-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function enqueueMails(store: TestStore, count: number, options: { maxAttempts?: number } = {}): Promise<string[]> {
  const keys: string[] = [];
  await store.db.transaction(async (tx) => {
    for (let i = 1; i <= count; i++) {
      const key = `booking-${i}:mail`;
      keys.push(key);
      await enqueue(tx, {
        kind: "mail.send",
        idempotencyKey: key,
        payload: { mail: { to: `seeker${i}@example.jp`, subject: "ご予約を承りました", text: "本文" } },
        runAt: new Date(),
        ...options,
      });
    }
  });
  return keys;
}

/** Waits until every job is done (a send is recorded a moment after the sink has the mail). */
async function settled(store: TestStore, count: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  let counts = await outboxCounts(store.db);
  while (counts.done !== count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    counts = await outboxCounts(store.db);
  }
  expect(counts).toEqual({ done: count });
}

/** delivered / duplicated / lost, counted by Message-ID (a hash of the job's key) against the jobs' keys. */
function tally(received: string[], keys: string[]) {
  const ids = received.map((id) => id.replace(/^<|@.*$/g, ""));
  const wanted = new Set(keys.map((k) => formatMessageId(k, "bot@example.jp").replace(/^<|@.*$/g, "")));
  return {
    delivered: new Set(ids.filter((id) => wanted.has(id))).size,
    duplicated: ids.length - new Set(ids).size,
    lost: [...wanted].filter((id) => !ids.includes(id)).length,
  };
}

describe.each(storeKinds)("mail through an SMTP outage on $name", (kind) => {
  const store = useStore(kind);

  it("delivers every mail once when SMTP comes back, however many attempts the outage took", { timeout: 30_000 }, async () => {
    const port = await freePort();
    const keys = await enqueueMails(store, 20);
    // The outage stands for 11 minutes; backoff and horizon are shortened by the same configuration
    // that sets them in production (OUTBOX_BACKOFF_MAX_SECONDS, OUTBOX_RETRY_HOURS).
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "相談予約ボット <bot@example.jp>", mailDir: dir, timeoutMs: 1_000 });
    const workers = createOutboxWorkers({
      db: store.db,
      handlers: createJobHandlers({ db: store.db, config: testConfig(), channels: parseStaffChannels({}), mailer, clock: () => new Date() }),
      concurrency: 2,
      pollMs: 20,
      backoff: { baseMs: 20, maxMs: 200 },
      horizonMs: 60_000,
    });
    workers.start();
    try {
      await new Promise((r) => setTimeout(r, 3_000));
      const during = await store.db.select({ attempts: outbox.attempts, status: outbox.status }).from(outbox);
      // The old budget was 8 attempts, then dead: every job has used it up and none is dead.
      expect(Math.min(...during.map((j) => j.attempts))).toBeGreaterThanOrEqual(8);
      expect(during.filter((j) => j.status === "dead")).toHaveLength(0);

      const sink = await startSmtpSink(port);
      try {
        await until(() => sink.received.length >= 20, "20 mails at the sink", 15_000);
        await settled(store, 20);
        expect(tally(sink.received, keys)).toEqual({ delivered: 20, duplicated: 0, lost: 0 });
      } finally {
        await sink.close();
      }
    } finally {
      await workers.stop();
      mailer.close();
    }
  });
});

describe.skipIf(!testDatabaseUrl)("a server killed with -9 while it holds claimed mail jobs, on postgres", () => {
  const store = useStore(postgresKind);

  it("has its jobs, last attempts included, taken over by another worker within 10 seconds", { timeout: 60_000 }, async () => {
    const stalled = await startStalledSmtp();
    // Every job is on its last attempt once claimed: a takeover must not count that against it.
    const keys = await enqueueMails(store, 6, { maxAttempts: 1 });
    const server = startProcess([], {
      DATABASE_URL: store.databaseUrl!,
      DATA_DIR: mkdtempSync(join(dir, "server-")),
      PORT: "0",
      SMTP_URL: `smtp://127.0.0.1:${stalled.port}`,
      OUTBOX_WORKERS: "2",
    });
    const sink = await startSmtpSink();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: "相談予約ボット <bot@example.jp>", mailDir: dir });
    const survivor = createOutboxWorkers({
      db: store.db,
      handlers: createJobHandlers({ db: store.db, config: testConfig(), channels: parseStaffChannels({}), mailer, clock: () => new Date() }),
      pollMs: 200,
    });
    try {
      await server.waitFor('"listening"');
      await until(() => stalled.connections() >= 2, "the server's SMTP attempts", 15_000);
      const running = await store.db.select({ status: outbox.status }).from(outbox);
      expect(running.filter((j) => j.status === "running").length).toBeGreaterThan(0);

      survivor.start();
      const killedAt = Date.now();
      server.child.kill("SIGKILL");
      await server.exit;
      await until(() => sink.received.length >= 6, "all 6 mails through the surviving worker", 15_000);
      const takeoverMs = Date.now() - killedAt;
      console.log(`outbox takeover after kill -9: all 6 jobs delivered ${takeoverMs} ms after the kill (lease 6 s)`);
      expect(takeoverMs).toBeLessThanOrEqual(10_000);
      await settled(store, 6);
      expect(tally(sink.received, keys)).toEqual({ delivered: 6, duplicated: 0, lost: 0 });
      // The killed server tried to send those mails: its log names jobs, never their recipients.
      const recipients = Object.fromEntries(keys.map((_, i) => [`recipient ${i + 1}`, `seeker${i + 1}@example.jp`]));
      expect(server.output()).toContain('"listening"');
      expect(personalValuesIn(server.output(), recipients)).toEqual([]);
    } finally {
      server.child.kill("SIGKILL");
      await survivor.stop();
      mailer.close();
      await sink.close();
      await stalled.close();
    }
  });
});
