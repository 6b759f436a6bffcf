// Who may call which staff route (issue 18, finding 5): every route of the staff API, and the
// console's booking pages, called by an admin, by staff of the office the data belongs to and by
// staff of another office. A new API route fails this test until it is given its row.
import { beforeAll, describe, expect, it } from "vitest";
import { addAbsence, addClosure } from "../../src/store/calendar.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, call, loginAs, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

type Caller = "other" | "own" | "admin";
/** ok: allowed (any answer but 401/403/5xx); forbidden: 403; filtered: 200 without the office's data. */
type Outcome = "ok" | "forbidden" | "filtered";

interface Fixture {
  bookingId: string;
  otherBookingId: string;
  conversationId: string;
  closureId: string;
  absenceId: string;
  seekerNumber: string;
  /** Strings that only the Nagasaki data carries, for the filtered lists. */
  marks: string[];
}

interface Row {
  method: "GET" | "POST" | "PUT" | "DELETE";
  route: string;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  expect: Record<Caller, Outcome>;
}

const everyone: Record<Caller, Outcome> = { other: "ok", own: "ok", admin: "ok" };
const ownOffice: Record<Caller, Outcome> = { other: "forbidden", own: "ok", admin: "ok" };
const listed: Record<Caller, Outcome> = { other: "filtered", own: "ok", admin: "ok" };
const adminOnly: Record<Caller, Outcome> = { other: "forbidden", own: "forbidden", admin: "ok" };

