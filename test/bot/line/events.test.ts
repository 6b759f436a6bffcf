import { describe, expect, it } from "vitest";
import { lineWebhookBodySchema, toInbound, type LineEvent } from "../../../src/bot/line/events.ts";
import {
  followEvent,
  groupTextEvent,
  imageEvent,
  lineGroupId,
  lineUserId,
  postbackEvent,
  stickerEvent,
  textEvent,
  unfollowEvent,
  unknownEvent,
} from "../../fakes/line-platform/index.ts";

const userId = lineUserId("events");

function parseOne(event: unknown): LineEvent {
  const body = lineWebhookBodySchema.parse({ destination: "Ubot", events: [event] });
  return body.events[0]!;
}

describe("LINE webhook body", () => {
  it("accepts the empty event list LINE sends when the webhook URL is verified", () => {
    expect(lineWebhookBodySchema.parse({ destination: "Ubot", events: [] }).events).toEqual([]);
  });

  it("parses an event exactly as LINE documents it, keeping its id and redelivery flag", () => {
    const event = parseOne({
      type: "message",
      message: { type: "text", id: "14353798921116", text: "予約したい", quoteToken: "q3Plxr4AgKd..." },
      webhookEventId: "01FZ74A0TDDPYRVKNK77XKC3ZR",
      deliveryContext: { isRedelivery: true },
      timestamp: 1625665242211,
      source: { type: "user", userId: "U80696558e1aa831..." },
      replyToken: "757913772c4646b784d4b7ce46d12671",
      mode: "active",
    });
    expect(event.webhookEventId).toBe("01FZ74A0TDDPYRVKNK77XKC3ZR");
    expect(event.deliveryContext.isRedelivery).toBe(true);
    expect(toInbound(event)).toEqual({
      kind: "inbound",
      userId: "U80696558e1aa831...",
      inbound: { kind: "text", text: "予約したい" },
      replyToken: "757913772c4646b784d4b7ce46d12671",
    });
  });

  it("tolerates event types it does not know and maps them to nothing", () => {
    const event = parseOne(unknownEvent(userId, "membership"));
    expect(toInbound(event)).toEqual({ kind: "ignore" });
  });

  it("tolerates message types it does not know and asks for text", () => {
    const event = parseOne({ ...textEvent(userId, "x"), replyToken: "r", message: { type: "hologram", id: "1" } });
    expect(toInbound(event)).toEqual({ kind: "unsupported", userId, what: "other", replyToken: "r" });
  });

  it("keeps fields LINE adds later", () => {
    const event = parseOne({ ...followEvent(userId), follow: { isUnblocked: true }, brandNew: 1 });
    expect(event).toMatchObject({ brandNew: 1, follow: { isUnblocked: true } });
  });

  it("rejects a body that is not a webhook body", () => {
    expect(lineWebhookBodySchema.safeParse({ events: "nope" }).success).toBe(false);
    expect(lineWebhookBodySchema.safeParse({ destination: "U", events: [{ type: "message" }] }).success).toBe(false);
  });

  it("rejects a text message without its text rather than guessing", () => {
    const broken = { ...textEvent(userId, "x"), message: { type: "text", id: "1" } };
    expect(lineWebhookBodySchema.safeParse({ destination: "U", events: [broken] }).success).toBe(false);
  });
});

describe("toInbound", () => {
  it("starts the conversation when a user adds the account as a friend", () => {
    const event = parseOne({ ...followEvent(userId), replyToken: "r1" });
    expect(toInbound(event)).toEqual({ kind: "inbound", userId, inbound: { kind: "start" }, replyToken: "r1" });
  });

  it("reports an unfollow so the bot can stop pushing to that user", () => {
    expect(toInbound(parseOne(unfollowEvent(userId)))).toEqual({ kind: "unfollow", userId });
  });

  it("reads a quick-reply choice from our postback data", () => {
    const event = parseOne(postbackEvent(userId, "c=office%3Anagasaki"));
    expect(toInbound(event)).toEqual({ kind: "inbound", userId, inbound: { kind: "choice", value: "office:nagasaki" } });
  });

  // The suite runs with TZ=UTC (and Asia/Tokyo in CI): 00:30 is the hour a Date round trip would shift.
  it("keeps a picked date-time as Tokyo wall clock whatever the host time zone", () => {
    const event = parseOne(postbackEvent(userId, "p=datetime", { datetime: "2026-12-03T00:30" }));
    expect(toInbound(event)).toEqual({
      kind: "inbound",
      userId,
      inbound: { kind: "datetime", value: "2026-12-03T00:30" },
    });
  });

  it("accepts the lower-case 't' LINE allows in picker values", () => {
    const event = parseOne(postbackEvent(userId, "p=datetime", { datetime: "2026-12-03t14:00" }));
    expect(toInbound(event)).toMatchObject({ inbound: { kind: "datetime", value: "2026-12-03T14:00" } });
  });

  it("passes a picked date or time alone on as a picked value, never as text a question for words would keep", () => {
    expect(toInbound(parseOne(postbackEvent(userId, "p=date", { date: "2026-12-03" })))).toMatchObject({ inbound: { kind: "datetime", value: "2026-12-03" } });
    expect(toInbound(parseOne(postbackEvent(userId, "p=time", { time: "14:00" })))).toMatchObject({ inbound: { kind: "datetime", value: "14:00" } });
  });

  it("answers a postback it cannot read: data that is not ours, or a picker value out of shape", () => {
    expect(toInbound(parseOne(postbackEvent(userId, "richmenu=1")))).toEqual({ kind: "unsupported", userId, what: "postback" });
    expect(toInbound(parseOne(postbackEvent(userId, "p=datetime", { datetime: "tomorrow" })))).toEqual({ kind: "unsupported", userId, what: "postback" });
    expect(toInbound(parseOne(postbackEvent(userId, "p=date", { date: "12/03" })))).toEqual({ kind: "unsupported", userId, what: "postback" });
  });

  it("asks a user who sends a sticker or a photo to type instead", () => {
    expect(toInbound(parseOne(stickerEvent(userId)))).toEqual({ kind: "unsupported", userId, what: "sticker" });
    expect(toInbound(parseOne(imageEvent(userId)))).toEqual({ kind: "unsupported", userId, what: "image" });
  });

  it("keeps group chats out of the booking flow", () => {
    const groupId = lineGroupId("g");
    const event = parseOne({ ...groupTextEvent(groupId, userId, "予約"), replyToken: "r2" });
    expect(toInbound(event)).toEqual({
      kind: "group",
      chat: "group",
      chatId: groupId,
      eventType: "message",
      userId,
      replyToken: "r2",
    });
  });

  it("does not answer events delivered while another module holds the chat", () => {
    const event = parseOne({ ...textEvent(userId, "hi"), mode: "standby" });
    expect(toInbound(event)).toEqual({ kind: "ignore" });
    expect(toInbound(parseOne({ ...unfollowEvent(userId), mode: "standby" }))).toEqual({ kind: "unfollow", userId });
  });

  it("ignores events without a source user", () => {
    const event = parseOne({ ...textEvent(userId, "hi"), source: { type: "user" } });
    expect(toInbound(event)).toEqual({ kind: "ignore" });
  });
});
