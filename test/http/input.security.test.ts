// Strange strings through every route (issue 18, finding 4): a NUL byte, a lone surrogate, control
// and bidi characters never cause a 500, and what is stored and shown is clean.
import pino from "pino";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { cleanInput } from "../../src/cleanInput.ts";
import { createApp } from "../../src/http/app.ts";
import { bookings, closures, messages, webhookInbox } from "../../src/store/schema.ts";
import { lineUserId, postbackEvent, textEvent } from "../fakes/line-platform/index.ts";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { consoleSignIn } from "../helpers/console.ts";
import { addStaff, call, loginAs, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { useLineHarness } from "../e2e/line.harness.ts";

const pglite = storeKinds[0]!;
const STRANGE = ["\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\u202Eevil\u202C", "\u0007\u001B[31m", "\uFEFF\u200B", "\u{E0041}\u{E0042}"];
/** Anything the cleaning step must have removed or replaced. */
const UNCLEAN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

describe("the one cleaning step", () => {
  it("removes NUL, control, zero-width, bidi and tag characters, replaces lone surrogates, keeps text, emoji and newlines", () => {
    expect(cleanInput("山田\u0000太郎\u202E")).toBe("山田太郎");
    expect(cleanInput("a\uD800b")).toBe("a\uFFFDb");
    expect(cleanInput("一行目\r\n二行目\u2028三\tタブ")).toBe("一行目\n二行目\n三\tタブ");
    expect(cleanInput("👨\u200D👩\u200D👧 家族")).toBe("👨\u200D👩\u200D👧 家族");
    expect(cleanInput("ab\u200Dc")).toBe("abc");
    expect(cleanInput("葛\u{E0100}飾")).toBe("葛\u{E0100}飾");
    for (const s of STRANGE) expect(cleanInput(s)).not.toMatch(UNCLEAN);
  });
});

describe("strange strings through the chat and staff routes", () => {
  const store = useStore(pglite);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let logged: string[];
  let token: string;
  beforeEach(async () => {
    logged = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void logged.push(line) });
    t = await buildTestApp(store, { now: tuesdayTen, deps: { logger } });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    token = await loginAs(t.app, "ng@example.jp");
  });

  it("answers choices and text with NUL bytes and lone surrogates without a 500, and keeps the history clean", async () => {
    const chat = await startChat(t.app);
    for (const s of STRANGE) {
      for (const body of [{ choice: s }, { choice: `menu:book${s}` }, { text: `長崎 太郎${s}です` }]) {
        const res = await t.app.request(`/api/chat/sessions/${chat.sessionId}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${chat.token}` },
          body: JSON.stringify(body),
        });
        expect([200, 400], JSON.stringify(body)).toContain(res.status);
      }
    }
    const history = await t.app.request(`/api/chat/sessions/${chat.sessionId}`, { headers: { authorization: `Bearer ${chat.token}` } });
    expect(history.status).toBe(200);
    expect(await history.text()).not.toMatch(/\\u0000|\\ud[89ab]/i);
    const stored = await store.db.select().from(messages).where(eq(messages.conversationId, chat.sessionId));
    expect(JSON.stringify(stored.map((m) => m.body))).not.toMatch(UNCLEAN);
    expect(logged.join("")).not.toContain("unhandled error");
  });

  it("takes a reject reason, a closure reason and a follow-up name with NUL bytes and lone surrogates, cleaned", async () => {
    const booking = await makeRequest(store, t.config);
    const rejected = await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/reject`, { reason: "満席\u0000のため\uD800" });
    expect(rejected.status).toBe(200);
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.statusReason).toBe("満席のため\uFFFD");

    const closed = await call(t.app, token, "POST", "/api/staff/closures", { office: "nagasaki", date: "2026-12-01", reason: "台風\u0000\u202E休館" });
    expect(closed.status).toBe(201);
    expect((await store.db.select().from(closures))[0]!.reason).toBe("台風休館");

    const followUp = await call(t.app, token, "POST", "/api/staff/bookings", {
      office: "nagasaki",
      startsAt: "2026-12-07T11:00:00+09:00",
      name: "長崎\u0000 花子\uDC00",
      email: "hanako@example.jp",
      phone: "090-0000-0000",
      topic: "求人\u0007について",
    });
    expect(followUp.status).toBe(201);
    const created = (await followUp.json()).booking.id as string;
    const [made] = await store.db.select().from(bookings).where(eq(bookings.id, created));
    expect([made!.name, made!.topic]).toEqual(["長崎 花子\uFFFD", "求人について"]);

    // A reason of nothing but a NUL is an empty reason: a 400 naming the field, never a 500.
    const second = await makeRequest(store, t.config, { startsAt: new Date("2026-12-02T14:00:00+09:00") });
    const empty = await call(t.app, token, "POST", `/api/staff/bookings/${second.id}/reject`, { reason: "\u0000" });
    expect(empty.status).toBe(400);
    expect(await call(t.app, token, "GET", "/api/staff/bookings?status=requested%00")).toHaveProperty("status", 200);
    expect(await call(t.app, token, "GET", "/api/staff/conversations/%00")).toHaveProperty("status", 404);
    expect(logged.join("")).not.toContain("unhandled error");
  });

  it("cleans what staff type into the console's forms, and signs in with a NUL in the address without a 500", async () => {
    const s = await consoleSignIn(t.app, "ng@example.jp");
    const b = await makeRequest(store, t.config);
    const page = await (await s.get(`/staff/bookings/${b.id}`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const res = await s.post(`/staff/bookings/${b.id}/cancel`, { version, detail: "都合\u0000により\u202E\uD800" });
    expect(res.status).toBe(303);
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, b.id));
    expect(row!.statusReason).toBe("都合により\uFFFD");
    const signIn = await t.app.request("/api/staff/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "ng\u0000@example.jp", password: "x" }) });
    expect(signIn.status).toBe(401);
    expect(logged.join("")).not.toContain("unhandled error");
  });

  it("logs an unexpected error by its name, code and place, never with the query's personal data", async () => {
    const app = createApp(t.deps);
    app.get("/boom", () => {
      const cause = Object.assign(new Error('invalid input syntax for type json: "長崎 太郎"'), { code: "22P02" });
      throw Object.assign(new Error("Failed query: insert into messages ... params: 長崎 太郎,taro@example.jp"), { name: "DrizzleQueryError", cause });
    });
    const res = await app.request("/boom");
    expect(res.status).toBe(500);
    const line = JSON.parse(logged.find((l) => l.includes("unhandled error"))!);
    expect(line.err).toMatchObject({ name: "DrizzleQueryError", code: "22P02" });
    expect(JSON.stringify(line)).not.toMatch(/長崎|taro@example\.jp|Failed query/);
  });
});

describe("strange strings through the LINE webhook", () => {
  const { store, h } = useLineHarness(pglite);

  it("stores and answers a text with a NUL byte and a postback that decodes to one, cleaned", async () => {
    const user = lineUserId("strange");
    const sent = await h.send([
      textEvent(user, "予約\u0000したい\uD800", { timestamp: h.t.clock().getTime() }),
      postbackEvent(user, "c=menu%3Abook%00", undefined, { timestamp: h.t.clock().getTime() + 1 }),
    ]);
    expect(sent.status).toBe(200);
    const inbox = await store.db.select().from(webhookInbox);
    expect(inbox).toHaveLength(2);
    expect(JSON.stringify(inbox.map((r) => r.payload))).not.toMatch(UNCLEAN);
    expect(inbox.every((r) => r.processedAt !== null)).toBe(true);
    const stored = await store.db.select().from(messages);
    expect(JSON.stringify(stored.map((m) => m.body))).not.toMatch(UNCLEAN);
  });
});
