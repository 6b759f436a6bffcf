import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../src/store/schema.ts";
import { followEvent, lineUserId, startFakeLinePlatform, textEvent, type FakeLine } from "../fakes/line-platform/index.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { startLineHarness } from "./line.harness.ts";

describe.each(storeKinds)("LINE events stored before a crash on $name", (kind) => {
  const store = useStore(kind, { resetEach: false });
  let fake: FakeLine;
  beforeAll(async () => {
    fake = await startFakeLinePlatform();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("are answered, in order and once, after the process starts again", async () => {
    const userId = lineUserId("crash");
    const before = await startLineHarness(store, fake);
    // The process acknowledged the webhook and died before handling it: its processor never ran.
    await before.runtime.processor.stop();
    const at = { timestamp: before.t.clock().getTime() };
    const { status } = await before.sender.send([followEvent(userId, at), textEvent(userId, "よくある質問", at)]);
    expect(status).toBe(200);
    await before.close();
    expect(fake.delivered(userId)).toHaveLength(0);
    expect((await store.db.select().from(webhookInbox)).map((e) => e.processedAt)).toEqual([null, null]);

    // Two minutes later a new process starts: the reply tokens are stale, so the answers are pushed.
    const after = await startLineHarness(store, fake, { now: new Date(before.t.clock().getTime() + 120_000) });
    after.runtime.processor.start();
    await after.settle();
    const texts = fake.delivered(userId).map((m) => (m as { text: string }).text);
    expect(texts[0]).toContain("ご用件をお選びください");
    expect(texts.at(-1)).toContain("知りたいこと");
    expect(fake.requests.filter((r) => r.path === "/v2/bot/message/push")).toHaveLength(2);

    // A third start finds nothing left to do.
    const delivered = fake.delivered(userId).length;
    await after.close();
    const again = await startLineHarness(store, fake);
    again.runtime.processor.start();
    await again.settle();
    expect(fake.delivered(userId)).toHaveLength(delivered);
    await again.close();
  });
});
