import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");

describe("the web chat API, given wrong requests", () => {
  const store = useStore(storeKinds[0]!, { resetEach: false });
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  beforeAll(async () => {
    ({ app } = await buildTestApp(store, { now }));
  });

  const post = (path: string, body: string, token?: string) =>
    app.request(path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

  it("answers malformed JSON with 400 and a JSON error", async () => {
    const res = await post("/api/chat/sessions", "{not json");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_json", message: "The request body is not valid JSON." } });
  });

  it("answers an unknown office with 400 naming the field", async () => {
    const res = await post("/api/chat/sessions", JSON.stringify({ office: "tokyo" }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/^office:/);
  });

  it("answers a message of the wrong shape with 400", async () => {
    const chat = await startChat(app);
    for (const body of [{}, { text: 3 }, { text: "a", choice: "b" }, { datetime: "tomorrow" }, []]) {
      const res = await post(`/api/chat/sessions/${chat.sessionId}/messages`, JSON.stringify(body), chat.token);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_request");
    }
  });

  it("answers an unknown session with 404", async () => {
    const res = await post("/api/chat/sessions/00000000-0000-4000-8000-000000000000/messages", JSON.stringify({ text: "hi" }), "x");
    expect(res.status).toBe(404);
    for (const id of ["not-a-uuid", "-".repeat(36), "a".repeat(36)]) {
      const malformed = await post(`/api/chat/sessions/${id}/messages`, JSON.stringify({ text: "hi" }), "x");
      expect(malformed.status, id).toBe(404);
    }
  });

  it("refuses text over 2,000 characters politely, without a crash", async () => {
    const chat = await startChat(app);
    const replies = await chat.say("あ".repeat(2001));
    expect(replies[0]!.text).toContain("メッセージが長すぎます（2000文字まで）");
  });

  it("answers a body over 64 KiB with 413", async () => {
    const chat = await startChat(app);
    const res = await post(`/api/chat/sessions/${chat.sessionId}/messages`, JSON.stringify({ text: "x".repeat(70_000) }), chat.token);
    expect(res.status).toBe(413);
  });

  it("limits messages per session with 429 and Retry-After", async () => {
    const limited = await buildTestApp(store, {
      now,
      deps: { chatRateLimits: { sessionsPerMinutePerClient: 100, messagesPerMinutePerSession: 3, messagesPerMinutePerClient: 100 } },
    });
    const chat = await startChat(limited.app);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await limited.app.request(`/api/chat/sessions/${chat.sessionId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${chat.token}` },
        body: JSON.stringify({ text: "こんにちは" }),
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it("limits new sessions per client", async () => {
    // The counts are kept in the database this file's tests share: an hour on, theirs are past.
    const limited = await buildTestApp(store, {
      now: new Date(now.getTime() + 3_600_000),
      deps: { chatRateLimits: { sessionsPerMinutePerClient: 2, messagesPerMinutePerSession: 100, messagesPerMinutePerClient: 100 } },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.app.request("/api/chat/sessions", { method: "POST" })).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});
