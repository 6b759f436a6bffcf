import { describe, expect, it } from "vitest";
import { pendingEvents, storeEvents } from "../../src/store/inbox.ts";
import { webhookInbox } from "../../src/store/schema.ts";
import { useStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";

describe("the embedded store's priority lane", () => {
  // PGlite (the default): on PostgreSQL priorityDb is the pool, whose connections need no lanes.
  const store = useStore();

  it("stores a webhook event ahead of statements already queued, after the transaction in progress", async () => {
    const finished: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // A processor's transaction holds the one connection; more of its statements queue behind it.
    let holding = false;
    const transaction = store.db.transaction(async (tx) => {
      await tx.select().from(webhookInbox);
      holding = true;
      await held;
      finished.push("transaction");
    });
    await until(() => holding, "the transaction to hold the connection");
    const queued = Array.from({ length: 20 }, (_, i) =>
      pendingEvents(store.db, { source: "line", limit: 10 }).then(() => finished.push(`queued ${i}`)),
    );
    const insert = storeEvents(store.priorityDb, [{ source: "line", eventId: "urgent", userKey: "U1", payload: {} }]).then((rows) => {
      finished.push("insert");
      return rows;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(finished).toEqual([]);
    release();
    const [row] = await insert;
    await Promise.all([transaction, ...queued]);
    expect(row?.eventId).toBe("urgent");
    expect(finished.slice(0, 2)).toEqual(["transaction", "insert"]);
    expect(finished).toHaveLength(22);
  });
});
