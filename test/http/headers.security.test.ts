// No copies of tokens or personal data in caches (issue 18, finding 10): every answer of the chat
// and staff APIs, errors included, says Cache-Control: no-store.
import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, makeRequest, PASSWORD, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe("Cache-Control on answers with tokens or personal data", () => {
  const store = useStore(storeKinds[0]!);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
  });

  it("says no-store on the chat API, the staff sign-in and the staff API, errors included", async () => {
    const json = { "content-type": "application/json" };
    const created = await t.app.request("/api/chat/sessions", { method: "POST", headers: json, body: "{}" });
    const { sessionId, token } = await created.json();
    const auth = { ...json, authorization: `Bearer ${token}` };
    const signIn = await t.app.request("/api/staff/login", { method: "POST", headers: json, body: JSON.stringify({ email: "ng@example.jp", password: PASSWORD }) });
    const staffToken = (await signIn.clone().json()).token as string;
    const booking = await makeRequest(store, t.config);
    const answers: [string, Response][] = [
      ["create a chat", created],
      ["post a message", await t.app.request(`/api/chat/sessions/${sessionId}/messages`, { method: "POST", headers: auth, body: JSON.stringify({ text: "長崎 太郎です" }) })],
      ["read the history", await t.app.request(`/api/chat/sessions/${sessionId}`, { headers: auth })],
      ["a wrong chat token", await t.app.request(`/api/chat/sessions/${sessionId}`, { headers: { authorization: "Bearer nope" } })],
      ["sign in", signIn],
      ["a wrong password", await t.app.request("/api/staff/login", { method: "POST", headers: json, body: JSON.stringify({ email: "ng@example.jp", password: "wrong" }) })],
      ["a booking with its person", await call(t.app, staffToken, "GET", `/api/staff/bookings/${booking.id}`)],
      ["the bookings", await call(t.app, staffToken, "GET", "/api/staff/bookings")],
      ["no session", await call(t.app, undefined, "GET", "/api/staff/me")],
    ];
    for (const [what, res] of answers) expect(res.headers.get("cache-control"), what).toBe("no-store");
    expect(answers.map(([, res]) => res.status)).toEqual([201, 200, 200, 401, 200, 401, 200, 200, 401]);
  });
});
