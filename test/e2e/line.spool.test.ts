// The LINE webhook when the inbox cannot take a delivery in time (here a transaction holds the inbox
// table; on PGlite also its one connection): the delivery is kept in the spool and answered 200 at
// once, the next goes behind it, and both are stored in order and answered once the inbox is free.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LINE_SPOOL_FILE } from "../../src/bot/line/runtime.ts";
import { webhookInbox } from "../../src/store/schema.ts";
import { lineUserId, startFakeLinePlatform, textEvent, type FakeLine } from "../fakes/line-platform/index.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import { startLineHarness, type LineHarness } from "./line.harness.ts";

const dir = mkdtempSync(join(tmpdir(), "soudan-line-spool-e2e-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(storeKinds)("the LINE webhook while the inbox is held, on $name", (kind) => {
  const store = useStore(kind);
  let fake: FakeLine;
  let h: LineHarness | undefined;
  beforeAll(async () => {
    fake = await startFakeLinePlatform();
  });
  afterAll(() => fake.close());
  afterEach(async () => {
    await h?.runtime.spool.stop();
    await h?.close();
  });

  it("answers 200 at once, keeps the deliveries in order on disk, and stores and answers them when the inbox is free", { timeout: 30_000 }, async () => {
    const dataDir = mkdtempSync(join(dir, "data-"));
    h = await startLineHarness(store, fake, { env: { DATA_DIR: dataDir, LINE_SPOOL_AFTER_MS: "200", LINE_SPOOL_RETRY_MS: "50" } });
    const user = lineUserId("held");
    const first = await h.send([textEvent(user, "よくある質問")]);
    expect(first.status).toBe(200);
    const answered = fake.delivered(user).length;
    expect(answered).toBeGreaterThan(0);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = store.db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${webhookInbox} in exclusive mode`);
      locked();
      await released;
    });
    await isLocked;

    const acks: { status: number; ms: number }[] = [];
    const later = [textEvent(user, "料金はいくらですか"), textEvent(user, "持ち物は何ですか")];
    for (const event of later) {
      const started = Date.now();
      const { status } = await h.sender.send([event]);
      acks.push({ status, ms: Date.now() - started });
    }
    expect(acks.map((a) => a.status)).toEqual([200, 200]);
    expect(Math.max(...acks.map((a) => a.ms))).toBeLessThan(1_000);
    expect(statSync(join(dataDir, LINE_SPOOL_FILE)).size).toBeGreaterThan(0);

    release();
    await holding;
    await until(() => !h!.runtime.spool.waiting(), "the spool's replay", 10_000);
    const rows = await store.db.select().from(webhookInbox).orderBy(asc(webhookInbox.id));
    expect(rows.map((r) => r.eventId)).toEqual([first.events[0]!.webhookEventId, ...later.map((e) => e.webhookEventId)]);
    await until(() => fake.delivered(user).length >= answered + 2, "the answers to the kept deliveries", 10_000);
    expect(statSync(join(dataDir, LINE_SPOOL_FILE)).size).toBe(0);
  });
});
