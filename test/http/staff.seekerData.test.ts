import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { cancelBySeeker } from "../../src/store/bookings.ts";
import { auditLog, bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, loginAs, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const pglite = storeKinds[0]!;

describe("a seeker's data on request (staff API)", () => {
  const store = useStore(pglite);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: string;
  let staff: string;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    admin = await loginAs(t.app, "admin@example.jp");
    staff = await loginAs(t.app, "ng@example.jp");
  });

  it("exports everything stored under a seeker number, written as the seeker gave it, and audits it without the number", async () => {
    const booking = await makeRequest(store, t.config, { seekerNumber: "42010-7777777" });
    const res = await call(t.app, admin, "POST", "/api/staff/seeker-data/export", { seekerNumber: "４２０１０－７７７７７７７" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { requestId: string; seekerNumber: string; bookings: { id: string; person: Record<string, string> }[] };
    expect(body.seekerNumber).toBe("42010-7777777");
    expect(body.bookings).toHaveLength(1);
    expect(body.bookings[0]).toMatchObject({ id: booking.id, person: { name: "長崎 太郎", email: "taro@example.jp", phone: "090-1234-5678" } });
    const [audit] = await store.db.select().from(auditLog).where(eq(auditLog.action, "export_seeker_data"));
    expect(audit).toMatchObject({ entity: "seeker_request", entityId: body.requestId, after: { bookingIds: [booking.id] } });
    expect(JSON.stringify(audit)).not.toContain("7777777");
  });

  it("erases a seeker's personal data once nothing is still to come, keeping the booking for the statistics", async () => {
    const booking = await makeRequest(store, t.config, { seekerNumber: "42010-8888888" });
    const early = await call(t.app, admin, "POST", "/api/staff/seeker-data/erase", { seekerNumber: "42010-8888888" });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { code: "active_booking" } });

    await cancelBySeeker(store.db, { bookingId: booking.id, now: tuesdayTen, actor: "seeker:test" });
    const res = await call(t.app, admin, "POST", "/api/staff/seeker-data/erase", { seekerNumber: "42010-8888888" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ erased: { bookings: 1 } });
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row).toMatchObject({ status: "cancelled", officeId: "nagasaki", name: null, seekerNumber: null, email: null, phone: null });
    const again = await call(t.app, admin, "POST", "/api/staff/seeker-data/export", { seekerNumber: "42010-8888888" });
    expect(await again.json()).toMatchObject({ bookings: [], consents: [], messages: [] });
  });

  it("answers a malformed seeker number or body with 400", async () => {
    for (const body of [{ seekerNumber: "090-1234-5678" }, { seekerNumber: "" }, {}, { seekerNumber: "42010-1234567", extra: 1 }]) {
      const res = await call(t.app, admin, "POST", "/api/staff/seeker-data/export", body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_request" } });
    }
    expect((await call(t.app, admin, "POST", "/api/staff/seeker-data/erase", "{not json")).status).toBe(400);
  });

  it("lets only an admin export or erase, and nobody without a session", async () => {
    await makeRequest(store, t.config, { seekerNumber: "42010-9999999" });
    for (const path of ["/api/staff/seeker-data/export", "/api/staff/seeker-data/erase"]) {
      const asStaff = await call(t.app, staff, "POST", path, { seekerNumber: "42010-9999999" });
      expect(asStaff.status).toBe(403);
      expect(JSON.stringify(await asStaff.json())).not.toContain("長崎");
      expect((await call(t.app, undefined, "POST", path, { seekerNumber: "42010-9999999" })).status).toBe(401);
    }
    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ name: "長崎 太郎" });
  });
});
