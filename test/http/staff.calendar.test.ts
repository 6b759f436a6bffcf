import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sweep } from "../../src/store/bookings.ts";
import { absences, auditLog, bookings, closures, outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { addStaff, call, loginAs, makeRequest, mondayTwoPm, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, type TestStore } from "../helpers/stores.ts";

const pglite = storeKinds[0]!;
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };
const followUp = { name: "長崎 太郎", email: "taro@example.jp", phone: "090-1234-5678", topic: "事務職の求人について" };

type Setup = { store: TestStore; t: Awaited<ReturnType<typeof buildTestApp>> };

/** A fresh store and app per test, with staff of Nagasaki and Young Nagasaki and an admin. */
function useCalendarApp(kind: (typeof storeKinds)[number]) {
  const s = {} as Setup & { ids: Record<"ng" | "yn" | "admin", string> };
  beforeAll(async () => {
    s.store = await kind.open();
  });
  afterAll(async () => {
    await s.store?.close();
  });
  beforeEach(async () => {
    await s.store.reset();
    s.t = await buildTestApp(s.store, { now: tuesdayTen, deps: { chatRateLimits: loose } });
    s.ids = {
      ng: (await addStaff(s.store, { email: "ng@example.jp", officeId: "nagasaki" })).id,
      yn: (await addStaff(s.store, { email: "yn@example.jp", officeId: "young-nagasaki" })).id,
      admin: (await addStaff(s.store, { email: "admin@example.jp", officeId: null, role: "admin" })).id,
    };
  });
  return s;
}

