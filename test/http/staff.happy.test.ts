import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { conversationHistory } from "../../src/store/conversations.ts";
import { auditLog, bookings, conversations, counsellors, outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, loginAs, makeRequest, mondayTwoPm, PASSWORD, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the staff API on $name: what works", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  let staffId: string;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    staffId = (await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" })).id;
    token = await loginAs(t.app, "ng@example.jp");
  });

  const jobKeys = async () => (await store.db.select({ key: outbox.idempotencyKey }).from(outbox)).map((j) => j.key);

  it("logs in with email and password and answers a token and a strict HttpOnly cookie that both work", async () => {
    const res = await t.app.request("/api/staff/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "NG@example.jp ", password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(json.staff).toEqual({ id: staffId, role: "staff", officeId: "nagasaki" });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain(`staff_session=${json.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await t.app.request("/api/staff/me", { headers: { cookie: `staff_session=${json.token}` } });
    expect(await me.json()).toEqual({ staff: { id: staffId, role: "staff", officeId: "nagasaki" } });
  });

  it("lists its office's bookings with Tokyo times and filters them by status and date", async () => {
    const booking = await makeRequest(store, t.config);
    await makeRequest(store, t.config, { officeId: "young-nagasaki", startsAt: new Date("2026-11-30T15:00:00+09:00") });
    const res = await call(t.app, token, "GET", "/api/staff/bookings");
    expect(res.status).toBe(200);
    const { bookings: list } = await res.json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: booking.id,
      reference: booking.reference,
      office: { id: "nagasaki", name: "ハローワーク長崎" },
      status: "requested",
      startsAt: "2026-11-30T14:00:00.000+09:00",
      endsAt: "2026-11-30T14:30:00.000+09:00",
      when: "11月30日(月) 14:00～14:30",
      counsellor: { id: "nagasaki-1", name: "相談員A" },
      channel: "web",
      locale: "ja",
    });
    expect(list[0].person).toBeUndefined();
    const none = await (await call(t.app, token, "GET", "/api/staff/bookings?status=confirmed,cancelled&from=2026-11-30&to=2026-11-30")).json();
    expect(none.bookings).toEqual([]);
    const day = await (await call(t.app, token, "GET", "/api/staff/bookings?office=nagasaki&status=requested&from=2026-11-30&to=2026-11-30")).json();
    expect(day.bookings).toHaveLength(1);
  });

  it("shows one booking with the seeker's details and records that staff read them", async () => {
    const booking = await makeRequest(store, t.config);
    const res = await call(t.app, token, "GET", `/api/staff/bookings/${booking.id}`);
    expect(res.status).toBe(200);
    expect((await res.json()).booking.person).toMatchObject({ name: "長崎 太郎", email: "taro@example.jp", phone: "090-1234-5678", topic: "事務職の求人について" });
    const [audit] = await store.db.select().from(auditLog).where(and(eq(auditLog.entityId, booking.id), eq(auditLog.action, "read_personal_data")));
    expect(audit).toMatchObject({ actor: `staff:${staffId}`, entity: "booking" });
    expect(JSON.stringify(audit)).not.toContain("長崎 太郎");
  });

  it("confirms a request with a meeting URL, audits it, and queues the seeker's invitation", async () => {
    const booking = await makeRequest(store, t.config);
    const res = await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc", accessCode: "123 456", counsellorId: "nagasaki-2" });
    expect(res.status).toBe(200);
    expect((await res.json()).booking).toMatchObject({ status: "confirmed", meetingUrl: "https://meet.example.jp/r/abc", accessCode: "123 456", counsellor: { id: "nagasaki-2" } });
    expect(await jobKeys()).toContain(`seeker:invitation:${booking.id}`);
    const [audit] = await store.db.select().from(auditLog).where(and(eq(auditLog.entityId, booking.id), eq(auditLog.action, "confirm")));
    expect(audit).toMatchObject({ actor: `staff:${staffId}`, before: { status: "requested" }, after: { status: "confirmed", counsellorId: "nagasaki-2" } });
  });

  it("rejects a request with a reason and queues the seeker's notice", async () => {
    const booking = await makeRequest(store, t.config);
    const res = await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/reject`, { reason: "担当者の都合がつきません" });
    expect(res.status).toBe(200);
    expect((await res.json()).booking).toMatchObject({ status: "rejected", statusReason: "担当者の都合がつきません" });
    expect(await jobKeys()).toContain(`seeker:rejected:${booking.id}`);
  });

  it("cancels a confirmed session and frees the slot", async () => {
    const booking = await makeRequest(store, t.config);
    await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/abc" });
    const res = await call(t.app, token, "POST", `/api/staff/bookings/${booking.id}/cancel`, { reason: "臨時休業のため" });
    expect(res.status).toBe(200);
    expect((await res.json()).booking.status).toBe("cancelled");
    expect(await jobKeys()).toContain(`seeker:cancelled_by_staff:${booking.id}`);
    await makeRequest(store, t.config, { startsAt: mondayTwoPm });
  });

  it("records attendance after the start, and a no-show from 10 minutes after it, telling staff and the seeker", async () => {
    const a = await makeRequest(store, t.config);
    const b = await makeRequest(store, t.config);
    for (const id of [a.id, b.id]) await call(t.app, token, "POST", `/api/staff/bookings/${id}/confirm`, { meetingUrl: "https://meet.example.jp/r/x" });
    t.clock.set(new Date("2026-11-30T14:10:00+09:00"));
    // A session lasts 12 hours: log in again on the day.
    token = await loginAs(t.app, "ng@example.jp");
    const attended = await call(t.app, token, "POST", `/api/staff/bookings/${a.id}/attended`);
    expect((await attended.json()).booking.status).toBe("attended");
    const missed = await call(t.app, token, "POST", `/api/staff/bookings/${b.id}/no-show`);
    expect((await missed.json()).booking.status).toBe("no_show");
    expect(await jobKeys()).toEqual(expect.arrayContaining([`staff:no_show:${b.id}`, `seeker:no_show:${b.id}`]));
  });

  it("books a follow-up agreed in a session, for the same seeker and chat, confirmed with its URL", async () => {
    const first = await makeRequest(store, t.config);
    await call(t.app, token, "POST", `/api/staff/bookings/${first.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/1" });
    t.clock.set(new Date("2026-11-30T14:15:00+09:00"));
    token = await loginAs(t.app, "ng@example.jp");
    const res = await call(t.app, token, "POST", "/api/staff/bookings", {
      office: "nagasaki",
      startsAt: "2026-12-07T10:00:00+09:00",
      fromBookingId: first.id,
      meetingUrl: "https://meet.example.jp/r/2",
    });
    expect(res.status).toBe(201);
    const { booking } = await res.json();
    expect(booking).toMatchObject({ status: "confirmed", startsAt: "2026-12-07T10:00:00.000+09:00", conversationId: first.conversationId, channel: "web" });
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row).toMatchObject({ name: "長崎 太郎", email: "taro@example.jp", seekerNumber: first.seekerNumber });
    expect(await jobKeys()).toContain(`seeker:invitation:${booking.id}`);
  });

  it("lists chats waiting for a person, writes into one, and hands it back to the bot", async () => {
    const booking = await makeRequest(store, t.config, { mode: "handoff" });
    const conversationId = booking.conversationId!;
    const list = await (await call(t.app, token, "GET", "/api/staff/conversations?state=handoff")).json();
    expect(list.conversations.map((c: { id: string }) => c.id)).toEqual([conversationId]);

    const sent = await call(t.app, token, "POST", `/api/staff/conversations/${conversationId}/messages`, { text: "担当の山本です。ご用件をどうぞ。" });
    expect(sent.status).toBe(201);
    const history = await conversationHistory(store.db, conversationId);
    expect(history.at(-1)).toMatchObject({ author: "staff", message: { text: "担当の山本です。ご用件をどうぞ。" } });

    const shown = await (await call(t.app, token, "GET", `/api/staff/conversations/${conversationId}`)).json();
    expect(shown.messages.at(-1).author).toBe("staff");

    const released = await call(t.app, token, "POST", `/api/staff/conversations/${conversationId}/release`);
    expect(released.status).toBe(200);
    const [row] = await store.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(row!.mode).toBe("bot");
    expect((await jobKeys()).some((k) => k.startsWith(`release:${conversationId}`))).toBe(true);
  });

  it("lets a counsellor mark themself available now, and stop", async () => {
    const res = await call(t.app, token, "PUT", "/api/staff/availability", { counsellorId: "nagasaki-1", minutes: 60 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ counsellorId: "nagasaki-1", office: "nagasaki", availableNowUntil: "2026-11-24T11:00:00.000+09:00" });
    const [row] = await store.db.select().from(counsellors).where(eq(counsellors.id, "nagasaki-1"));
    expect(row!.availableNowUntil).toEqual(new Date("2026-11-24T11:00:00+09:00"));
    await call(t.app, token, "PUT", "/api/staff/availability", { counsellorId: "nagasaki-1", minutes: 0 });
    const [after] = await store.db.select().from(counsellors).where(eq(counsellors.id, "nagasaki-1"));
    expect(after!.availableNowUntil).toBeNull();
  });

  it("lets an admin see and act on every office", async () => {
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    const admin = await loginAs(t.app, "admin@example.jp");
    const young = await makeRequest(store, t.config, { officeId: "young-nagasaki" });
    await makeRequest(store, t.config);
    expect((await (await call(t.app, admin, "GET", "/api/staff/bookings")).json()).bookings).toHaveLength(2);
    const res = await call(t.app, admin, "POST", `/api/staff/bookings/${young.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/y" });
    expect(res.status).toBe(200);
  });
});
