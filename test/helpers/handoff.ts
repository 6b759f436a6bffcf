// A seeker's conversation that waits for a person, with what they said, for the handoff inbox tests.
import { randomUUID } from "node:crypto";
import { appendMessages, createConversation, setConversationMode } from "../../src/store/conversations.ts";
import type { TestStore } from "./stores.ts";

export async function handoffChat(
  store: TestStore,
  options: { officeId?: string | null; channel?: "web" | "line"; userKey?: string; said?: string[]; now: Date; locale?: "ja" | "en" },
) {
  const conversation = await createConversation(store.db, {
    channel: options.channel ?? "web",
    userKey: options.userKey ?? randomUUID(),
    locale: options.locale ?? "ja",
    ...(options.officeId === null ? {} : { officeId: options.officeId ?? "nagasaki" }),
    now: options.now,
  });
  await setConversationMode(store.db, conversation.id, "handoff", options.now);
  await appendMessages(
    store.db,
    conversation.id,
    (options.said ?? ["人と話したい"]).map((text) => ({ author: "user" as const, body: { inbound: { kind: "text" as const, text } } })),
    options.now,
  );
  return { ...conversation, mode: "handoff" as const };
}