// In the order they run: nothing before the last row ends a caller's session.
const apiTable: Row[] = [
  { method: "GET", route: "/api/staff/me", path: () => "/api/staff/me", expect: everyone },
  { method: "GET", route: "/api/staff/bookings", path: () => "/api/staff/bookings", expect: listed },
  { method: "GET", route: "/api/staff/bookings", path: () => "/api/staff/bookings?office=nagasaki", expect: ownOffice },
  { method: "GET", route: "/api/staff/bookings/:id", path: (f) => `/api/staff/bookings/${f.bookingId}`, expect: ownOffice },
  { method: "POST", route: "/api/staff/bookings/:id/reject", path: (f) => `/api/staff/bookings/${f.otherBookingId}/reject`, body: () => ({ reason: "満席" }), expect: ownOffice },
  { method: "POST", route: "/api/staff/bookings/:id/confirm", path: (f) => `/api/staff/bookings/${f.bookingId}/confirm`, body: () => ({ meetingUrl: "https://meet.example.jp/r/a" }), expect: ownOffice },
  { method: "POST", route: "/api/staff/bookings/:id/attended", path: (f) => `/api/staff/bookings/${f.bookingId}/attended`, body: () => ({}), expect: ownOffice },
  { method: "POST", route: "/api/staff/bookings/:id/no-show", path: (f) => `/api/staff/bookings/${f.bookingId}/no-show`, body: () => ({}), expect: ownOffice },
  { method: "POST", route: "/api/staff/bookings/:id/cancel", path: (f) => `/api/staff/bookings/${f.bookingId}/cancel`, body: () => ({ reason: "都合により" }), expect: ownOffice },
  {
    method: "POST",
    route: "/api/staff/bookings",
    path: () => "/api/staff/bookings",
    body: (f) => ({ office: "nagasaki", startsAt: "2026-12-07T11:00:00+09:00", fromBookingId: f.bookingId }),
    expect: ownOffice,
  },
  { method: "PUT", route: "/api/staff/availability", path: () => "/api/staff/availability", body: () => ({ counsellorId: "nagasaki-1", minutes: 30 }), expect: ownOffice },
  { method: "GET", route: "/api/staff/conversations", path: () => "/api/staff/conversations", expect: listed },
  { method: "GET", route: "/api/staff/conversations/:id", path: (f) => `/api/staff/conversations/${f.conversationId}`, expect: ownOffice },
  { method: "POST", route: "/api/staff/conversations/:id/messages", path: (f) => `/api/staff/conversations/${f.conversationId}/messages`, body: () => ({ text: "担当の者です" }), expect: ownOffice },
  { method: "POST", route: "/api/staff/conversations/:id/release", path: (f) => `/api/staff/conversations/${f.conversationId}/release`, body: () => ({}), expect: ownOffice },
  { method: "GET", route: "/api/staff/closures", path: () => "/api/staff/closures", expect: listed },
  { method: "GET", route: "/api/staff/closures/affected", path: () => "/api/staff/closures/affected?office=nagasaki&date=2026-12-03", expect: ownOffice },
  { method: "GET", route: "/api/staff/closures/affected", path: () => "/api/staff/closures/affected?date=2026-12-03", expect: adminOnly },
  { method: "POST", route: "/api/staff/closures", path: () => "/api/staff/closures", body: () => ({ office: "nagasaki", date: "2026-12-03", reason: "停電" }), expect: ownOffice },
  { method: "POST", route: "/api/staff/closures", path: () => "/api/staff/closures", body: () => ({ date: "2026-12-04", reason: "停電" }), expect: adminOnly },
  { method: "DELETE", route: "/api/staff/closures/:id", path: (f) => `/api/staff/closures/${f.closureId}`, expect: ownOffice },
  { method: "GET", route: "/api/staff/absences", path: () => "/api/staff/absences", expect: listed },
  { method: "POST", route: "/api/staff/absences", path: () => "/api/staff/absences", body: () => ({ counsellorId: "nagasaki-1", date: "2026-12-03" }), expect: ownOffice },
  { method: "DELETE", route: "/api/staff/absences/:id", path: (f) => `/api/staff/absences/${f.absenceId}`, expect: ownOffice },
  { method: "GET", route: "/api/staff/seekers/:seekerNumber/standing", path: (f) => `/api/staff/seekers/${f.seekerNumber}/standing?office=nagasaki`, expect: ownOffice },
  { method: "POST", route: "/api/staff/seekers/:seekerNumber/clear-no-shows", path: (f) => `/api/staff/seekers/${f.seekerNumber}/clear-no-shows`, body: () => ({}), expect: adminOnly },
  { method: "GET", route: "/api/staff/abuse/clients", path: () => "/api/staff/abuse/clients", expect: adminOnly },
  { method: "GET", route: "/api/staff/outbox", path: () => "/api/staff/outbox", expect: adminOnly },
  { method: "GET", route: "/api/staff/abuse/clients", path: () => "/api/staff/abuse/clients", expect: adminOnly },
  { method: "POST", route: "/api/staff/outbox/:id/requeue", path: () => "/api/staff/outbox/1/requeue", body: () => ({}), expect: adminOnly },
  { method: "POST", route: "/api/staff/seeker-data/export", path: () => "/api/staff/seeker-data/export", body: (f) => ({ seekerNumber: f.seekerNumber }), expect: adminOnly },
  { method: "POST", route: "/api/staff/seeker-data/erase", path: () => "/api/staff/seeker-data/erase", body: (f) => ({ seekerNumber: f.seekerNumber }), expect: adminOnly },
  { method: "GET", route: "/api/staff/waitlist", path: () => "/api/staff/waitlist?date=2026-12-03", expect: listed },
  { method: "GET", route: "/api/staff/waitlist", path: () => "/api/staff/waitlist?date=2026-12-03&office=nagasaki", expect: ownOffice },
  { method: "GET", route: "/api/staff/line/quota", path: () => "/api/staff/line/quota", expect: everyone },
  { method: "POST", route: "/api/staff/logout", path: () => "/api/staff/logout", body: () => ({}), expect: everyone },
];
/** Routes anyone may call: signing in. */
const publicRoutes = ["POST /api/staff/login"];

