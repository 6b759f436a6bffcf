import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appendMessages, createConversation, forgetIdle, saveConversation, setConversationMode } from "../../src/store/conversations.ts";
import { conversations, messages } from "../../src/store/schema.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("idle conversations on $name", (kind) => {
  const store = useStore(kind);
  const longAgo = new Date("2026-11-01T10:00:00+09:00");
  const now = new Date("2026-11-24T10:00:00+09:00");
  const cutoff = new Date(now.getTime() - 72 * 3_600_000);

  it("forget the answers and messages they no longer need, but not what staff are handling", async () => {
    const idle = await createConversation(store.db, { channel: "web", userKey: "a", locale: "ja", now: longAgo });
    await saveConversation(store.db, idle, { state: { flow: "intake", step: "email", answers: { name: "長崎 太郎", office: "nagasaki" } } }, longAgo);
    await appendMessages(store.db, idle.id, [{ author: "user", body: { inbound: { kind: "text", text: "長崎 太郎です" } } }], longAgo);
    const withStaff = await createConversation(store.db, { channel: "web", userKey: "b", locale: "ja", now: longAgo });
    await saveConversation(store.db, withStaff, { state: { answers: { name: "佐世保 花子" } } }, longAgo);
    await setConversationMode(store.db, withStaff.id, "handoff", longAgo);
    await appendMessages(store.db, withStaff.id, [{ author: "user", body: { inbound: { kind: "text", text: "担当の方をお願いします" } } }], longAgo);
    const active = await createConversation(store.db, { channel: "web", userKey: "c", locale: "ja", now });
    await saveConversation(store.db, active, { state: { answers: { name: "諫早 次郎" } } }, now);

    expect(await forgetIdle(store.db, cutoff)).toEqual({ conversations: 1, messages: 1 });
    const rows = await store.db.select().from(conversations);
    const state = (id: string) => JSON.stringify(rows.find((r) => r.id === id)!.state);
    expect(state(idle.id)).toBe("{}");
    expect(state(withStaff.id)).toContain("佐世保 花子");
    expect(state(active.id)).toContain("諫早 次郎");
    expect(await store.db.select().from(messages).where(eq(messages.conversationId, idle.id))).toHaveLength(0);
    expect(await store.db.select().from(messages).where(eq(messages.conversationId, withStaff.id))).toHaveLength(1);
  });
});
