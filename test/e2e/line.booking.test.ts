import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, consents, conversations, webhookInbox } from "../../src/store/schema.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { lineUser, useLineHarness } from "./line.harness.ts";

describe.each(storeKinds)("a booking over LINE on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  async function upToWhen(user: ReturnType<typeof lineUser>) {
    await user.follow();
    await user.tap("相談を予約する");
    await user.tap("ハローワーク長崎");
    await user.tap("仕事を探している方");
    await user.tap("同意する");
    await user.say("長崎 太郎です");
    await user.say("42010-1234567");
    await user.say("taro@example.jp");
    await user.say("090-1234-5678");
    await user.tap("指名しない");
    expect(user.text).toContain("ご希望の日時");
  }

  it("takes a whole booking with quick replies, the date picker and a Flex summary", async () => {
    const user = lineUser(h, fake, lineUserId("booking"));
    await user.follow();
    expect(user.text).toContain("ご用件をお選びください");
    expect(user.quickReplies.map((a) => a.label)).toContain("相談を予約する");

    await upToWhen(user);
    const picker = user.quickReplies.find((a) => a.type === "datetimepicker")!;
    expect(picker).toMatchObject({ mode: "datetime", min: "2026-11-25T10:00", max: "2026-12-24T15:30" });
    await user.pick("2026-12-01T14:00");
    expect(user.text).toContain("12月1日(火) 14:00～14:30\nを仮押さえしました");

    await user.say("事務職の求人について");
    await user.tap("必要ない");
    const summary = user.last.find((m) => m.type === "flex");
    expect(summary?.altText).toMatch(/^ご予約: ハローワーク長崎 12月1日\(火\) 14:00～14:30/);
    expect(summary?.contents).toMatchObject({ type: "bubble" });
    await user.tap("申し込む");
    expect(user.text).toMatch(/予約番号は NG-[A-Z0-9]{6} です/);
    expect(user.last.some((m) => m.type === "flex")).toBe(true);

    // Every message LINE took was within its limits (the fake refuses anything else), and replies sufficed.
    const paths = fake.requests.map((r) => `${r.path} ${r.status}`);
    expect(paths.filter((p) => p.startsWith("/v2/bot/message/reply")).every((p) => p.endsWith("200"))).toBe(true);
    expect(paths.some((p) => p.startsWith("/v2/bot/message/push"))).toBe(false);
    for (const request of fake.requests.filter((r) => r.path === "/v2/bot/message/reply")) {
      const messages = (request.body as { messages: { quickReply?: { items: { action: { label: string } }[] } }[] }).messages;
      expect(messages.length).toBeLessThanOrEqual(5);
      for (const item of messages.at(-1)!.quickReply?.items ?? []) expect(item.action.label.length).toBeLessThanOrEqual(20);
    }
    // The typing indicator showed while typed answers were read.
    expect(fake.loadings.filter((l) => l.chatId === user.userId).length).toBeGreaterThanOrEqual(5);

    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ status: "requested", name: "長崎 太郎", email: "taro@example.jp", topic: "事務職の求人について" });
    expect(row!.startsAt.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    const [consent] = await store.db.select().from(consents);
    expect(consent).toMatchObject({ channel: "line", userKey: user.userId });
    const pending = await store.db.select().from(webhookInbox).where(eq(webhookInbox.source, "line"));
    expect(pending.every((e) => e.processedAt !== null)).toBe(true);
  });

  it("books a date picked in the picker as the same Tokyo slot while the host runs in UTC", async () => {
    expect(process.env.TZ).toBe("UTC");
    const user = lineUser(h, fake, lineUserId("picker"));
    await upToWhen(user);
    await user.pick("2026-12-01T14:00");
    expect(user.text).toContain("12月1日(火) 14:00～14:30");
    await user.say("事務職の求人について");
    await user.tap("必要ない");
    await user.tap("申し込む");
    const [row] = await store.db.select().from(bookings);
    expect(row!.startsAt.toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });

  it("marks a user who blocks the account, and greets them again when they come back", async () => {
    const user = lineUser(h, fake, lineUserId("leaver"));
    await user.follow();
    const { unfollowEvent } = await import("../fakes/line-platform/index.ts");
    await h.send([unfollowEvent(user.userId, { timestamp: h.t.clock().getTime() })]);
    const [left] = await store.db.select().from(conversations).where(eq(conversations.userKey, user.userId));
    expect(left!.followed).toBe(false);
    await user.follow();
    expect(user.text).toContain("ご用件をお選びください");
    const [back] = await store.db.select().from(conversations).where(eq(conversations.userKey, user.userId));
    expect(back!.followed).toBe(true);
  });
});
