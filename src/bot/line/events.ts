import { z } from "zod";
import { cleanInput } from "../../cleanInput.ts";
import type { Inbound } from "../../messages.ts";
import { choiceOfPostback } from "../../line/postback.ts";

// The webhook body LINE posts to us. Only the fields we read are checked; every object is loose so
// that fields LINE adds later pass through, and event or message types we do not know parse as
// "other" instead of failing the whole request.

const userSource = z.looseObject({ type: z.literal("user"), userId: z.string().min(1).optional() });
const groupSource = z.looseObject({
  type: z.literal("group"),
  groupId: z.string().min(1),
  userId: z.string().min(1).optional(),
});
const roomSource = z.looseObject({
  type: z.literal("room"),
  roomId: z.string().min(1),
  userId: z.string().min(1).optional(),
});
const knownSourceTypes: readonly string[] = ["user", "group", "room"];
/** A kind of chat LINE may add later: the event is accepted and skipped, the others of the delivery kept. */
const otherSource = z.looseObject({ type: z.string().refine((t) => !knownSourceTypes.includes(t), "malformed source of a known type") });
const source = z.union([userSource, groupSource, roomSource, otherSource]);
type KnownSource = z.infer<typeof userSource> | z.infer<typeof groupSource> | z.infer<typeof roomSource>;

/** The event's chat when it is of a kind we know, else null. */
function knownSource(src: z.infer<typeof source> | undefined): KnownSource | null {
  return src && knownSourceTypes.includes(src.type) ? (src as KnownSource) : null;
}

const eventBase = {
  webhookEventId: z.string().min(1),
  timestamp: z.number(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }),
  /** 'standby' when another module holds the chat; then we must not answer. */
  mode: z.string().optional(),
  source: source.optional(),
  replyToken: z.string().min(1).optional(),
};

const textMessage = z.looseObject({ type: z.literal("text"), id: z.string(), text: z.string() });
const knownNonText = ["sticker", "image", "video", "audio", "file", "location"] as const;
const otherMessage = z.looseObject({
  type: z.string().refine((t) => t !== "text", "a text message needs its text"),
  id: z.string().optional(),
});

const messageEvent = z.looseObject({
  ...eventBase,
  type: z.literal("message"),
  message: z.union([textMessage, otherMessage]),
});

const postbackEvent = z.looseObject({
  ...eventBase,
  type: z.literal("postback"),
  postback: z.looseObject({
    data: z.string(),
    params: z
      .looseObject({
        datetime: z.string().optional(),
        date: z.string().optional(),
        time: z.string().optional(),
      })
      .optional(),
  }),
});

const followEvent = z.looseObject({ ...eventBase, type: z.literal("follow") });
const unfollowEvent = z.looseObject({ ...eventBase, type: z.literal("unfollow") });

const handledTypes: readonly string[] = ["message", "postback", "follow", "unfollow"];
const otherEvent = z.looseObject({
  ...eventBase,
  type: z.string().refine((t) => !handledTypes.includes(t), "malformed event of a handled type"),
});

export const lineEventSchema = z.union([messageEvent, postbackEvent, followEvent, unfollowEvent, otherEvent]);

export const lineWebhookBodySchema = z.looseObject({
  destination: z.string(),
  // LINE's "Verify" button in the console posts an empty list.
  events: z.array(lineEventSchema),
});

export type LineEvent = z.infer<typeof lineEventSchema>;

/** What the bot cannot read: a kind of message, or a postback whose picker value or data it cannot decode. */
export type UnsupportedMessage = (typeof knownNonText)[number] | "other" | "postback";

/** What one webhook event means to the bot. */
export type LineInbound =
  | { kind: "inbound"; userId: string; inbound: Inbound; replyToken?: string }
  | { kind: "unfollow"; userId: string }
  /** A message the bot cannot read (sticker, photo…): it should ask the user to type. */
  | { kind: "unsupported"; userId: string; what: UnsupportedMessage; replyToken?: string }
  /** Anything from a group or multi-person chat: the booking flow runs only one to one. */
  | {
      kind: "group";
      chat: "group" | "room";
      chatId: string;
      eventType: string;
      userId?: string;
      replyToken?: string;
    }
  | { kind: "ignore" };

const wallClock = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2})/;

/**
 * Maps one parsed event to what the bot does with it. Picker values carry no time zone: they are
 * Asia/Tokyo wall clock and stay strings, never a Date.
 */
export function toInbound(event: LineEvent): LineInbound {
  const src = knownSource(event.source);
  if (!src) return { kind: "ignore" };
  // In standby another module answers the chat; we still learn that a user left.
  if (event.mode === "standby" && event.type !== "unfollow") return { kind: "ignore" };
  const replyToken = event.replyToken !== undefined ? { replyToken: event.replyToken } : {};

  if (src.type !== "user") {
    return {
      kind: "group",
      chat: src.type,
      chatId: src.type === "group" ? src.groupId : src.roomId,
      eventType: event.type,
      ...(src.userId !== undefined ? { userId: src.userId } : {}),
      ...replyToken,
    };
  }
  const userId = src.userId;
  if (!userId) return { kind: "ignore" };

  const inbound = (value: Inbound): LineInbound => ({ kind: "inbound", userId, inbound: value, ...replyToken });

  // The schema lets a handled type through only in its own shape, so the type tells the shape.
  if (event.type === "message") {
    const { message } = event as z.infer<typeof messageEvent>;
    if (message.type === "text" && typeof message.text === "string") {
      return inbound({ kind: "text", text: message.text });
    }
    const what = (knownNonText as readonly string[]).includes(message.type)
      ? (message.type as UnsupportedMessage)
      : "other";
    return { kind: "unsupported", userId, what, ...replyToken };
  }
  if (event.type === "postback") {
    const postback = (event as z.infer<typeof postbackEvent>).postback;
    const picked = postbackInbound(postback.data, postback.params);
    return picked ? inbound(picked) : { kind: "unsupported", userId, what: "postback", ...replyToken };
  }
  if (event.type === "follow") return inbound({ kind: "start" });
  if (event.type === "unfollow") return { kind: "unfollow", userId };
  return { kind: "ignore" };
}

function postbackInbound(
  data: string,
  params: { datetime?: string | undefined; date?: string | undefined; time?: string | undefined } | undefined,
): Inbound | undefined {
  if (params?.datetime !== undefined) {
    const m = wallClock.exec(params.datetime);
    return m ? { kind: "datetime", value: `${m[1]}T${m[2]}` } : undefined;
  }
  // We only offer 'datetime' pickers; a bare date or time is still a picked value, never text a
  // question for words (the topic) would keep: the time question reads it as a wish.
  if (params?.date !== undefined) return /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? { kind: "datetime", value: params.date } : undefined;
  if (params?.time !== undefined) return /^\d{2}:\d{2}$/.test(params.time) ? { kind: "datetime", value: params.time } : undefined;
  // Percent-decoding can bring back what the boundary cleaned away (%00): clean the value again.
  const value = choiceOfPostback(data);
  return value !== null ? { kind: "choice", value: cleanInput(value) } : undefined;
}

/** The chat an event belongs to (user, group or room id): its events are handled in order. */
export function chatIdOf(event: LineEvent): string | null {
  const src = knownSource(event.source);
  if (!src) return null;
  if (src.type === "group") return src.groupId;
  if (src.type === "room") return src.roomId;
  return src.userId ?? null;
}
