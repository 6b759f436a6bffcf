import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookInbox } from "../../src/store/schema.ts";
import { lineUserId, textEvent } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import { useLineHarness } from "./line.harness.ts";

const HOLD_MS = 3_000;

describe.each(storeKinds)("acknowledging LINE while answering is busy, on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);
  const at = () => ({ timestamp: h.t.clock().getTime() });
  const replyCalls = () => fake.requests.filter((r) => r.path === "/v2/bot/message/reply").length;

  it("acknowledges a delivery at once while the processor's replies are held open by LINE", { timeout: 60_000 }, async () => {
    fake.setDelay(HOLD_MS, "/v2/bot/message/reply");
    const busy = Array.from({ length: 10 }, (_, i) => lineUserId(`busy-${i}`));
    for (const userId of busy) expect((await h.sender.send([textEvent(userId, "よくある質問", at())])).status).toBe(200);
    // Every one of the processor's slots now waits on a reply that LINE holds open.
    await until(() => replyCalls() >= 8, "the processor's reply calls", 20_000);

    const late = lineUserId("late-comer");
    const started = performance.now();
    const { status } = await h.sender.send([textEvent(late, "よくある質問", at())]);
    const ackMs = performance.now() - started;
    expect(status).toBe(200);
    expect(ackMs).toBeLessThan(1_000);
    const [stored] = await store.db.select().from(webhookInbox).where(eq(webhookInbox.userKey, late));
    expect(stored?.processedAt).toBeNull();

    await h.settle();
    for (const userId of [...busy, late]) expect(fake.delivered(userId).length).toBeGreaterThan(0);
  });
});
