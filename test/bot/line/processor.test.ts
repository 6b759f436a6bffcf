import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLineClient, type LineClient } from "../../../src/line/client.ts";
import { LINE_INBOX_SOURCE } from "../../../src/bot/line/processor.ts";
import { createLineRuntime, type LineRuntime } from "../../../src/bot/line/runtime.ts";
import { chatIdOf, lineEventSchema } from "../../../src/bot/line/events.ts";
import { conversationOfUser, saveConversation } from "../../../src/store/conversations.ts";
import { storeEvents } from "../../../src/store/inbox.ts";
import { webhookInbox } from "../../../src/store/schema.ts";
import { buildTestApp } from "../../helpers/app.ts";
import { storeKinds, type TestStore } from "../../helpers/stores.ts";
import {
  groupTextEvent,
  imageEvent,
  lineGroupId,
  lineUserId,
  postbackEvent,
  startFakeLinePlatform,
  stickerEvent,
  textEvent,
  unknownEvent,
  type FakeLine,
  type WebhookEvent,
} from "../../fakes/line-platform/index.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const at = { timestamp: now.getTime() };

describe.each(storeKinds)("the LINE event processor on $name", (kind) => {
  let store: TestStore;
  let fake: FakeLine;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let runtime: LineRuntime;
  let failReplies = 0;

  beforeAll(async () => {
    store = await kind.open();
    fake = await startFakeLinePlatform();
  });
  afterAll(async () => {
    await fake?.close();
    await store?.close();
  });
  beforeEach(async () => {
    await store.reset();
    fake.reset();
    failReplies = 0;
    t = await buildTestApp(store, { now, env: { LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken, LINE_API_BASE_URL: fake.baseUrl } });
    const real = createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl });
    // A client that breaks like a bug would (throws) for the first few replies.
    const client: LineClient = {
      ...real,
      reply: async (token, messages) => {
        if (failReplies > 0) {
          failReplies -= 1;
          throw new TypeError("boom");
        }
        return real.reply(token, messages);
      },
    };
    runtime = createLineRuntime(t.deps, { client, retry: { baseMs: 5, maxMs: 20, maxAttempts: 3 } })!;
    runtime.processor.start();
  });
  afterEach(async () => {
    await runtime?.processor.stop();
  });

  /** Stores events as the webhook would (with reply tokens) and waits until they are handled. */
  async function handle(events: WebhookEvent[]) {
    const withTokens = events.map((e) => {
      const src = e.source as { userId?: string; groupId?: string; roomId?: string };
      const chat = src.groupId ?? src.roomId ?? src.userId!;
      return e.type === "unfollow" ? e : { ...e, replyToken: fake.issueReplyToken(chat) };
    });
    const parsed = withTokens.map((e) => lineEventSchema.parse(e));
    await storeEvents(
      store.db,
      parsed.map((e) => ({ source: LINE_INBOX_SOURCE, eventId: e.webhookEventId, userKey: chatIdOf(e), payload: e })),
      now,
    );
    runtime.processor.wake();
    await runtime.processor.idle();
  }
  const texts = (to: string) => fake.delivered(to).map((m) => (m as { text: string }).text);

  it("asks a user who sends a sticker or a photo to type instead", async () => {
    const userId = lineUserId("sticker");
    await handle([stickerEvent(userId, at), imageEvent(userId, at)]);
    expect(texts(userId)).toHaveLength(2);
    expect(texts(userId)[0]).toContain("文字でお書きいただくか");
  });

  it("asks in English a user whose conversation is in English", async () => {
    const userId = lineUserId("english");
    const conversation = await conversationOfUser(store.db, "line", userId, now);
    await saveConversation(store.db, conversation, { locale: "en" }, now);
    await handle([stickerEvent(userId, at)]);
    expect(texts(userId)[0]).toContain("Please type your message");
  });

  it("does not run the booking flow in a group, and says why once when it joins one", async () => {
    const groupId = lineGroupId("staff-room");
    const join = { ...unknownEvent(lineUserId("x"), "join", at), source: { type: "group", groupId } };
    await handle([join, groupTextEvent(groupId, lineUserId("member"), "予約したい", at)]);
    expect(texts(groupId)).toHaveLength(1);
    expect(texts(groupId)[0]).toContain("1対1のトーク");
    expect(fake.delivered(lineUserId("member"))).toHaveLength(0);
    expect(fake.requests.filter((r) => r.path === "/v2/bot/message/push")).toHaveLength(0);
  });

  it("stays silent while another module holds the chat (standby)", async () => {
    const userId = lineUserId("standby");
    await handle([{ ...textEvent(userId, "予約したい", at), mode: "standby" }]);
    expect(fake.requests).toHaveLength(0);
    const [row] = await store.db.select().from(webhookInbox);
    expect(row!.processedAt).not.toBeNull();
  });

  it("shows the loading animation for typed answers and picked dates, not for taps", async () => {
    const userId = lineUserId("loading");
    await handle([textEvent(userId, "よくある質問", at), postbackEvent(userId, "c=faq:cost", undefined, at)]);
    expect(fake.loadings).toEqual([{ chatId: userId, loadingSeconds: 5 }]);
  });

  it("retries an event that failed, and keeps the user's later events waiting behind it", async () => {
    const userId = lineUserId("retry");
    failReplies = 1;
    await handle([textEvent(userId, "よくある質問", at), postbackEvent(userId, "c=faq:cost", undefined, at)]);
    const delivered = texts(userId);
    expect(delivered.at(-1)).toContain("無料");
    expect(delivered.findIndex((x) => x.includes("知りたいこと"))).toBeLessThan(delivered.length - 1);
    const rows = await store.db.select().from(webhookInbox).orderBy(webhookInbox.id);
    expect(rows.map((r) => [r.attempts, r.processedAt !== null])).toEqual([[1, true], [0, true]]);
    expect(rows[0]!.lastError).toBe("TypeError");
  });

  it("gives up on an event after its last attempt and goes on with the next", async () => {
    const userId = lineUserId("give-up");
    failReplies = 3;
    await handle([textEvent(userId, "よくある質問", at), postbackEvent(userId, "c=faq:cost", undefined, at)]);
    const rows = await store.db.select().from(webhookInbox).orderBy(webhookInbox.id);
    expect(rows.map((r) => r.attempts)).toEqual([3, 0]);
    expect(rows.every((r) => r.processedAt !== null)).toBe(true);
    expect(texts(userId).at(-1)).toContain("無料");
  });

  it("finishes the event in flight when stopped, and leaves the rest in the inbox", async () => {
    const userId = lineUserId("stop");
    fake.setDelay(150);
    const events = [textEvent(userId, "よくある質問", at), postbackEvent(userId, "c=faq:cost", undefined, at)];
    const parsed = events.map((e) => lineEventSchema.parse({ ...e, replyToken: fake.issueReplyToken(userId) }));
    await storeEvents(store.db, parsed.map((e) => ({ source: LINE_INBOX_SOURCE, eventId: e.webhookEventId, userKey: userId, payload: e })), now);
    runtime.processor.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await runtime.processor.stop();
    const rows = await store.db.select().from(webhookInbox).where(eq(webhookInbox.userKey, userId)).orderBy(webhookInbox.id);
    expect(rows.map((r) => r.processedAt !== null)).toEqual([true, false]);
    expect(texts(userId)).toHaveLength(1);
  });
});
