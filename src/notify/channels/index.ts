// Every outbound channel, in the order a notice's jobs are enqueued. A new channel is a file beside
// this one, its settings, and an entry here.
import type { BotMessage } from "../../messages.ts";
import type { NewJob } from "../../store/outbox.ts";
import type { Channel, ConversationJobOptions, ConversationTarget } from "./channel.ts";
import { chat } from "./chat.ts";
import { line } from "./line.ts";
import { mail } from "./mail.ts";
import { webhook } from "./webhook.ts";

// Each channel sends its own payload, and the outbox hands payloads over untyped.
export const outboundChannels: readonly Channel<any>[] = [mail, line, webhook, chat];

/** Where a bot message for a seeker's conversation goes: the channel the conversation runs on, if it can be reached. */
export function seekerChatJob(key: string, conversation: ConversationTarget, message: BotMessage, options: ConversationJobOptions): NewJob | undefined {
  for (const channel of outboundChannels) {
    const job = channel.conversationJob?.(key, conversation, message, options);
    if (job) return job;
  }
  return undefined;
}
