import { describe, expect, it } from "vitest";
import { runTurn } from "../../src/flows/turn.ts";
import { conversationHistory, conversationOfUser, findConversation } from "../../src/store/conversations.ts";
import { buildTestApp } from "../helpers/app.ts";
import { useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");

describe("running a turn", () => {
  const store = useStore();

  it("repeats the replies of an event run again after a crash instead of answering the next question with it", async () => {
    const { deps } = await buildTestApp(store, { now });
    const turnDeps = { db: store.db, config: deps.config, clock: deps.clock, wakeOutbox: () => {} };
    const conversation = await conversationOfUser(store.db, "line", "U0123", now);
    await runTurn(turnDeps, conversation.id, { kind: "choice", value: "menu:book" }, { key: "line:e1" });
    const first = await runTurn(turnDeps, conversation.id, { kind: "choice", value: "office:nagasaki" }, { key: "line:e2" });
    expect(first.messages[0]!.text).toContain("どなたのご相談ですか");
    const before = await findConversation(store.db, conversation.id);

    const again = await runTurn(turnDeps, conversation.id, { kind: "choice", value: "office:nagasaki" }, { key: "line:e2" });
    expect(again.messages).toEqual(first.messages);
    const after = await findConversation(store.db, conversation.id);
    expect(after!.version).toBe(before!.version);
    const history = await conversationHistory(store.db, conversation.id);
    expect(history.filter((m) => m.author === "user")).toHaveLength(2);
  });
});
