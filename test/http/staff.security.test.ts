import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, bookings, staffSessions, staffUsers } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, loginAs, makeRequest, PASSWORD, tuesdayTen } from "../helpers/staff.ts";
import { startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const pglite = storeKinds[0]!;

describe("the staff API: what someone without the right gets", () => {
  const store = useStore(pglite);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let nagasaki: string;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "yn@example.jp", officeId: "young-nagasaki" });
    nagasaki = await loginAs(t.app, "ng@example.jp");
  });

  const login = (email: string, password: string) =>
    t.app.request("/api/staff/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });

  it("answers every staff route without a session with 401 JSON", async () => {
    const booking = await makeRequest(store, t.config);
    const routes: [string, string][] = [
      ["GET", "/api/staff/me"],
      ["GET", "/api/staff/bookings"],
      ["GET", `/api/staff/bookings/${booking.id}`],
      ["POST", `/api/staff/bookings/${booking.id}/confirm`],
      ["POST", `/api/staff/bookings/${booking.id}/reject`],
      ["POST", `/api/staff/bookings/${booking.id}/cancel`],
      ["POST", `/api/staff/bookings/${booking.id}/attended`],
      ["POST", `/api/staff/bookings/${booking.id}/no-show`],
      ["POST", "/api/staff/bookings"],
      ["GET", "/api/staff/conversations"],
      ["POST", `/api/staff/conversations/${booking.conversationId}/messages`],
      ["POST", `/api/staff/conversations/${booking.conversationId}/release`],
      ["PUT", "/api/staff/availability"],
    ];
    for (const [method, path] of routes) {
      for (const token of [undefined, "not-a-real-token-at-all-xxxxxxxx"]) {
        const res = await call(t.app, token, method, path, method === "GET" ? undefined : { meetingUrl: "https://m.example.jp/x" });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect((await res.json()).error.code).toBe("unauthorized");
      }
    }
    expect((await t.app.request("/api/staff/bookings", { headers: { authorization: "Basic bmc6cGFzcw==" } })).status).toBe(401);
  });

  it("ends a session after 12 hours and at logout", async () => {
    t.clock.advance(12 * 3_600_000);
    expect((await call(t.app, nagasaki, "GET", "/api/staff/me")).status).toBe(401);
    const fresh = await loginAs(t.app, "ng@example.jp");
    expect((await call(t.app, fresh, "POST", "/api/staff/logout")).status).toBe(200);
    expect((await call(t.app, fresh, "GET", "/api/staff/me")).status).toBe(401);
  });

  it("keeps another office's booking from staff: reading, confirming and listing are 403, and nothing changes", async () => {
    const young = await makeRequest(store, t.config, { officeId: "young-nagasaki" });
    expect((await call(t.app, nagasaki, "GET", `/api/staff/bookings/${young.id}`)).status).toBe(403);
    const confirm = await call(t.app, nagasaki, "POST", `/api/staff/bookings/${young.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc" });
    expect(confirm.status).toBe(403);
    expect((await confirm.json()).error.code).toBe("forbidden");
    for (const action of ["reject", "cancel"]) {
      expect((await call(t.app, nagasaki, "POST", `/api/staff/bookings/${young.id}/${action}`, { reason: "x" })).status).toBe(403);
    }
    expect((await call(t.app, nagasaki, "GET", "/api/staff/bookings?office=young-nagasaki")).status).toBe(403);
    expect((await (await call(t.app, nagasaki, "GET", "/api/staff/bookings")).json()).bookings).toEqual([]);
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, young.id));
    expect(row!.status).toBe("requested");
    const reads = await store.db.select().from(auditLog).where(eq(auditLog.action, "read_personal_data"));
    expect(reads).toEqual([]);
  });

  it("keeps another office's chats, counsellors and follow-ups from staff", async () => {
    const young = await makeRequest(store, t.config, { officeId: "young-nagasaki", mode: "handoff" });
    expect((await (await call(t.app, nagasaki, "GET", "/api/staff/conversations")).json()).conversations).toEqual([]);
    expect((await call(t.app, nagasaki, "GET", `/api/staff/conversations/${young.conversationId}`)).status).toBe(403);
    expect((await call(t.app, nagasaki, "POST", `/api/staff/conversations/${young.conversationId}/messages`, { text: "こんにちは" })).status).toBe(403);
    expect((await call(t.app, nagasaki, "PUT", "/api/staff/availability", { counsellorId: "young-1", minutes: 30 })).status).toBe(403);
    const followUp = await call(t.app, nagasaki, "POST", "/api/staff/bookings", { office: "young-nagasaki", startsAt: "2026-12-07T11:00:00+09:00", fromBookingId: young.id });
    expect(followUp.status).toBe(403);
  });

  it("keeps a chat that has not chosen an office from office staff, and files a chat under the office it chose", async () => {
    const anonymous = await startChat(t.app);
    await anonymous.say("長崎 太郎です、こんにちは");
    const seen = await call(t.app, nagasaki, "GET", `/api/staff/conversations/${anonymous.sessionId}`);
    expect(seen.status).toBe(403);
    const listed = await call(t.app, nagasaki, "GET", "/api/staff/conversations?state=bot");
    expect(JSON.stringify(await listed.json())).not.toContain(anonymous.sessionId);

    await anonymous.choose("menu:book");
    await anonymous.choose("office:nagasaki");
    expect((await call(t.app, nagasaki, "GET", `/api/staff/conversations/${anonymous.sessionId}`)).status).toBe(200);
  });

  it("throttles a wrong password after five tries with 429 and Retry-After, even for the right one, for 15 minutes", async () => {
    for (let i = 0; i < 5; i++) expect((await login("yn@example.jp", `wrong-${i}`)).status).toBe(401);
    const locked = await login("yn@example.jp", PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("900");
    expect((await locked.json()).error.code).toBe("too_many_attempts");
    t.clock.advance(15 * 60_000);
    expect((await login("yn@example.jp", PASSWORD)).status).toBe(200);
  });

  it("answers an unknown address exactly like a wrong password, throttling included", async () => {
    const wrong = await login("yn@example.jp", "wrong");
    const unknown = await login("nobody@example.jp", "wrong");
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 0; i < 4; i++) await login("nobody@example.jp", "wrong");
    expect((await login("nobody@example.jp", "wrong")).status).toBe(429);
  });

  it("takes about as long for an unknown address as for a known one", async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await login(email, "wrong");
      return performance.now() - start;
    };
    await time("nobody-warmup@example.jp");
    const known = await time("ng@example.jp");
    const unknown = await time("nobody-else@example.jp");
    expect(unknown).toBeGreaterThan(known / 3);
  });

  it("stores passwords as scrypt hashes and sessions as token hashes, never the secrets", async () => {
    const [user] = await store.db.select().from(staffUsers).where(eq(staffUsers.email, "ng@example.jp"));
    expect(user!.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);
    const sessions = await store.db.select().from(staffSessions);
    expect(sessions.map((s) => s.tokenHash)).not.toContain(nagasaki);
    expect(sessions[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes every staff action to the audit log with who did it, and no personal data", async () => {
    const booking = await makeRequest(store, t.config);
    await call(t.app, nagasaki, "GET", `/api/staff/bookings/${booking.id}`);
    await call(t.app, nagasaki, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc" });
    await call(t.app, nagasaki, "POST", `/api/staff/bookings/${booking.id}/cancel`, { reason: "都合により" });
    const rows = await store.db.select().from(auditLog).where(eq(auditLog.entityId, booking.id));
    const staffRows = rows.filter((r) => r.actor.startsWith("staff:"));
    expect(staffRows.map((r) => r.action)).toEqual(["read_personal_data", "confirm", "staff_cancel"]);
    expect(JSON.stringify(rows)).not.toMatch(/長崎 太郎|taro@example\.jp|090-1234-5678/);
  });
});
