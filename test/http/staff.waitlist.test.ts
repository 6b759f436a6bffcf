import { beforeEach, describe, expect, it } from "vitest";
import { findOffice } from "../../src/config.ts";
import { cancelBySeeker } from "../../src/store/bookings.ts";
import { createConversation } from "../../src/store/conversations.ts";
import { joinWaitlist, sweepWaitlist } from "../../src/store/waitlist.ts";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, loginAs, makeRequest } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const at = (iso: string) => new Date(`${iso}+09:00`);
const now = at("2026-11-24T10:00:00");

describe.each(storeKinds)("GET /api/staff/waitlist on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let staff: string;
  beforeEach(async () => {
    t = await buildTestApp(store, { now });
    await addStaff(store, { email: "yn@example.jp", officeId: "young-nagasaki" });
    staff = await loginAs(t.app, "yn@example.jp");
    const office = findOffice(t.config, "young-nagasaki")!;
    const taken = await makeRequest(store, t.config, { officeId: office.id, startsAt: at("2026-11-30T14:00:00"), now });
    for (const [i, name] of ["A", "B"].entries()) {
      const c = await createConversation(store.db, { channel: i === 0 ? "line" : "web", userKey: `u-${name}`, locale: "ja", now });
      await joinWaitlist(store.db, {
        office,
        window: { fromDate: "2026-11-30", toDate: "2026-11-30", fromTime: "14:00", toTime: "14:30" },
        conversationId: c.id,
        channel: c.channel,
        locale: "ja",
        answers: { name: `長崎 ${name}`, email: `${name}@example.jp` },
        now: new Date(now.getTime() + i * 60_000),
        actor: "t",
      });
    }
    await cancelBySeeker(store.db, { bookingId: taken.id, now: at("2026-11-25T09:00:00"), actor: "t" });
    await sweepWaitlist(store.db, { offices: t.config.offices, now: at("2026-11-25T09:00:00"), offerMinutes: 30 });
  });

  it("lists the day's places in queue order, with the offer open to the first, and no personal data", async () => {
    const res = await call(t.app, staff, "GET", "/api/staff/waitlist?date=2026-11-30");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { places: { position: number; status: string; channel: string; offer: unknown; window: unknown }[] };
    expect(body.places.map((p) => [p.position, p.status, p.channel])).toEqual([
      [1, "offered", "line"],
      [2, "waiting", "web"],
    ]);
    expect(body.places[0]!.offer).toEqual({ startsAt: "2026-11-30T14:00:00.000+09:00", expiresAt: "2026-11-25T09:30:00.000+09:00" });
    expect(body.places[1]!.window).toEqual({ fromDate: "2026-11-30", toDate: "2026-11-30", fromTime: "14:00", toTime: "14:30" });
    expect(JSON.stringify(body)).not.toMatch(/example\.jp|長崎 /);
    const other = await call(t.app, staff, "GET", "/api/staff/waitlist?date=2026-12-01");
    expect(await other.json()).toEqual({ date: "2026-12-01", places: [] });
  });

  it("answers a missing or impossible date with 400", async () => {
    for (const query of ["", "?date=2026-02-30", "?date=tomorrow", "?date=2026-11-30&extra=1"]) {
      const res = await call(t.app, staff, "GET", `/api/staff/waitlist${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    }
  });

  it("refuses a caller without a session, and another office's staff", async () => {
    expect((await call(t.app, undefined, "GET", "/api/staff/waitlist?date=2026-11-30")).status).toBe(401);
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    const other = await loginAs(t.app, "ng@example.jp");
    expect((await call(t.app, other, "GET", "/api/staff/waitlist?date=2026-11-30&office=young-nagasaki")).status).toBe(403);
    // Their own office's list does not show this one's places.
    expect(await (await call(t.app, other, "GET", "/api/staff/waitlist?date=2026-11-30")).json()).toEqual({ date: "2026-11-30", places: [] });
  });
});
