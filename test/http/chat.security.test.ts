import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  it("never puts the token in the history or the response of a message", async () => {
    const chat = await startChat(app);
    const res = await app.request(`/api/chat/sessions/${chat.sessionId}`, { headers: { authorization: `Bearer ${chat.token}` } });
    expect(await res.text()).not.toContain(chat.token);
  });
});