const consoleTable: Row[] = [
  { method: "GET", route: "/staff/bookings/:id", path: (f) => `/staff/bookings/${f.bookingId}`, expect: ownOffice },
  { method: "POST", route: "/staff/bookings/:id/reject", path: (f) => `/staff/bookings/${f.otherBookingId}/reject`, body: () => ({ reason: "other", detail: "満席" }), expect: ownOffice },
  { method: "POST", route: "/staff/bookings/:id/confirm", path: (f) => `/staff/bookings/${f.bookingId}/confirm`, body: () => ({ meetingUrl: "https://meet.example.jp/r/a" }), expect: ownOffice },
  { method: "POST", route: "/staff/bookings/:id/attended", path: (f) => `/staff/bookings/${f.bookingId}/attended`, body: () => ({}), expect: ownOffice },
  { method: "POST", route: "/staff/bookings/:id/no-show", path: (f) => `/staff/bookings/${f.bookingId}/no-show`, body: () => ({}), expect: ownOffice },
  { method: "POST", route: "/staff/bookings/:id/cancel", path: (f) => `/staff/bookings/${f.bookingId}/cancel`, body: () => ({ detail: "都合により" }), expect: ownOffice },
  { method: "GET", route: "/staff", path: () => "/staff", expect: listed },
  { method: "GET", route: "/staff/bookings", path: () => "/staff/bookings", expect: listed },
  { method: "GET", route: "/staff/export.csv", path: () => "/staff/export.csv?from=2026-11-01&to=2026-12-31", expect: listed },
];

describe("staff routes × roles × offices", () => {
  const store = useStore(storeKinds[0]!, { resetEach: false });
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let f: Fixture;
  const tokens = {} as Record<Caller, string>;
  const consoles = {} as Record<Caller, ConsoleSession>;

  beforeAll(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "yn@example.jp", officeId: "young-nagasaki" });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    const seekerNumber = "42010-7654321";
    const booking = await makeRequest(store, t.config, { seekerNumber, mode: "handoff" });
    const other = await makeRequest(store, t.config, { startsAt: new Date("2026-12-01T14:00:00+09:00") });
    const closure = await addClosure(store.db, { officeId: "nagasaki", date: "2026-12-08", reason: "点検", now: tuesdayTen, actor: "system:test" });
    const absence = await addAbsence(store.db, { counsellorId: "nagasaki-1", date: "2026-12-09", now: tuesdayTen, actor: "system:test" });
    if (!closure.ok) throw new Error("closure refused");
    f = {
      bookingId: booking.id,
      otherBookingId: other.id,
      conversationId: booking.conversationId!,
      closureId: closure.closure.id,
      absenceId: absence.absence.id,
      seekerNumber,
      marks: [booking.id, booking.reference, booking.conversationId!, closure.closure.id, absence.absence.id],
    };
    for (const [caller, email] of [["other", "yn@example.jp"], ["own", "ng@example.jp"], ["admin", "admin@example.jp"]] as const) {
      tokens[caller] = await loginAs(t.app, email);
      consoles[caller] = await consoleSignIn(t.app, email);
    }
  });

  it("gives every route of the staff API a row, so none is left unchecked", () => {
    const declared = new Set([...apiTable.map((r) => `${r.method} ${r.route}`), ...publicRoutes]);
    const registered = new Set(t.app.routes.filter((r) => r.path.startsWith("/api/staff/") && r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    expect([...registered].filter((r) => !declared.has(r))).toEqual([]);
    expect([...declared].filter((r) => !registered.has(r))).toEqual([]);
  });

  async function check(rows: Row[], send: (caller: Caller, row: Row) => Promise<Response>) {
    const mismatches: string[] = [];
    for (const row of rows) {
      for (const caller of ["other", "own", "admin"] as const) {
        const res = await send(caller, row);
        const text = await res.text();
        const got = res.status === 403 ? "forbidden" : res.status === 401 || res.status >= 500 ? `status ${res.status}` : "ok";
        const want = row.expect[caller];
        const fits = want === "filtered" ? res.status === 200 && !f.marks.some((m) => text.includes(m)) : got === want;
        if (!fits) mismatches.push(`${caller} ${row.method} ${row.path(f)}: expected ${want}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  }

  it("lets each caller do exactly what the table says through the staff API", async () => {
    await check(apiTable, (caller, row) => Promise.resolve(call(t.app, tokens[caller], row.method, row.path(f), row.body?.(f))));
  });

  it("lets each caller do exactly what the table says through the console", async () => {
    await check(consoleTable, (caller, row) => {
      const session = consoles[caller];
      return Promise.resolve(row.method === "GET" ? session.get(row.path(f)) : session.post(row.path(f), Object.fromEntries(Object.entries((row.body?.(f) ?? {}) as Record<string, string>))));
    });
  });
});