describe.each(storeKinds)("the staff calendar API on $name: what works", (kind) => {
  const s = useCalendarApp(kind);
  let token: string;
  beforeEach(async () => {
    token = await loginAs(s.t.app, "ng@example.jp");
  });

  const auditOf = (entityId: string, action: string) =>
    s.store.db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

  it("adds a typhoon closure that the chat refuses at once, naming the reason", async () => {
    const res = await call(s.t.app, token, "POST", "/api/staff/closures", { date: "2026-12-02", reason: "台風接近のため", office: "nagasaki" });
    expect(res.status).toBe(201);
    const { closure, affected } = await res.json();
    expect(closure).toMatchObject({ office: "nagasaki", date: "2026-12-02", reason: "台風接近のため" });
    expect(affected).toEqual([]);

    const chat = await startChat(s.t.app);
    await chat.choose("menu:book");
    await chat.tap("ハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎です");
    await chat.say("42010-1234567");
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await chat.tap("指名しない");
    expect(chat.text).toContain("ご希望の日時");
    await chat.say("12月2日の10時");
    expect(chat.text).toContain("臨時休業です（台風接近のため）");
    expect(await s.store.db.select().from(bookings)).toEqual([]);

    const [audit] = await auditOf(closure.id, "add_closure");
    expect(audit).toMatchObject({ actor: `staff:${s.ids.ng}`, entity: "closure", before: null, after: { officeId: "nagasaki", date: "2026-12-02", reason: "台風接近のため" } });
  });

  it("keeps the bookings already on a closed day and lists them so staff can contact the seekers", async () => {
    const booking = await makeRequest(s.store, s.t.config);
    const res = await call(s.t.app, token, "POST", "/api/staff/closures", { date: "2026-11-30", reason: "停電", office: "nagasaki" });
    expect(res.status).toBe(201);
    const { affected } = await res.json();
    expect(affected).toEqual([expect.objectContaining({ id: booking.id, reference: booking.reference, status: "requested", startsAt: "2026-11-30T14:00:00.000+09:00" })]);
    const [row] = await s.store.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.status).toBe("requested");
  });

  it("previews the bookings a closure would affect, then with tellSeekers cancels them and queues each seeker's notice", async () => {
    const booking = await makeRequest(s.store, s.t.config);
    const preview = await call(s.t.app, token, "GET", "/api/staff/closures/affected?date=2026-11-30&office=nagasaki");
    expect(preview.status).toBe(200);
    expect((await preview.json()).affected).toEqual([expect.objectContaining({ id: booking.id, status: "requested" })]);
    expect(await s.store.db.select().from(closures)).toEqual([]);

    const res = await call(s.t.app, token, "POST", "/api/staff/closures", { date: "2026-11-30", reason: "台風接近のため", office: "nagasaki", tellSeekers: true });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ told: 1, affected: [{ id: booking.id }] });
    const [row] = await s.store.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row).toMatchObject({ status: "cancelled", statusReason: "台風接近のため" });
    const jobs = await s.store.db.select().from(outbox).where(eq(outbox.idempotencyKey, `seeker:closure:${booking.id}`));
    expect(jobs).toHaveLength(1);
    expect((await auditOf(booking.id, "closure_cancel"))[0]).toMatchObject({ actor: `staff:${s.ids.ng}`, before: { status: "requested" }, after: { status: "cancelled" } });
  });

  it("lists the office's closures and the all-office ones, and removes one with an audit row", async () => {
    const admin = await loginAs(s.t.app, "admin@example.jp");
    const everywhere = await (await call(s.t.app, admin, "POST", "/api/staff/closures", { date: "2026-12-03", reason: "台風" })).json();
    expect(everywhere.closure.office).toBeNull();
    await call(s.t.app, admin, "POST", "/api/staff/closures", { date: "2026-12-04", reason: "研修", office: "young-nagasaki" });
    const own = await (await call(s.t.app, token, "POST", "/api/staff/closures", { date: "2026-12-07", reason: "設備点検", office: "nagasaki" })).json();

    const list = await (await call(s.t.app, token, "GET", "/api/staff/closures?from=2026-12-01&to=2026-12-31")).json();
    expect(list.closures.map((c: { date: string }) => c.date)).toEqual(["2026-12-03", "2026-12-07"]);
    const narrow = await (await call(s.t.app, token, "GET", "/api/staff/closures?from=2026-12-05")).json();
    expect(narrow.closures.map((c: { id: string }) => c.id)).toEqual([own.closure.id]);
    const all = await (await call(s.t.app, admin, "GET", "/api/staff/closures")).json();
    expect(all.closures).toHaveLength(3);

    expect((await call(s.t.app, token, "DELETE", `/api/staff/closures/${own.closure.id}`)).status).toBe(204);
    expect(await s.store.db.select().from(closures).where(eq(closures.id, own.closure.id))).toEqual([]);
    const [audit] = await auditOf(own.closure.id, "remove_closure");
    expect(audit).toMatchObject({ actor: `staff:${s.ids.ng}`, before: { date: "2026-12-07", reason: "設備点検" }, after: null });
  });

  it("makes an absent counsellor's slot unavailable until the absence is removed", async () => {
    const res = await call(s.t.app, token, "POST", "/api/staff/absences", { counsellorId: "nagasaki-2", date: "2026-11-30", from: "13:00", to: "15:00" });
    expect(res.status).toBe(201);
    const { absence, affected } = await res.json();
    expect(absence).toMatchObject({ counsellor: { id: "nagasaki-2", name: "相談員B" }, office: "nagasaki", date: "2026-11-30", from: "13:00", to: "15:00" });
    expect(affected).toEqual([]);
    const [audit] = await auditOf(absence.id, "add_absence");
    expect(audit).toMatchObject({ actor: `staff:${s.ids.ng}`, before: null, after: { counsellorId: "nagasaki-2", fromTime: "13:00", toTime: "15:00" } });

    const named = { ...followUp, office: "nagasaki", startsAt: "2026-11-30T14:00:00+09:00", counsellorId: "nagasaki-2" };
    const refused = await call(s.t.app, token, "POST", "/api/staff/bookings", named);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("counsellor_unavailable");
    // Capacity drops from two to one: after one booking the slot is full.
    await makeRequest(s.store, s.t.config, { startsAt: mondayTwoPm });
    await expect(makeRequest(s.store, s.t.config, { startsAt: mondayTwoPm })).rejects.toThrow(/full/);

    const list = await (await call(s.t.app, token, "GET", "/api/staff/absences?from=2026-11-30&to=2026-11-30")).json();
    expect(list.absences.map((a: { id: string }) => a.id)).toEqual([absence.id]);
    expect((await call(s.t.app, token, "DELETE", `/api/staff/absences/${absence.id}`)).status).toBe(204);
    expect(await s.store.db.select().from(absences)).toEqual([]);
    expect((await auditOf(absence.id, "remove_absence"))[0]).toMatchObject({ before: { counsellorId: "nagasaki-2" }, after: null });
    expect((await call(s.t.app, token, "POST", "/api/staff/bookings", named)).status).toBe(201);
  });

  it("lists the bookings an absence overlaps without cancelling them", async () => {
    const booking = await makeRequest(s.store, s.t.config, { startsAt: mondayTwoPm });
    const res = await call(s.t.app, token, "POST", "/api/staff/absences", { counsellorId: booking.counsellorId, date: "2026-11-30" });
    expect(res.status).toBe(201);
    expect((await res.json()).affected).toEqual([expect.objectContaining({ id: booking.id, reference: booking.reference })]);
  });

  it("lifts a no-show suspension when an admin clears the record", async () => {
    const admin = await loginAs(s.t.app, "admin@example.jp");
    const seekerNumber = "42010-7654321";
    // One active booking per office: two offices give two sessions the seeker then misses.
    for (const officeId of ["nagasaki", "young-nagasaki"]) {
      const b = await makeRequest(s.store, s.t.config, { officeId, seekerNumber, startsAt: mondayTwoPm });
      expect((await call(s.t.app, admin, "POST", `/api/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/r/x" })).status).toBe(200);
    }
    s.t.clock.set(new Date("2026-11-30T14:15:00+09:00"));
    expect((await sweep(s.store.db, s.t.clock())).noShows).toBe(2);
    token = await loginAs(s.t.app, "ng@example.jp");
    const adminNow = await loginAs(s.t.app, "admin@example.jp");

    // Written without the hyphen: the number is normalised.
    const standing = await call(s.t.app, token, "GET", "/api/staff/seekers/420107654321/standing");
    expect(standing.status).toBe(200);
    // Nagasaki's staff see Nagasaki's no-show; the suspension counts both offices'.
    expect(await standing.json()).toEqual({ noShows: 1, suspended: true, activeBookingId: null });
    const [read] = await auditOf(seekerNumber, "read_personal_data");
    expect(read).toMatchObject({ actor: `staff:${s.ids.ng}`, entity: "seeker" });
    const again = { ...followUp, office: "nagasaki", startsAt: "2026-12-07T10:00:00+09:00", seekerNumber };
    expect((await (await call(s.t.app, token, "POST", "/api/staff/bookings", again)).json()).error.code).toBe("seeker_suspended");

    expect(await (await call(s.t.app, adminNow, "GET", `/api/staff/seekers/${seekerNumber}/standing?office=nagasaki`)).json()).toEqual({ noShows: 2, suspended: true, activeBookingId: null });

    s.t.clock.advance(60_000);
    expect((await call(s.t.app, adminNow, "POST", `/api/staff/seekers/${seekerNumber}/clear-no-shows`)).status).toBe(204);
    expect(await (await call(s.t.app, token, "GET", `/api/staff/seekers/${seekerNumber}/standing`)).json()).toEqual({ noShows: 0, suspended: false, activeBookingId: null });
    const [cleared] = await auditOf(seekerNumber, "clear_no_shows");
    expect(cleared).toMatchObject({ actor: `staff:${s.ids.admin}`, entity: "seeker" });
    const booked = await call(s.t.app, token, "POST", "/api/staff/bookings", again);
    expect(booked.status).toBe(201);
    const { booking } = await booked.json();
    expect(await (await call(s.t.app, token, "GET", `/api/staff/seekers/${seekerNumber}/standing`)).json()).toEqual({ noShows: 0, suspended: false, activeBookingId: booking.id });
  });
});

describe("the staff calendar API: what a wrong request gets", () => {
  const s = useCalendarApp(pglite);
  let token: string;
  beforeEach(async () => {
    token = await loginAs(s.t.app, "ng@example.jp");
  });

  const errorOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });

  it("refuses closures of the wrong shape, on dates that do not exist, or in the past", async () => {
    const bodies = [
      {},
      { date: "2026-02-30", reason: "台風", office: "nagasaki" },
      { date: "2026-12-2", reason: "台風", office: "nagasaki" },
      { date: "2026-12-02", reason: " ", office: "nagasaki" },
      { date: "2026-12-02", reason: "あ".repeat(101), office: "nagasaki" },
      { date: "2026-12-02", reason: "台風", office: "sasebo" },
      { date: "2026-12-02", reason: "台風", office: "nagasaki", cancel: true },
      { date: "2026-11-20", reason: "台風", office: "nagasaki" },
    ];
    for (const body of bodies) {
      const res = await call(s.t.app, token, "POST", "/api/staff/closures", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const json = await res.json();
      expect(json.error.code).toBe("invalid_request");
      expect(json.error.message).toMatch(/\S/);
    }
    expect(await errorOf(await call(s.t.app, token, "POST", "/api/staff/closures", "{not json"))).toEqual({ status: 400, code: "invalid_json" });
    expect(await s.store.db.select().from(closures)).toEqual([]);
  });

  it("refuses a preview without a real date, or of a day in the past", async () => {
    for (const query of ["", "?date=2026-02-30", "?date=2026-11-20&office=nagasaki", "?date=2026-12-01&office=atlantis"]) {
      expect((await errorOf(await call(s.t.app, token, "GET", `/api/staff/closures/affected${query}`))).status).toBe(400);
    }
    expect((await errorOf(await call(s.t.app, token, "POST", "/api/staff/closures", { date: "2026-12-01", reason: "x", office: "nagasaki", tellSeekers: "yes" }))).status).toBe(400);
  });

  it("answers a second closure of the same office and day with 409", async () => {
    const body = { date: "2026-12-02", reason: "台風", office: "nagasaki" };
    expect((await call(s.t.app, token, "POST", "/api/staff/closures", body)).status).toBe(201);
    expect(await errorOf(await call(s.t.app, token, "POST", "/api/staff/closures", body))).toEqual({ status: 409, code: "already_closed" });
  });

  it("refuses absences of the wrong shape, with from not before to, or of an unknown counsellor", async () => {
    const bodies = [
      { counsellorId: "nagasaki-1" },
      { counsellorId: "nagasaki-1", date: "2026-02-29" },
      { counsellorId: "nagasaki-1", date: "2026-12-02", from: "15:00", to: "13:00" },
      { counsellorId: "nagasaki-1", date: "2026-12-02", from: "13:00", to: "13:00" },
      { counsellorId: "nagasaki-1", date: "2026-12-02", from: "25:00" },
      { counsellorId: "nagasaki-1", date: "2026-12-02", from: "1pm" },
      { counsellorId: "nobody", date: "2026-12-02" },
    ];
    for (const body of bodies) {
      expect(await errorOf(await call(s.t.app, token, "POST", "/api/staff/absences", body)), JSON.stringify(body)).toEqual({ status: 400, code: "invalid_request" });
    }
  });

  it("answers unknown and malformed ids with 404", async () => {
    for (const path of ["/api/staff/closures/not-a-uuid", `/api/staff/closures/${crypto.randomUUID()}`, "/api/staff/absences/1", `/api/staff/absences/${crypto.randomUUID()}`]) {
      expect(await errorOf(await call(s.t.app, token, "DELETE", path)), path).toEqual({ status: 404, code: "not_found" });
    }
  });

  it("refuses wrong filters and invalid seeker numbers", async () => {
    for (const path of ["/api/staff/closures?from=2026-13-01", "/api/staff/closures?from=2026-12-10&to=2026-12-01", "/api/staff/absences?limit=1", "/api/staff/seekers/12345/standing", "/api/staff/seekers/090-1234-5678/standing"]) {
      expect(await errorOf(await call(s.t.app, token, "GET", path)), path).toEqual({ status: 400, code: "invalid_request" });
    }
    const admin = await loginAs(s.t.app, "admin@example.jp");
    expect(await errorOf(await call(s.t.app, admin, "POST", "/api/staff/seekers/abc/clear-no-shows"))).toEqual({ status: 400, code: "invalid_request" });
  });

  it("asks an admin which office a standing is about", async () => {
    const admin = await loginAs(s.t.app, "admin@example.jp");
    expect(await errorOf(await call(s.t.app, admin, "GET", "/api/staff/seekers/42010-1234567/standing"))).toEqual({ status: 400, code: "invalid_request" });
    expect((await call(s.t.app, admin, "GET", "/api/staff/seekers/42010-1234567/standing?office=tsukimachi")).status).toBe(200);
  });
});

describe("the staff calendar API: what someone without the right gets", () => {
  const s = useCalendarApp(pglite);
  let nagasaki: string;
  let young: string;
  beforeEach(async () => {
    nagasaki = await loginAs(s.t.app, "ng@example.jp");
    young = await loginAs(s.t.app, "yn@example.jp");
  });

  const errorOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });

  it("answers every calendar route without a session with 401", async () => {
    const id = crypto.randomUUID();
    const routes: [string, string][] = [
      ["GET", "/api/staff/closures"],
      ["POST", "/api/staff/closures"],
      ["DELETE", `/api/staff/closures/${id}`],
      ["GET", "/api/staff/absences"],
      ["POST", "/api/staff/absences"],
      ["DELETE", `/api/staff/absences/${id}`],
      ["POST", "/api/staff/seekers/42010-1234567/clear-no-shows"],
      ["GET", "/api/staff/seekers/42010-1234567/standing"],
    ];
    for (const [method, path] of routes) {
      for (const token of [undefined, "not-a-real-token-at-all-xxxxxxxx"]) {
        const res = await call(s.t.app, token, method, path, method === "POST" ? { date: "2026-12-02", reason: "台風" } : undefined);
        expect(await errorOf(res), `${method} ${path}`).toEqual({ status: 401, code: "unauthorized" });
      }
    }
    expect(await s.store.db.select().from(closures)).toEqual([]);
  });

  it("keeps staff to their own office's closures", async () => {
    expect(await errorOf(await call(s.t.app, nagasaki, "POST", "/api/staff/closures", { date: "2026-12-02", reason: "台風", office: "young-nagasaki" }))).toEqual({ status: 403, code: "forbidden" });
    // Closing every office is for an admin.
    expect(await errorOf(await call(s.t.app, nagasaki, "POST", "/api/staff/closures", { date: "2026-12-02", reason: "台風" }))).toEqual({ status: 403, code: "forbidden" });
    expect(await s.store.db.select().from(closures)).toEqual([]);

    const theirs = await (await call(s.t.app, young, "POST", "/api/staff/closures", { date: "2026-12-02", reason: "研修", office: "young-nagasaki" })).json();
    const admin = await loginAs(s.t.app, "admin@example.jp");
    const everywhere = await (await call(s.t.app, admin, "POST", "/api/staff/closures", { date: "2026-12-03", reason: "台風" })).json();
    expect(await errorOf(await call(s.t.app, nagasaki, "DELETE", `/api/staff/closures/${theirs.closure.id}`))).toEqual({ status: 403, code: "forbidden" });
    expect(await errorOf(await call(s.t.app, nagasaki, "DELETE", `/api/staff/closures/${everywhere.closure.id}`))).toEqual({ status: 403, code: "forbidden" });
    expect(await s.store.db.select().from(closures)).toHaveLength(2);

    const list = await (await call(s.t.app, nagasaki, "GET", "/api/staff/closures")).json();
    expect(list.closures.map((c: { id: string }) => c.id)).toEqual([everywhere.closure.id]);
    expect(await errorOf(await call(s.t.app, nagasaki, "GET", "/api/staff/closures?office=young-nagasaki"))).toEqual({ status: 403, code: "forbidden" });
    expect((await call(s.t.app, admin, "DELETE", `/api/staff/closures/${theirs.closure.id}`)).status).toBe(204);
  });

  it("keeps another office's bookings out of a closure preview, and the all-office preview to admins", async () => {
    const theirs = await makeRequest(s.store, s.t.config, { officeId: "young-nagasaki" });
    const other = await call(s.t.app, nagasaki, "GET", "/api/staff/closures/affected?date=2026-11-30&office=young-nagasaki");
    expect(await errorOf(other)).toEqual({ status: 403, code: "forbidden" });
    expect(await errorOf(await call(s.t.app, nagasaki, "GET", "/api/staff/closures/affected?date=2026-11-30"))).toEqual({ status: 403, code: "forbidden" });
    const admin = await loginAs(s.t.app, "admin@example.jp");
    const all = await (await call(s.t.app, admin, "GET", "/api/staff/closures/affected?date=2026-11-30")).json();
    expect(all.affected.map((b: { id: string }) => b.id)).toEqual([theirs.id]);
  });

  it("keeps staff to their own office's counsellors and seekers' standing", async () => {
    expect(await errorOf(await call(s.t.app, nagasaki, "POST", "/api/staff/absences", { counsellorId: "young-1", date: "2026-12-02" }))).toEqual({ status: 403, code: "forbidden" });
    const theirs = await (await call(s.t.app, young, "POST", "/api/staff/absences", { counsellorId: "young-1", date: "2026-12-02" })).json();
    expect(await errorOf(await call(s.t.app, nagasaki, "DELETE", `/api/staff/absences/${theirs.absence.id}`))).toEqual({ status: 403, code: "forbidden" });
    expect(await s.store.db.select().from(absences)).toHaveLength(1);
    expect((await (await call(s.t.app, nagasaki, "GET", "/api/staff/absences")).json()).absences).toEqual([]);
    expect(await errorOf(await call(s.t.app, nagasaki, "GET", "/api/staff/absences?office=young-nagasaki"))).toEqual({ status: 403, code: "forbidden" });
    expect(await errorOf(await call(s.t.app, nagasaki, "GET", "/api/staff/seekers/42010-1234567/standing?office=young-nagasaki"))).toEqual({ status: 403, code: "forbidden" });
  });
});
