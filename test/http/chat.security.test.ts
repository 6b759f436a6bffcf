import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");

describe("the web chat API, for someone without the right", () => {
  const store = useStore(storeKinds[0]!, { resetEach: false });
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  beforeAll(async () => {
    ({ app } = await buildTestApp(store, { now, env: { WIDGET_ORIGINS: "https://www.example-office.jp" } }));
  });

  const send = (id: string, headers: Record<string, string>) =>
    app.request(`/api/chat/sessions/${id}/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ text: "hi" }) });

  it("refuses a message without a token", async () => {
    const chat = await startChat(app);
    const res = await send(chat.sessionId, {});
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("refuses another session's token", async () => {
    const mine = await startChat(app);
    const theirs = await startChat(app);
    expect((await send(mine.sessionId, { authorization: `Bearer ${theirs.token}` })).status).toBe(401);
    const history = await app.request(`/api/chat/sessions/${mine.sessionId}`, { headers: { authorization: `Bearer ${theirs.token}` } });
    expect(history.status).toBe(401);
  });

  it("refuses a site that is not in WIDGET_ORIGINS", async () => {
    const res = await app.request("/api/chat/sessions", { method: "POST", headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("limits reads of a session's history, counting before the token is looked up", async () => {
    const chat = await startChat(app);
    const read = (id: string, token: string) => app.request(`/api/chat/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const guesses: number[] = [];
    for (let i = 0; i < 20; i++) guesses.push((await read(chat.sessionId, `guess-${i}`)).status);
    expect(new Set(guesses)).toEqual(new Set([401]));
    const flooded = await read(chat.sessionId, chat.token);
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits history reads per client, whatever session they name", async () => {
    // An hour on, the counts of the tests before are past.
    const limited = await buildTestApp(store, { now: new Date(now.getTime() + 3_600_000), deps: { chatRateLimits: { historyReadsPerMinutePerClient: 10 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
      statuses.push((await limited.app.request(`/api/chat/sessions/${id}`, { headers: { authorization: "Bearer x" } })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(404), 429, 429]);
  });

  it("never puts the token in the history or the response of a message", async () => {
    const chat = await startChat(app);
    const res = await app.request(`/api/chat/sessions/${chat.sessionId}`, { headers: { authorization: `Bearer ${chat.token}` } });
    expect(await res.text()).not.toContain(chat.token);
  });
});
