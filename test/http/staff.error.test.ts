import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, loginAs, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const pglite = storeKinds[0]!;

describe("the staff API: what a wrong request gets", () => {
  const store = useStore(pglite);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    token = await loginAs(t.app, "ng@example.jp");
  });

  const errorOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });

  it("answers a body that is not JSON with 400 invalid_json", async () => {
    const booking = await makeRequest(store, t.config);
    expect(await errorOf(await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, "{not json"))).toEqual({ status: 400, code: "invalid_json" });
  });

  it("refuses a confirmation without a meeting URL, with a plain http one, or with unknown fields", async () => {
    const booking = await makeRequest(store, t.config);
    const path = `/api/staff/bookings/${booking.id}/confirm`;
    for (const body of [{}, { meetingUrl: "http://meet.example.jp/r/abc" }, { meetingUrl: "javascript:alert(1)" }, { meetingUrl: "https://meet.example.jp/r/abc", extra: 1 }]) {
      const res = await call(t.app, token, "POST", path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const json = await res.json();
      expect(json.error.code).toBe("invalid_request");
      expect(json.error.message).toMatch(/\S/);
    }
  });

  it("refuses a counsellor from another office", async () => {
    const booking = await makeRequest(store, t.config);
    const res = await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc", counsellorId: "young-1" });
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_request" });
  });

  it("refuses a rejection or a cancellation without a reason", async () => {
    const booking = await makeRequest(store, t.config);
    expect((await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/reject`, {})).status).toBe(400);
    expect((await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/cancel`, { reason: "  " })).status).toBe(400);
  });

  it("answers an unknown or malformed booking id with 404", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1'; drop table bookings; --"]) {
      expect(await errorOf(await call(t.app, token, "GET", `/api/staff/bookings/${encodeURIComponent(id)}`))).toEqual({ status: 404, code: "not_found" });
      expect((await call(t.app, token, "POST", `/api/staff/bookings/${encodeURIComponent(id)}/confirm`, { meetingUrl: "https://m.example.jp/x" })).status).toBe(404);
    }
  });

  it("answers an action that does not fit the booking's state with 409 invalid_state", async () => {
    const booking = await makeRequest(store, t.config);
    await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/cancel`, { reason: "重複" });
    expect(await errorOf(await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc" }))).toEqual({ status: 409, code: "invalid_state" });
    expect(await errorOf(await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/reject`, { reason: "x" }))).toEqual({ status: 409, code: "invalid_state" });
    expect(await errorOf(await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/attended`))).toEqual({ status: 409, code: "invalid_state" });
  });

  it("refuses a no-show before 10 minutes after the start", async () => {
    const booking = await makeRequest(store, t.config);
    await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc" });
    t.clock.set(new Date("2026-11-30T14:09:00+09:00"));
    const fresh = await loginAs(t.app, "ng@example.jp");
    expect(await errorOf(await call(t.app, fresh, "POST", `/api/staff/bookings/${booking.id}/no-show`))).toEqual({ status: 409, code: "invalid_state" });
  });

  it("refuses a confirmation with a counsellor who already has a session then", async () => {
    const a = await makeRequest(store, t.config);
    const b = await makeRequest(store, t.config);
    expect(b.counsellorId).toBe("nagasaki-2");
    const res = await call(t.app, token, "POST", `/api/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc", counsellorId: a.counsellorId });
    expect(await errorOf(res)).toEqual({ status: 409, code: "slot_taken" });
  });

  it("answers wrong list filters with 400", async () => {
    for (const q of ["status=lost", "from=30-11-2026", "office=tokyo", "limit=0", "unknown=1"]) {
      expect((await call(t.app, token, "GET", `/api/staff/bookings?${q}`)).status, q).toBe(400);
    }
    expect((await call(t.app, token, "GET", "/api/staff/conversations?state=open")).status).toBe(400);
  });

  it("refuses a follow-up on a closed day with the reason and other times", async () => {
    const res = await call(t.app, token, "POST", "/api/staff/bookings", {
      office: "nagasaki",
      startsAt: "2026-12-05T10:00:00+09:00",
      name: "長崎 花子",
      email: "hanako@example.jp",
      phone: "090-0000-1111",
      topic: "面接の練習",
    });
    expect(res.status).toBe(409);
    const json = await res.json();
    expect(json.error.code).toMatch(/closed|weekend/);
    expect(json.alternatives.length).toBeGreaterThan(0);
  });

  it("refuses a follow-up without the seeker's details or a session to copy them from", async () => {
    const res = await call(t.app, token, "POST", "/api/staff/bookings", { office: "nagasaki", startsAt: "2026-12-07T10:00:00+09:00" });
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_request" });
  });

  it("refuses to hand back a conversation that is not with staff, and a message without text", async () => {
    const booking = await makeRequest(store, t.config);
    expect(await errorOf(await call(t.app, token, "POST", `/api/staff/conversations/${booking.conversationId}/release`))).toEqual({ status: 409, code: "invalid_state" });
    expect((await call(t.app, token, "POST", `/api/staff/conversations/${booking.conversationId}/messages`, { text: "" })).status).toBe(400);
    expect((await call(t.app, token, "GET", "/api/staff/conversations/nope")).status).toBe(404);
  });

  it("refuses availability for an unknown counsellor or a wrong duration", async () => {
    expect((await call(t.app, token, "PUT", "/api/staff/availability", { counsellorId: "nobody", minutes: 30 })).status).toBe(404);
    expect((await call(t.app, token, "PUT", "/api/staff/availability", { counsellorId: "nagasaki-1", minutes: -5 })).status).toBe(400);
  });

  it("answers a login without a password with 400", async () => {
    const res = await t.app.request("/api/staff/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "ng@example.jp" }) });
    expect(await errorOf(res)).toEqual({ status: 400, code: "invalid_request" });
  });
});
