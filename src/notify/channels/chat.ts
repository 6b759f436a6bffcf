// The web chat: a message for a seeker who booked through the widget joins their conversation's
// history, where the widget reads it.
import { appendMessages } from "../../store/conversations.ts";
import type { BotMessage } from "../../messages.ts";
import { asPayload, type Channel } from "./channel.ts";

export interface ChatPostPayload {
  conversationId: string;
  message: BotMessage;
}

export const chat: Channel<ChatPostPayload> = {
  kind: "chat.post",

  conversationJob(key, conversation, message, options) {
    // The widget reads only the history; a message not to be recorded is already there (a staff message).
    if (conversation.channel !== "web" || !options.record) return undefined;
    return {
      kind: "chat.post",
      idempotencyKey: `${key}:chat`,
      payload: asPayload<ChatPostPayload>({ conversationId: conversation.id, message }),
      runAt: options.now,
      orderKey: `chat:${conversation.id}`,
    };
  },

  async send(payload, _job, { db, clock }) {
    await appendMessages(db, payload.conversationId, [{ author: "bot", body: { message: payload.message } }], clock());
  },
};
