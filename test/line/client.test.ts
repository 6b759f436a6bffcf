import { randomUUID } from "node:crypto";
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLineClient, loadingSeconds } from "../../src/line/client.ts";
import { renderForLine } from "../../src/line/render.ts";
import { lineUserId, startFakeLinePlatform, type FakeLine } from "../fakes/line-platform/index.ts";

const text = (t: string): messagingApi.TextMessage => ({ type: "text", text: t });

let fake: FakeLine;
beforeAll(async () => {
  fake = await startFakeLinePlatform();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

describe("the LINE SDK client against the fake platform", () => {
  const sdk = () => new messagingApi.MessagingApiClient({ channelAccessToken: fake.channelAccessToken, baseURL: fake.baseUrl });

  it("replies with a fresh reply token", async () => {
    const userId = lineUserId("sdk-reply");
    const response = await sdk().replyMessage({ replyToken: fake.issueReplyToken(userId), messages: [text("こんにちは")] });
    expect(response.sentMessages).toHaveLength(1);
    expect(fake.delivered(userId)).toEqual([text("こんにちは")]);
  });

  it("pushes with a retry key sent as X-Line-Retry-Key", async () => {
    const userId = lineUserId("sdk-push");
    const key = randomUUID();
    await sdk().pushMessage({ to: userId, messages: [text("明日のご予約です")] }, key);
    expect(fake.requests.at(-1)!.headers["x-line-retry-key"]).toBe(key);
    expect(fake.delivered(userId)).toHaveLength(1);
  });

  it("shows the loading animation and reads a profile", async () => {
    const userId = lineUserId("sdk-profile");
    fake.setProfile(userId, { displayName: "長崎 花子", language: "ja" });
    await sdk().showLoadingAnimation({ chatId: userId, loadingSeconds: 10 });
    expect(fake.loadings).toEqual([{ chatId: userId, loadingSeconds: 10 }]);
    expect(await sdk().getProfile(userId)).toMatchObject({ userId, displayName: "長崎 花子" });
  });

  it("surfaces LINE's errors as HTTPFetchError with the status", async () => {
    const error = await sdk()
      .replyMessage({ replyToken: "no-such-token", messages: [text("x")] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPFetchError);
    expect((error as HTTPFetchError).status).toBe(400);
    expect(JSON.parse((error as HTTPFetchError).body)).toEqual({ message: "Invalid reply token" });
  });

  it("is refused without the right channel access token", async () => {
    const wrong = new messagingApi.MessagingApiClient({ channelAccessToken: "stolen", baseURL: fake.baseUrl });
    const error = await wrong.getProfile(lineUserId("x")).catch((e: unknown) => e);
    expect((error as HTTPFetchError).status).toBe(401);
  });
});

describe("createLineClient", () => {
  const client = () => createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl, timeoutMs: 2_000 });

  it("delivers a rendered reply that LINE's limits accept", async () => {
    const userId = lineUserId("render");
    const messages = renderForLine(
      [
        ...Array.from({ length: 7 }, (_, i) => ({ text: `ご案内 ${i}` })),
        {
          text: "どちらにしますか。",
          choices: Array.from({ length: 13 }, (_, i) => ({ label: `とても長い選択肢のラベルその${i}です`, value: `v${i}` })),
          datePicker: { min: "2026-12-03T10:00", max: "2027-01-29T15:30" },
        },
      ],
      "ja",
    );
    expect(await client().reply(fake.issueReplyToken(userId), messages)).toEqual({ ok: true });
    expect(fake.delivered(userId)).toHaveLength(messages.length);
  });

  it("uses a reply token once: the second reply is an invalid reply token", async () => {
    const userId = lineUserId("once");
    const token = fake.issueReplyToken(userId);
    expect(await client().reply(token, [text("1")])).toEqual({ ok: true });
    expect(await client().reply(token, [text("2")])).toEqual({
      ok: false,
      kind: "invalid_reply_token",
      status: 400,
      message: "Invalid reply token",
    });
    expect(fake.delivered(userId)).toEqual([text("1")]);
  });

  it("treats an expired reply token as invalid", async () => {
    const token = fake.issueReplyToken(lineUserId("expired"));
    fake.invalidateReplyTokens();
    expect(await client().reply(token, [text("x")])).toMatchObject({ ok: false, kind: "invalid_reply_token" });
  });

  it("reports a push repeated with an accepted retry key as already sent, delivering once", async () => {
    const userId = lineUserId("retry");
    const key = randomUUID();
    expect(await client().push(userId, [text("リマインダー")], key)).toEqual({ ok: true });
    const again = await client().push(userId, [text("リマインダー")], key);
    expect(again).toMatchObject({ ok: false, kind: "already_sent", status: 409 });
    expect(fake.delivered(userId)).toHaveLength(1);
  });

  it("lets a retry with the same key succeed after LINE failed before accepting", async () => {
    const userId = lineUserId("retry-500");
    const key = randomUUID();
    fake.failNext(1, { status: 500, path: "/v2/bot/message/push" });
    expect(await client().push(userId, [text("x")], key)).toMatchObject({ ok: false, kind: "retryable", status: 500 });
    expect(await client().push(userId, [text("x")], key)).toEqual({ ok: true });
    expect(fake.delivered(userId)).toHaveLength(1);
  });

  it("does not deliver twice when the answer to an accepted push was lost", async () => {
    const userId = lineUserId("lost-answer");
    const key = randomUUID();
    fake.failNext(1, { status: 503, path: "/v2/bot/message/push", afterDelivery: true });
    expect(await client().push(userId, [text("x")], key)).toMatchObject({ ok: false, kind: "retryable" });
    expect(await client().push(userId, [text("x")], key)).toMatchObject({ ok: false, kind: "already_sent" });
    expect(fake.delivered(userId)).toHaveLength(1);
    const [first, second] = fake.requests;
    expect(second!.status).toBe(409);
    expect(first!.status).toBe(503);
  });

  it("classifies a rate limit as retryable", async () => {
    fake.failNext(1, { status: 429 });
    expect(await client().push(lineUserId("busy"), [text("x")], randomUUID())).toEqual({
      ok: false,
      kind: "retryable",
      status: 429,
      message: "The API rate limit has been exceeded. Try again later.",
    });
  });

  it("classifies a message LINE refuses as rejected, not worth retrying", async () => {
    const six = Array.from({ length: 6 }, (_, i) => text(String(i)));
    expect(await client().push(lineUserId("six"), six, randomUUID())).toMatchObject({
      ok: false,
      kind: "rejected",
      status: 400,
    });
    const badLabel: messagingApi.TextMessage = {
      ...text("q"),
      quickReply: { items: [{ type: "action", action: { type: "postback", label: "あ".repeat(21), data: "c=x" } }] },
    };
    expect(await client().push(lineUserId("label"), [badLabel], randomUUID())).toMatchObject({ kind: "rejected" });
  });

  it("classifies an unreachable platform as retryable", async () => {
    const offline = createLineClient({ accessToken: "t", baseUrl: "http://127.0.0.1:9" });
    expect(await offline.push(lineUserId("off"), [text("x")], randomUUID())).toMatchObject({
      ok: false,
      kind: "retryable",
      status: 0,
    });
  });

  it("gives up on a platform that does not answer in time, as retryable", async () => {
    fake.setDelay(500);
    const slow = createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl, timeoutMs: 100 });
    expect(await slow.showLoading(lineUserId("slow"), 5)).toMatchObject({ ok: false, kind: "retryable", status: 0 });
  });

  it("shows the loading animation for an allowed number of seconds", async () => {
    const userId = lineUserId("loading");
    expect(await client().showLoading(userId, 7)).toEqual({ ok: true });
    expect(fake.loadings).toEqual([{ chatId: userId, loadingSeconds: 10 }]);
    expect([loadingSeconds(0), loadingSeconds(61), loadingSeconds(20)]).toEqual([5, 60, 20]);
  });

  it("reads a user's display name, and reports an unknown user as rejected", async () => {
    const userId = lineUserId("profile");
    fake.setProfile(userId, { displayName: "Taro", language: "en" });
    expect(await client().profile(userId)).toEqual({ ok: true, profile: { userId, displayName: "Taro", language: "en" } });
    expect(await client().profile(lineUserId("nobody"))).toMatchObject({ ok: false, kind: "rejected", status: 404 });
  });
});
