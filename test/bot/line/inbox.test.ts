import pino from "pino";
import { describe, expect, it } from "vitest";
import { watchLineBacklog } from "../../../src/bot/line/runtime.ts";
import { markFailed, markProcessed, pendingEvents, storeEvents, waitingEvents } from "../../../src/store/inbox.ts";
import { storeKinds, useStore } from "../../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const event = (eventId: string, userKey: string | null = "U1") => ({ source: "line", eventId, userKey, payload: { webhookEventId: eventId } });

describe.each(storeKinds)("the webhook inbox on $name", (kind) => {
  const store = useStore(kind);

  it("stores each event once and returns only the new ones", async () => {
    expect((await storeEvents(store.db, [event("a"), event("b")], now)).map((e) => e.eventId)).toEqual(["a", "b"]);
    expect((await storeEvents(store.db, [event("b"), event("c")], now)).map((e) => e.eventId)).toEqual(["c"]);
    expect(await storeEvents(store.db, [], now)).toEqual([]);
  });

  it("keeps the same event id from two sources apart", async () => {
    await storeEvents(store.db, [event("a")], now);
    expect(await storeEvents(store.db, [{ ...event("a"), source: "other" }], now)).toHaveLength(1);
  });

  it("lists pending events oldest first, leaving out those in hand and those of waiting users", async () => {
    const [a, , c] = await storeEvents(store.db, [event("a", "U1"), event("b", "U2"), event("c", null), event("d", "U1")], now);
    await markProcessed(store.db, c!.id, now);
    const all = await pendingEvents(store.db, { source: "line", limit: 10 });
    expect(all.map((e) => e.eventId)).toEqual(["a", "b", "d"]);
    const some = await pendingEvents(store.db, { source: "line", limit: 10, excludeIds: [a!.id], excludeUserKeys: ["U2"] });
    expect(some.map((e) => e.eventId)).toEqual(["d"]);
    expect(await pendingEvents(store.db, { source: "line", limit: 1 })).toHaveLength(1);
  });

  it("counts the events still waiting and knows since when the oldest has", async () => {
    expect(await waitingEvents(store.db, "line")).toEqual({ count: 0, oldest: null });
    const [a] = await storeEvents(store.db, [event("a")], now);
    await storeEvents(store.db, [event("b")], new Date(now.getTime() + 60_000));
    await storeEvents(store.db, [{ ...event("c"), source: "other" }], new Date(now.getTime() - 60_000));
    expect(await waitingEvents(store.db, "line")).toEqual({ count: 2, oldest: now });
    await markProcessed(store.db, a!.id, now);
    expect(await waitingEvents(store.db, "line")).toEqual({ count: 1, oldest: new Date(now.getTime() + 60_000) });
  });

  it("warns in the log when LINE events have waited unanswered for more than two minutes", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
    let clock = new Date(now.getTime() + 60_000);
    const watch = watchLineBacklog(store, logger, () => clock);
    watch.stop();
    await storeEvents(store.db, [event("a"), event("b", "U2")], now);
    expect(await watch.check()).toBe(false);
    clock = new Date(now.getTime() + 180_000);
    expect(await watch.check()).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ waiting: 2, oldestWaitedSeconds: 180, msg: expect.stringContaining("npm run line-worker") });
  });

  it("marks an event processed only once", async () => {
    const [a] = await storeEvents(store.db, [event("a")], now);
    expect(await markProcessed(store.db, a!.id, now)).toBe(true);
    expect(await markProcessed(store.db, a!.id, now)).toBe(false);
  });

  it("counts failures and, when giving up, takes the event off the pending list", async () => {
    const [a] = await storeEvents(store.db, [event("a")], now);
    expect(await markFailed(store.db, a!.id, "TypeError", now)).toBe(1);
    expect(await pendingEvents(store.db, { source: "line", limit: 10 })).toHaveLength(1);
    expect(await markFailed(store.db, a!.id, "TypeError", now, { giveUp: true })).toBe(2);
    expect(await pendingEvents(store.db, { source: "line", limit: 10 })).toHaveLength(0);
  });
});
