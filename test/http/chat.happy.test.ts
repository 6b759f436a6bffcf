import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");

describe("the web chat API, as it should work", () => {
  const store = useStore(storeKinds[0]!, { resetEach: false });
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  beforeAll(async () => {
    ({ app } = await buildTestApp(store, { now, env: { WIDGET_ORIGINS: "https://www.example-office.jp" } }));
  });

  it("starts a session with a token and a greeting with the menu", async () => {
    const chat = await startChat(app);
    expect(chat.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(chat.token.length).toBeGreaterThanOrEqual(40);
    expect(chat.last[0]!.choices!.map((c) => c.value)).toContain("menu:book");
    expect(chat.last[0]!.choices!.every((c) => c.label.length <= 20)).toBe(true);
  });

  it("greets in English when the session asks for it", async () => {
    const chat = await startChat(app, { locale: "en" });
    expect(chat.text).toContain("What would you like to do?");
  });

  it("returns the history and state so a reloaded page can restore the conversation", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.say("仕事を探しています");
    const res = await app.request(`/api/chat/sessions/${chat.sessionId}`, { headers: { authorization: `Bearer ${chat.token}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.mode).toBe("bot");
    expect(body.state).toMatchObject({ flow: "intake", step: "consent" });
    const authors = body.messages.map((m: { author: string }) => m.author);
    expect(authors[0]).toBe("bot");
    expect(authors).toContain("user");
    expect(body.messages.find((m: { inbound?: { text?: string } }) => m.inbound?.text === "仕事を探しています")).toBeTruthy();
  });

  it("answers two messages sent at once in the order sent, each once, and a wrong token still gets 401", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    const send = (body: object, token = chat.token) =>
      app.request(`/api/chat/sessions/${chat.sessionId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const [first, second, wrong] = await Promise.all([
      send({ choice: "menu:book" }),
      send({ text: "仕事を探しています" }),
      send({ text: "x" }, "not-the-token"),
    ]);
    expect([first.status, second.status, wrong.status]).toEqual([200, 200, 401]);
    const history = await (await app.request(`/api/chat/sessions/${chat.sessionId}`, { headers: { authorization: `Bearer ${chat.token}` } })).json();
    const typed = history.messages.filter((m: { author: string }) => m.author === "user").map((m: { inbound: { value?: string; text?: string } }) => m.inbound.value ?? m.inbound.text);
    expect(typed).toEqual(["menu:book", "仕事を探しています"]);
    expect(history.state).toMatchObject({ flow: "intake", step: "consent" });
  });

  it("accepts a date picked in the picker as the same Tokyo time whatever the host's time zone", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    for (const answer of ["長崎 太郎", "42010-2020202", "t@example.jp", "090-1111-2222"]) await chat.say(answer);
    await chat.tap("指名しない");
    await chat.pick("2026-12-01T10:30");
    expect(chat.text).toContain("12月1日(火) 10:30～11:00");
  });

  it("lets an allowed site call it from the browser", async () => {
    const res = await app.request("/api/chat/sessions", {
      method: "OPTIONS",
      headers: { origin: "https://www.example-office.jp", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://www.example-office.jp");
  });

  it("publishes its OpenAPI document", async () => {
    const res = await app.request("/api/openapi.json");
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/chat/sessions", "/api/chat/sessions/{id}/messages", "/api/chat/sessions/{id}"]));
  });
});
