import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLineClient } from "../../../src/line/client.ts";
import { lineWebhookBodySchema } from "../../../src/bot/line/events.ts";
import { verifyLineSignature } from "../../../src/bot/line/signature.ts";
import {
  followEvent,
  groupTextEvent,
  lineGroupId,
  lineUserId,
  lineWebhookSender,
  postbackEvent,
  startFakeLinePlatform,
  stickerEvent,
  textEvent,
  unfollowEvent,
  type FakeLine,
} from "./index.ts";

const channelSecret = "fake-channel-secret";
const received: { signature: string | undefined; body: string }[] = [];
let receiver: Server;
let url: string;
let fake: FakeLine;

beforeAll(async () => {
  fake = await startFakeLinePlatform();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = req.headers["x-line-signature"] as string | undefined;
      received.push({ signature, body });
      res.writeHead(verifyLineSignature(body, signature, channelSecret) ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/line/webhook`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await fake.close();
});

describe("the fake LINE webhook sender", () => {
  it("sends signed bodies our schema accepts, each event with its own id", async () => {
    const userId = lineUserId("sender");
    const sender = lineWebhookSender({ url, channelSecret, fake });
    const result = await sender.send([
      followEvent(userId),
      textEvent(userId, "予約したい"),
      postbackEvent(userId, "p=datetime", { datetime: "2026-12-03T14:00" }),
      stickerEvent(userId),
      groupTextEvent(lineGroupId("g"), userId, "hello"),
      unfollowEvent(userId),
    ]);
    expect(result.status).toBe(200);
    const body = lineWebhookBodySchema.parse(JSON.parse(received.at(-1)!.body));
    expect(new Set(body.events.map((e) => e.webhookEventId)).size).toBe(6);
    expect(body.events.every((e) => e.deliveryContext.isRedelivery === false)).toBe(true);
    expect(body.events.at(-1)!.replyToken).toBeUndefined();
  });

  it("issues reply tokens the fake platform accepts once", async () => {
    const userId = lineUserId("token");
    const sender = lineWebhookSender({ url, channelSecret, fake });
    const { events } = await sender.send([textEvent(userId, "hi")]);
    const client = createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl });
    expect(await client.reply(events[0]!.replyToken!, [{ type: "text", text: "こんにちは" }])).toEqual({ ok: true });
    expect(fake.delivered(userId)).toEqual([{ type: "text", text: "こんにちは" }]);
  });

  it("redelivers the same events with the redelivery flag set", async () => {
    const sender = lineWebhookSender({ url, channelSecret, fake });
    const first = await sender.send([textEvent(lineUserId("again"), "hi")]);
    const second = await sender.send(first.events, { redelivery: true });
    expect(second.events[0]!.webhookEventId).toBe(first.events[0]!.webhookEventId);
    expect(JSON.parse(received.at(-1)!.body).events[0].deliveryContext).toEqual({ isRedelivery: true });
  });

  it("is refused by a receiver that holds another secret", async () => {
    const sender = lineWebhookSender({ url, channelSecret: "someone-else", fake });
    expect((await sender.send([textEvent(lineUserId("x"), "hi")])).status).toBe(401);
    expect((await sender.sendRaw("{}", undefined)).status).toBe(401);
  });
});
