import type { Conversation } from "../../store/conversations.ts";
import { latestMarkAsReadToken } from "../../store/inbox.ts";
import { LINE_INBOX_SOURCE } from "./processor.ts";
import { lineRuntimeOf, type LineDeps } from "./runtime.ts";

// The last token marked per conversation, so a page that refreshes itself asks LINE again only when
// new messages came. Bounded: the oldest entries go first.
const lastMarked = new Map<string, string>();
const REMEMBERED = 5_000;

/**
 * A person has now read what the seeker wrote on LINE: the seeker sees 既読. Called only where staff
 * open a handoff chat (staff API, console), never when the bot answers, so 既読 means a person saw it.
 * In the background: the page does not wait on LINE.
 */
export function markReadByStaff(deps: LineDeps, conversation: Pick<Conversation, "id" | "channel" | "mode" | "userKey">): void {
  if (conversation.channel !== "line" || conversation.mode !== "handoff") return;
  const runtime = lineRuntimeOf(deps);
  if (!runtime) return;
  void latestMarkAsReadToken(deps.store.db, LINE_INBOX_SOURCE, conversation.userKey)
    .then(async (token) => {
      if (!token || lastMarked.get(conversation.id) === token) return;
      // Taken before asking, so that a refresh meanwhile does not ask twice; given back if LINE refused.
      const before = lastMarked.get(conversation.id);
      lastMarked.delete(conversation.id);
      lastMarked.set(conversation.id, token);
      if (lastMarked.size > REMEMBERED) lastMarked.delete(lastMarked.keys().next().value!);
      const result = await runtime.client.markAsRead(token);
      if (!result.ok && lastMarked.get(conversation.id) === token) {
        if (before === undefined) lastMarked.delete(conversation.id);
        else lastMarked.set(conversation.id, before);
      }
    })
    .catch((error: unknown) => deps.logger.warn({ conversationId: conversation.id, err: error instanceof Error ? error.name : typeof error }, "could not mark LINE messages read"));
}
