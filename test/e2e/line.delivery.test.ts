import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { conversationHistory } from "../../src/store/conversations.ts";
import { conversations, outbox, webhookInbox } from "../../src/store/schema.ts";
import { lineUserId, textEvent } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { lineUser, useLineHarness } from "./line.harness.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(storeKinds)("delivering LINE answers once on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  const at = () => ({ timestamp: h.t.clock().getTime() });
  const pushes = () => fake.requests.filter((r) => r.path === "/v2/bot/message/push");
  const replies = () => fake.requests.filter((r) => r.path === "/v2/bot/message/reply");

  async function historyOf(userId: string) {
    const [conversation] = await store.db.select().from(conversations).where(eq(conversations.userKey, userId));
    return conversationHistory(store.db, conversation!.id);
  }

  it("answers a redelivered event only once", async () => {
    const userId = lineUserId("redelivery");
    const first = await h.send([textEvent(userId, "よくある質問", at())]);
    const delivered = fake.delivered(userId).length;
    const history = (await historyOf(userId)).length;
    expect(delivered).toBeGreaterThan(0);

    const again = await h.send(first.events, { redelivery: true });
    expect(again.status).toBe(200);
    expect(fake.delivered(userId)).toHaveLength(delivered);
    expect(await historyOf(userId)).toHaveLength(history);
    expect(await store.db.select().from(webhookInbox)).toHaveLength(1);
  });

  it("pushes with a retry key when the reply token is too old to use", async () => {
    const userId = lineUserId("late");
    const old = { timestamp: h.t.clock().getTime() - 120_000 };
    await h.send([textEvent(userId, "よくある質問", old)]);
    expect(replies()).toHaveLength(0);
    expect(pushes()).toHaveLength(1);
    expect(pushes()[0]!.headers["x-line-retry-key"]).toMatch(uuid);
    expect((fake.delivered(userId)[0] as { text: string }).text).toContain("知りたいこと");
  });

  it("pushes instead when LINE says the reply token is invalid", async () => {
    const userId = lineUserId("invalid");
    await h.send([{ ...textEvent(userId, "よくある質問", at()), replyToken: "f".repeat(32) }]);
    expect(replies().map((r) => r.status)).toEqual([400]);
    expect(pushes().map((r) => r.status)).toEqual([200]);
    expect(fake.delivered(userId).length).toBeGreaterThan(0);
  });

  it("delivers every answer exactly once when LINE is down for a while and then back", async () => {
    const users = ["down-a", "down-b", "down-c"].map((s) => lineUserId(s));
    // Replies fail with 5xx and 429, so the answers become pushes, which fail too for a while.
    fake.failNext(2, { status: 503, path: "/v2/bot/message/reply" });
    fake.failNext(1, { status: 429, path: "/v2/bot/message/reply" });
    fake.failNext(2, { status: 500, path: "/v2/bot/message/push" });
    fake.failNext(1, { status: 429, path: "/v2/bot/message/push" });
    await h.sender.send(users.map((u) => textEvent(u, "よくある質問", at())));
    await h.settle();
    // Retries wait: advance past the backoff until LINE has taken them all.
    for (let i = 0; i < 5; i++) {
      h.t.clock.advance(120_000);
      await h.drainOutbox();
    }
    for (const userId of users) {
      const texts = fake.delivered(userId).map((m) => (m as { text: string }).text);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain("知りたいこと");
    }
    const jobs = await store.db.select().from(outbox).where(eq(outbox.kind, "line.push"));
    expect(jobs).toHaveLength(3);
    expect(jobs.every((j) => j.status === "done")).toBe(true);
    // Each job kept its retry key across its attempts.
    for (const job of jobs) {
      const key = (job.payload as { retryKey: string }).retryKey;
      const tries = pushes().filter((r) => r.headers["x-line-retry-key"] === key);
      expect(new Set(tries.map((r) => (r.body as { to: string }).to)).size).toBe(1);
    }
  });

  it("counts a push whose answer was lost as delivered when LINE says the retry key was already accepted", async () => {
    const userId = lineUserId("lost-answer");
    fake.failNext(1, { status: 500, path: "/v2/bot/message/push", afterDelivery: true });
    await h.send([textEvent(userId, "よくある質問", { timestamp: h.t.clock().getTime() - 120_000 })]);
    h.t.clock.advance(120_000);
    await h.drainOutbox();
    expect(pushes().map((r) => r.status)).toEqual([500, 409]);
    expect(fake.delivered(userId)).toHaveLength(1);
    const [job] = await store.db.select().from(outbox).where(eq(outbox.kind, "line.push"));
    expect(job!.status).toBe("done");
  });

  it("handles one user's events in the order they came, other users' alongside", async () => {
    const alice = lineUser(h, fake, lineUserId("alice"));
    const bob = lineUserId("bob");
    await alice.follow();
    await h.send([
      textEvent(alice.userId, "予約したい", at()),
      textEvent(bob, "よくある質問", at()),
      textEvent(alice.userId, "やめる", at()),
      textEvent(alice.userId, "よくある質問", at()),
    ]);
    const said = (await historyOf(alice.userId)).flatMap((m) => ("inbound" in m && m.inbound.kind === "text" ? [m.inbound.text] : []));
    expect(said).toEqual(["予約したい", "やめる", "よくある質問"]);
    expect(fake.delivered(bob).length).toBeGreaterThan(0);
  });
});
