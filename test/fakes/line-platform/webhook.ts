// Builds webhook events the way LINE sends them and posts them, signed, to the app.
import { randomBytes } from "node:crypto";
import { signLineBody } from "../../../src/bot/line/signature.ts";
import { FAKE_BOT_DESTINATION, type FakeLine } from "./server.ts";

export type WebhookEvent = Record<string, unknown> & {
  type: string;
  webhookEventId: string;
  replyToken?: string;
};

/** A user id in LINE's format: 'U' and 32 hex digits. */
export function lineUserId(seed?: string): string {
  const hex = seed ? Buffer.from(seed).toString("hex") : randomBytes(16).toString("hex");
  return `U${hex.padEnd(32, "0").slice(0, 32)}`;
}

export function lineGroupId(seed?: string): string {
  return `C${lineUserId(seed).slice(1)}`;
}

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// webhookEventId is a ULID: 26 characters of Crockford base32.
function webhookEventId(): string {
  return Array.from(randomBytes(26), (b) => crockford[b % 32]).join("");
}

function messageId(): string {
  return String(BigInt(`0x${randomBytes(7).toString("hex")}`));
}

interface EventOptions {
  /** Milliseconds since the epoch; defaults to now. */
  timestamp?: number;
}

function base(type: string, source: Record<string, unknown>, options: EventOptions = {}): WebhookEvent {
  return {
    type,
    mode: "active",
    timestamp: options.timestamp ?? Date.now(),
    source,
    webhookEventId: webhookEventId(),
    deliveryContext: { isRedelivery: false },
  };
}

const user = (userId: string) => ({ type: "user", userId });

export function textEvent(userId: string, text: string, options?: EventOptions): WebhookEvent {
  return {
    ...base("message", user(userId), options),
    message: { type: "text", id: messageId(), quoteToken: randomBytes(12).toString("base64url"), text },
  };
}

export function postbackEvent(
  userId: string,
  data: string,
  params?: { datetime?: string; date?: string; time?: string },
  options?: EventOptions,
): WebhookEvent {
  return { ...base("postback", user(userId), options), postback: params ? { data, params } : { data } };
}

export function followEvent(userId: string, options?: EventOptions): WebhookEvent {
  return { ...base("follow", user(userId), options), follow: { isUnblocked: false } };
}

export function unfollowEvent(userId: string, options?: EventOptions): WebhookEvent {
  return base("unfollow", user(userId), options);
}

export function stickerEvent(userId: string, options?: EventOptions): WebhookEvent {
  return {
    ...base("message", user(userId), options),
    message: {
      type: "sticker",
      id: messageId(),
      quoteToken: randomBytes(12).toString("base64url"),
      packageId: "446",
      stickerId: "1988",
      stickerResourceType: "STATIC",
      keywords: ["Happy"],
    },
  };
}

export function imageEvent(userId: string, options?: EventOptions): WebhookEvent {
  return {
    ...base("message", user(userId), options),
    message: {
      type: "image",
      id: messageId(),
      quoteToken: randomBytes(12).toString("base64url"),
      contentProvider: { type: "line" },
    },
  };
}

export function groupTextEvent(groupId: string, userId: string, text: string, options?: EventOptions): WebhookEvent {
  return {
    ...base("message", { type: "group", groupId, userId }, options),
    message: { type: "text", id: messageId(), quoteToken: randomBytes(12).toString("base64url"), text },
  };
}

/** An event type LINE might add tomorrow; the app must accept it and do nothing. */
export function unknownEvent(userId: string, type = "somethingNew", options?: EventOptions): WebhookEvent {
  return { ...base(type, user(userId), options), somethingNew: { detail: 1 } };
}

// LINE includes a reply token only on events that can be answered.
const repliable = new Set(["message", "postback", "follow", "join", "memberJoined", "beacon", "accountLink", "things"]);

export interface WebhookSendResult {
  status: number;
  text: string;
  /** The events as sent, reply tokens filled in: send them again with `redelivery` to replay. */
  events: WebhookEvent[];
}

export interface LineWebhookSender {
  send(events: WebhookEvent[], options?: { redelivery?: boolean }): Promise<WebhookSendResult>;
  /** Posts a raw body with any signature, for tests of what an attacker might send. */
  sendRaw(body: string, signature: string | undefined): Promise<{ status: number; text: string }>;
}

export function lineWebhookSender(options: {
  url: string;
  channelSecret: string;
  /** Issues the reply tokens; without it events carry none. */
  fake?: FakeLine;
  destination?: string;
  /** Posts through this instead of the network, e.g. a Hono app's `request`. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}): LineWebhookSender {
  const doFetch = options.fetch ?? fetch;

  async function sendRaw(body: string, signature: string | undefined) {
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "user-agent": "LineBotWebhook/2.0" };
    if (signature !== undefined) headers["x-line-signature"] = signature;
    const response = await doFetch(options.url, { method: "POST", headers, body });
    return { status: response.status, text: await response.text() };
  }

  return {
    sendRaw,
    async send(events, { redelivery = false } = {}) {
      const sent = events.map((event) => {
        const copy: WebhookEvent = { ...event, deliveryContext: { isRedelivery: redelivery } };
        const source = event.source as { userId?: string; groupId?: string; roomId?: string } | undefined;
        // A reply goes to the chat the event came from: the group or room, else the user.
        const chatId = source?.groupId ?? source?.roomId ?? source?.userId;
        const isActive = event.mode === undefined || event.mode === "active";
        if (copy.replyToken === undefined && options.fake && repliable.has(event.type) && isActive && chatId) {
          copy.replyToken = options.fake.issueReplyToken(chatId);
        }
        // Messages from a user carry a token with which the bot may mark them read (LINE's 既読).
        const message = event.message as Record<string, unknown> | undefined;
        if (event.type === "message" && message && message.markAsReadToken === undefined && options.fake && source?.userId && !source.groupId && !source.roomId) {
          copy.message = { ...message, markAsReadToken: options.fake.issueMarkAsReadToken(source.userId) };
        }
        return copy;
      });
      const body = JSON.stringify({ destination: options.destination ?? FAKE_BOT_DESTINATION, events: sent });
      const result = await sendRaw(body, signLineBody(body, options.channelSecret));
      return { ...result, events: sent };
    },
  };
}
