// Every outbound channel, in the order a notice's jobs are enqueued. A new channel is a file beside
// this one, its settings, and an entry here.
import type { BotMessage } from "../../messages.ts";
import type { Db } from "../../store/db.ts";
import { postStaffMessage, releaseConversation } from "../../store/handoffInbox.ts";
import { chatNotices } from "../chatNotices.ts";
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

interface StaffInChat {
  conversation: ConversationTarget & { id: string };
  staffId: string;
  now: Date;
  lineConfigured: boolean;
}

/** A staff member's answer in a handoff chat: stored with the job that carries it to the seeker's channel. */
export function sendStaffMessage(db: Db, input: StaffInChat & { text: string }): Promise<number> {
  const message = { text: input.text };
  return postStaffMessage(db, {
    conversationId: input.conversation.id,
    message,
    staffId: input.staffId,
    now: input.now,
    job: (messageId) => seekerChatJob(`staff-message:${messageId}`, input.conversation, message, { line: input.lineConfigured, record: false, now: input.now }),
  });
}

/** Staff hand the chat back to the bot, and the seeker is told so; false when it was not with staff. */
export function releaseToBot(db: Db, input: StaffInChat): Promise<boolean> {
  const { conversation, now } = input;
  const job = seekerChatJob(`release:${conversation.id}:${now.getTime()}`, conversation, chatNotices.released(conversation.locale), { line: input.lineConfigured, record: true, now });
  return releaseConversation(db, { conversationId: conversation.id, staffId: input.staffId, now, jobs: job ? [job] : [] });
}
