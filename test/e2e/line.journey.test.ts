import { describe, expect, it } from "vitest";
import { findOffice } from "../../src/config.ts";
import { holdSlot, requestBooking } from "../../src/store/bookings.ts";
import { conversationOfUser } from "../../src/store/conversations.ts";
import { webhookInbox } from "../../src/store/schema.ts";
import { lineUserId, postbackEvent, textEvent, unknownEvent } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { lineUser, useLineHarness } from "./line.harness.ts";

// Things the chat did wrong on LINE (issue 15, section 6), through the fake LINE platform.
describe.each(storeKinds)("the seeker's journey over LINE on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  /** A request in the LINE user's conversation, as the intake makes it. */
  async function requestFor(userId: string, officeId: string, startsAt: string, seekerNumber: string) {
    const now = h.t.clock();
    const conversation = await conversationOfUser(store.db, "line", userId, now);
    const office = findOffice(h.t.config, officeId)!;
    const limits = { activeLimit: 1, noShowLimit: 2, noShowWindowDays: 180 };
    const actor = `seeker:line:${conversation.id}`;
    const held = await holdSlot(store.db, { office, startsAt: new Date(startsAt), conversationId: conversation.id, channel: "line", now, holdMinutes: 10, limits, actor });
    if (!held.ok) throw new Error(`hold refused: ${held.refusal.reason}`);
    const details = { requesterKind: "seeker" as const, name: "長崎 太郎", seekerNumber, email: "taro@example.jp", phone: "090-1234-5678", topic: "事務職の求人について", emailVerified: false };
    const requested = await requestBooking(store.db, { holdId: held.booking.id, office, details, now, limits, actor, holdMinutes: 10 });
    if (!requested.ok) throw new Error(`request refused: ${requested.refusal.reason}`);
    return requested.booking;
  }

  it("shows three bookings as one carousel and still sends the menu prompt, within five messages", async () => {
    const user = lineUser(h, fake, lineUserId("three-bookings"));
    await user.follow();
    await requestFor(user.userId, "nagasaki", "2026-12-01T14:00:00+09:00", "42010-1111111");
    await requestFor(user.userId, "young-nagasaki", "2026-12-02T11:00:00+09:00", "42010-1111111");
    await requestFor(user.userId, "tsukimachi", "2026-12-03T15:00:00+09:00", "42010-1111111");
    await user.tap("予約を確認する");
    expect(user.last.length).toBeLessThanOrEqual(5);
    const carousels = user.last.filter((m) => m.type === "flex" && (m.contents as { type: string }).type === "carousel");
    expect(carousels).toHaveLength(1);
    expect((carousels[0]!.contents as { contents: unknown[] }).contents).toHaveLength(3);
    expect(user.text).toContain("ご予約は3件あります");
    for (const when of ["12月1日(火) 14:00", "12月2日(水) 11:00", "12月3日(木) 15:00"]) expect(user.text).toContain(when);
    expect(user.last.at(-1)!.text).toContain("ご用件をお選びください");
    expect(user.quickReplies.map((a) => a.label)).toContain("予約を変更する");
  });

  /** Sends one postback as LINE would, and returns what reached the user's phone for it. */
  async function postback(userId: string, data: string, params?: { datetime?: string; date?: string; time?: string }) {
    const before = fake.delivered(userId).length;
    const { status } = await h.send([postbackEvent(userId, data, params, { timestamp: h.t.clock().getTime() })]);
    expect(status).toBe(200);
    return (fake.delivered(userId) as { text?: string; altText?: string }[]).slice(before);
  }

  it("does not keep a date picked while the bot waits for the topic as the topic", async () => {
    const user = lineUser(h, fake, lineUserId("picker-at-topic"));
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
    await user.pick("2026-12-01T14:00");
    expect(user.text).toContain("ご相談の内容");
    const answer = await postback(user.userId, "p=date", { date: "2026-12-03" });
    expect(answer.length).toBeGreaterThan(0);
    await user.say("事務職の求人について");
    await user.tap("必要ない");
    const summary = user.last.map((m) => m.text ?? m.altText ?? "").join("\n");
    expect(summary).toContain("相談内容：事務職の求人について");
    expect(summary).not.toContain("2026-12-03");
  });

  it.each([
    ["a picker value out of shape", "p=datetime", { datetime: "tomorrow" }],
    ["postback data that is not ours", "richmenu=1", undefined],
    ["postback data that does not decode", "c=%E3%81", undefined],
  ] as const)("answers %s", async (_what, data, params) => {
    const user = lineUser(h, fake, lineUserId(`unreadable-${data}`));
    await user.follow();
    const answer = await postback(user.userId, data, params);
    expect(answer.map((m) => m.text).join("\n")).toContain("読み取れませんでした");
  });

  it("accepts a delivery holding events of kinds it does not know, skips them and answers the others", async () => {
    const userId = lineUserId("mixed-delivery");
    const at = { timestamp: h.t.clock().getTime() };
    const fromNewKindOfChat = { ...textEvent(userId, "予約したい", at), source: { type: "openChat", squareChatId: "S123", userId } };
    const newKindOfEvent = unknownEvent(userId, "somethingNew", at);
    const { status } = await h.send([fromNewKindOfChat, newKindOfEvent, textEvent(userId, "予約したい", at)]);
    expect(status).toBe(200);
    const rows = await store.db.select().from(webhookInbox);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.processedAt !== null && r.lastError === null)).toBe(true);
    const delivered = fake.delivered(userId) as { text?: string }[];
    expect(delivered.map((m) => m.text).join("\n")).toContain("どちらの窓口で相談しますか");
    // Only the event from the one-to-one chat was answered.
    expect(fake.requests.filter((r) => r.path === "/v2/bot/message/reply")).toHaveLength(1);
  });
});

