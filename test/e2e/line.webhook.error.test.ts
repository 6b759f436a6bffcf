import { describe, expect, it } from "vitest";
import { signLineBody } from "../../src/bot/line/signature.ts";
import { webhookInbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { lineUserId, lineWebhookSender, textEvent, unknownEvent } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { CHANNEL_SECRET, useLineHarness, tuesdayTen } from "./line.harness.ts";

describe("the LINE webhook and requests it cannot take", () => {
  const { store, fake, h } = useLineHarness(storeKinds[0]!);

  const signed = (raw: string) => h.sender.sendRaw(raw, signLineBody(raw, CHANNEL_SECRET));

  it("answers 503 with a clear error when LINE is not configured, and the rest of the product still works", async () => {
    const bare = await buildTestApp(store, { now: tuesdayTen });
    const sender = lineWebhookSender({ url: "http://app/line/webhook", channelSecret: CHANNEL_SECRET, fetch: (url, init) => Promise.resolve(bare.app.request(url, init)) });
    const res = await sender.send([textEvent(lineUserId("a"), "hi")]);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: "line_not_configured", message: expect.stringContaining("LINE_CHANNEL_SECRET") } });
    expect((await bare.app.request("/api/chat/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(201);
  });

  it("answers 503 when only one of the secret and the token is set", async () => {
    const half = await buildTestApp(store, { now: tuesdayTen, env: { LINE_CHANNEL_SECRET: CHANNEL_SECRET } });
    expect((await half.app.request("/line/webhook", { method: "POST", body: "{}" })).status).toBe(503);
  });

  it("answers 400 to a signed body that is not JSON", async () => {
    const res = await signed("{not json");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: "invalid_json" } });
  });

  it("answers 400 to a signed body that is not a LINE webhook, and stores nothing", async () => {
    const res = await signed(JSON.stringify({ destination: "U0", events: [{ type: "message", timestamp: "yesterday" }] }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: "invalid_request" } });
    expect(await store.db.select().from(webhookInbox)).toHaveLength(0);
  });

  it("answers LINE's Verify button, an empty list of events, with 200", async () => {
    const res = await h.sender.send([]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({});
  });

  it("accepts event types LINE adds later and does nothing with them", async () => {
    const userId = lineUserId("future");
    const res = await h.send([unknownEvent(userId, "somethingNew", { timestamp: h.t.clock().getTime() })]);
    expect(res.status).toBe(200);
    expect(fake.delivered(userId)).toHaveLength(0);
    const [row] = await store.db.select().from(webhookInbox);
    expect(row!.processedAt).not.toBeNull();
  });
});
