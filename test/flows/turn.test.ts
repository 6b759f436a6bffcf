import { describe, expect, it } from "vitest";
import { runTurn, TurnAbandoned } from "../../src/flows/turn.ts";
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

  it("saves nothing of a message whose sender was already told to send it again, and lets the next one go first", async () => {
    const { deps } = await buildTestApp(store, { now });
    const turnDeps = { db: store.db, config: deps.config, clock: deps.clock, wakeOutbox: () => {} };
    const conversation = await conversationOfUser(store.db, "line", "U0456", now);
    await runTurn(turnDeps, conversation.id, { kind: "choice", value: "menu:book" });
    const before = await findConversation(store.db, conversation.id);

    // Given up on while it runs (the request was answered 503): it stops before saving.
    const givenUp = new AbortController();
    const late = runTurn(turnDeps, conversation.id, { kind: "choice", value: "office:nagasaki" }, { signal: givenUp.signal });
    givenUp.abort();
    await expect(late).rejects.toBeInstanceOf(TurnAbandoned);
    expect((await findConversation(store.db, conversation.id))!.version).toBe(before!.version);

    // The same message sent again is answered as the first time it was said.
    const retry = await runTurn(turnDeps, conversation.id, { kind: "choice", value: "office:nagasaki" });
    expect(retry.messages[0]!.text).toContain("どなたのご相談ですか");
    const history = await conversationHistory(store.db, conversation.id);
    expect(history.filter((m) => m.author === "user")).toHaveLength(2);
  });
});
