import { spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { asc } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createLineSpool, type LineSpool } from "../../../src/bot/line/spool.ts";
import { silentLogger } from "../../../src/logger.ts";
import { processRegistry } from "../../../src/metrics/registry.ts";
import { webhookInbox } from "../../../src/store/schema.ts";
import { lineUserId, textEvent } from "../../fakes/line-platform/index.ts";
import { storeKinds, useStore, type TestStore } from "../../helpers/stores.ts";

const dir = mkdtempSync(join(tmpdir(), "soudan-line-spool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const received = new Date("2026-11-24T10:00:00+09:00");
const delivery = (...events: ReturnType<typeof textEvent>[]) => JSON.stringify({ destination: "Ubot", events });

async function metric(name: string): Promise<number> {
  const found = (await processRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  return Number(found?.values[0]?.value ?? 0);
}

describe.each(storeKinds)("the LINE spool on $name", (kind) => {
  const store = useStore(kind);
  const spoolAt = (path: string, options: { maxBytes?: number } = {}): LineSpool =>
    createLineSpool({ path, db: store.db, logger: silentLogger, maxBytes: options.maxBytes ?? 1_000_000, retryMs: 20, onStored: () => {} });
  const inboxIds = async () => (await store.db.select().from(webhookInbox).orderBy(asc(webhookInbox.id))).map((r) => r.eventId);

  it("stores the kept deliveries in the order they came, then empties the file", async () => {
    const path = join(dir, `spool-${files++}.ndjson`);
    const spool = spoolAt(path);
    const [a, b] = [lineUserId("spool-a"), lineUserId("spool-b")];
    const events = [textEvent(a, "one"), textEvent(b, "two"), textEvent(a, "three"), textEvent(a, "four")];
    expect(await spool.append(delivery(events[0]!, events[1]!), received)).toBe(true);
    expect(await spool.append(delivery(events[2]!), received)).toBe(true);
    expect(await spool.append(delivery(events[3]!), received)).toBe(true);
    expect(spool.waiting()).toBe(true);

    expect(await spool.replay()).toBe(4);
    expect(await inboxIds()).toEqual(events.map((e) => e.webhookEventId));
    const rows = await store.db.select().from(webhookInbox);
    expect(rows.every((r) => r.receivedAt.getTime() === received.getTime())).toBe(true);
    expect(statSync(path).size).toBe(0);
    expect(spool.waiting()).toBe(false);
    await spool.stop();
  });

  it("stores nothing twice when a crash left the file whole after some or all of it was stored", async () => {
    const path = join(dir, `spool-${files++}.ndjson`);
    const spool = spoolAt(path);
    const user = lineUserId("spool-crash");
    const events = Array.from({ length: 6 }, (_, i) => textEvent(user, `message ${i}`));
    for (const e of events) await spool.append(delivery(e), received);
    const before = join(dir, `copy-${files++}.ndjson`);
    copyFileSync(path, before);
    expect(await spool.replay()).toBe(6);
    await spool.stop();

    // The next process finds the file as it was before the replay (it died before emptying it), plus a later delivery.
    const later = textEvent(user, "after the crash");
    appendFileSync(before, JSON.stringify({ at: received.toISOString(), body: delivery(later) }) + "\n");
    const next = spoolAt(before);
    expect(await next.replay()).toBe(1);
    expect(await inboxIds()).toEqual([...events, later].map((e) => e.webhookEventId));
    await next.stop();
  });

  it("spools for one process per data folder: another live holder leaves this one without a spool, a dead one is taken over", async () => {
    const path = join(dir, `spool-${files++}.ndjson`);
    const user = lineUserId("spool-lock");
    // A live process on this host holds it (our parent): this process answers 503 instead of writing under its lines.
    writeFileSync(`${path}.lock`, `${hostname()} ${process.ppid}`);
    const refused = spoolAt(path);
    refused.start();
    expect(await refused.append(delivery(textEvent(user, "not mine")), received)).toBe(false);
    expect(refused.waiting()).toBe(false);
    await refused.stop();
    expect(readFileSync(`${path}.lock`, "utf8")).toBe(`${hostname()} ${process.ppid}`);

    // A holder that is gone (a process that has exited) is taken over, and the lock goes at stop.
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    writeFileSync(`${path}.lock`, `${hostname()} ${gone}`);
    const taken = spoolAt(path);
    taken.start();
    expect(await taken.append(delivery(textEvent(user, "mine")), received)).toBe(true);
    expect(readFileSync(`${path}.lock`, "utf8")).toBe(`${hostname()} ${process.pid}`);
    expect(await taken.replay()).toBe(1);
    await taken.stop();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("drops a line a crash cut short, which was never acknowledged, and goes on after it", async () => {
    const path = join(dir, `spool-${files++}.ndjson`);
    const user = lineUserId("spool-cut");
    const whole = textEvent(user, "whole");
    writeFileSync(path, JSON.stringify({ at: received.toISOString(), body: delivery(whole) }) + "\n" + '{"at":"2026-11-24T01:00:00.000Z","body":"{\\"dest');
    const spool = spoolAt(path);
    const next = textEvent(user, "next");
    expect(await spool.append(delivery(next), received)).toBe(true);
    expect(readFileSync(path, "utf8").split("\n").filter(Boolean)).toHaveLength(2);
    expect(await spool.replay()).toBe(2);
    expect(await inboxIds()).toEqual([whole.webhookEventId, next.webhookEventId]);
    await spool.stop();
  });

  it("refuses a delivery past its size limit, counting it, and keeps what it holds", async () => {
    const path = join(dir, `spool-${files++}.ndjson`);
    const user = lineUserId("spool-full");
    const first = delivery(textEvent(user, "fits"));
    const spool = spoolAt(path, { maxBytes: first.length + 200 });
    const full = await metric("soudan_line_spool_full_total");
    expect(await spool.append(first, received)).toBe(true);
    expect(await spool.append(delivery(textEvent(user, "does not fit")), received)).toBe(false);
    expect(await metric("soudan_line_spool_full_total")).toBe(full + 1);
    expect(await metric("soudan_line_spool_bytes")).toBe(statSync(path).size);
    expect(await spool.replay()).toBe(1);
    expect(await metric("soudan_line_spool_bytes")).toBe(0);
    await spool.stop();
  });

  it("replays by itself once started, and takes deliveries appended during a replay after the earlier ones", async () => {
    const path = join(dir, `spool-${files++}.ndjson`);
    const user = lineUserId("spool-start");
    const events = Array.from({ length: 40 }, (_, i) => textEvent(user, `m${i}`));
    writeFileSync(path, events.slice(0, 20).map((e) => JSON.stringify({ at: received.toISOString(), body: delivery(e) }) + "\n").join(""));
    const spool = spoolAt(path);
    spool.start();
    expect(spool.waiting()).toBe(true);
    for (const e of events.slice(20)) {
      await spool.append(delivery(e), received);
      await new Promise((r) => setTimeout(r, 2));
    }
    const deadline = Date.now() + 10_000;
    while (spool.waiting() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await inboxIds()).toEqual(events.map((e) => e.webhookEventId));
    expect(statSync(path).size).toBe(0);
    await spool.stop();
  });
});
