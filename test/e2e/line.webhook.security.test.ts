import { describe, expect, it } from "vitest";
import { signLineBody } from "../../src/bot/line/signature.ts";
import { webhookInbox } from "../../src/store/schema.ts";
import { lineUserId, lineWebhookSender, textEvent } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { CHANNEL_SECRET, useLineHarness } from "./line.harness.ts";

describe("the LINE webhook refuses what LINE did not sign", () => {
  const { store, fake, h } = useLineHarness(storeKinds[0]!);

  const body = () =>
    JSON.stringify({ destination: "U".padEnd(33, "0"), events: [textEvent(lineUserId("intruder"), "予約したい", { timestamp: h.t.clock().getTime() })] });
  const stored = async () => (await store.db.select().from(webhookInbox)).length;

  it("refuses a body without a signature and stores nothing", async () => {
    const res = await h.sender.sendRaw(body(), undefined);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: "invalid_signature" } });
    expect(await stored()).toBe(0);
  });

  it("refuses a body signed with another channel's secret", async () => {
    const other = lineWebhookSender({ url: h.url, channelSecret: "not-our-secret", fake });
    expect((await other.send([textEvent(lineUserId("x"), "hi")])).status).toBe(401);
    expect(await stored()).toBe(0);
  });

  it("refuses a body changed after it was signed", async () => {
    const original = body();
    const signature = signLineBody(original, CHANNEL_SECRET);
    const res = await h.sender.sendRaw(original.replace("予約したい", "予約を取り消す"), signature);
    expect(res.status).toBe(401);
    expect(await stored()).toBe(0);
  });

  it("checks the signature before it reads the body, so garbage gets 401 rather than 400", async () => {
    expect((await h.sender.sendRaw("not json", "AAAA")).status).toBe(401);
    expect((await h.sender.sendRaw("not json", "x".repeat(44))).status).toBe(401);
  });

  it("never talks to LINE for a refused request", async () => {
    await h.sender.sendRaw(body(), signLineBody(body(), "wrong"));
    await h.settle();
    expect(fake.requests).toHaveLength(0);
  });
});
