import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { findOffice } from "../../src/config.ts";
import {
  cancelBySeeker,
  holdSlot,
  requestBooking,
  seekerStanding,
  sweep,
  clearNoShows,
  syncCounsellors,
  bookingWindow,
  suggest,
  transition,
  type HoldInput,
  type RequestDetails,
} from "../../src/store/bookings.ts";
import { loadSchedule } from "../../src/store/calendar.ts";
import { suggestSlots } from "../../src/schedule/index.ts";
import { auditLog, bookings, outbox } from "../../src/store/schema.ts";
import { testConfig } from "../helpers/config.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const config = testConfig();
const nagasaki = findOffice(config, "nagasaki")!;
const limits = { activeLimit: 1, noShowLimit: 2, noShowWindowDays: 180 };
// Tuesday 24 November 2026, 10:00 in Tokyo.
const now = new Date("2026-11-24T10:00:00+09:00");
// Monday 30 November 14:00: both Nagasaki counsellors work then (capacity 2).
const mondayTwoPm = new Date("2026-11-30T14:00:00+09:00");
// Tuesday 1 December 14:00: only one counsellor works then (capacity 1).
const tuesdayTwoPm = new Date("2026-12-01T14:00:00+09:00");

const details = (seekerNumber: string): RequestDetails => ({
  requesterKind: "seeker",
  name: "長崎 太郎",
  seekerNumber,
  email: "taro@example.jp",
  phone: "090-1234-5678",
  topic: "事務職の求人について",
});

describe.each(storeKinds)("the booking ledger on $name", (kind) => {
  const store = useStore(kind);
  beforeEach(async () => {
    await syncCounsellors(store.db, config.offices);
  });

  const hold = (over: Partial<HoldInput> = {}) =>
    holdSlot(store.db, {
      office: nagasaki,
      startsAt: mondayTwoPm,
      conversationId: crypto.randomUUID(),
      channel: "web",
      now,
      holdMinutes: 10,
      limits,
      actor: "seeker:web:test",
      ...over,
    });

  const book = async (seekerNumber: string, startsAt = mondayTwoPm, at = now) => {
    const held = await hold({ startsAt, now: at });
    if (!held.ok) throw new Error(`hold refused: ${held.refusal.reason}`);
    const requested = await requestBooking(store.db, { holdId: held.booking.id, office: nagasaki, details: details(seekerNumber), now: at, limits, actor: "seeker:web:test", holdMinutes: 10 });
    if (!requested.ok) throw new Error(`request refused: ${requested.refusal.reason}`);
    return requested.booking;
  };

  it("holds a slot, turns the hold into a request, and tells staff and the seeker through the outbox", async () => {
    const held = await hold();
    expect(held.ok).toBe(true);
    if (!held.ok) return;
    expect(held.booking).toMatchObject({ status: "held", counsellorId: "nagasaki-1" });
    expect(held.booking.reference).toMatch(/^NG-[2-9A-HJKMNP-Z]{6}$/);
    const requested = await requestBooking(store.db, { holdId: held.booking.id, office: nagasaki, details: details("42010-1234567"), now, limits, actor: "seeker:web:test", holdMinutes: 10 });
    expect(requested.ok && requested.booking.status).toBe("requested");
    const jobs = await store.db.select().from(outbox);
    expect(jobs.map((j) => j.idempotencyKey).sort()).toEqual([`seeker:requested:${held.booking.id}`, `staff:requested:${held.booking.id}`]);
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.entityId, held.booking.id));
    expect(audit.map((a) => a.action)).toEqual(["hold", "request"]);
    expect(JSON.stringify(audit)).not.toContain("長崎 太郎");
  });

  it("lets exactly as many of 200 simultaneous requests for one slot succeed as there are counsellors", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => hold()));
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(2);
    expect(lost).toHaveLength(198);
    for (const r of lost) {
      if (r.ok) continue;
      expect(r.refusal.reason).toBe("full");
      expect(r.alternatives.length).toBeGreaterThan(0);
      expect(r.alternatives.every((s) => s.startsAt.getTime() !== mondayTwoPm.getTime())).toBe(true);
    }
    const active = await store.db.select().from(bookings).where(and(eq(bookings.startsAt, mondayTwoPm), eq(bookings.status, "held")));
    expect(new Set(active.map((b) => b.counsellorId))).toEqual(new Set(["nagasaki-1", "nagasaki-2"]));
  });

  it("refuses at the database level a second active booking of one counsellor at one time", async () => {
    const row = {
      officeId: "nagasaki",
      counsellorId: "nagasaki-1",
      startsAt: tuesdayTwoPm,
      endsAt: new Date(tuesdayTwoPm.getTime() + 30 * 60_000),
      channel: "web" as const,
      status: "requested" as const,
    };
    await store.db.insert(bookings).values({ ...row, reference: "NG-AAAAAA" });
    await expect(store.db.insert(bookings).values({ ...row, reference: "NG-BBBBBB", status: "confirmed" })).rejects.toThrow();
    // A cancelled one does not occupy the slot.
    await store.db.insert(bookings).values({ ...row, reference: "NG-CCCCCC", status: "cancelled" });
  });

  it("keeps a held slot from other users until the hold runs out, then lets it go", async () => {
    const first = await hold({ startsAt: tuesdayTwoPm });
    expect(first.ok).toBe(true);
    const meanwhile = await hold({ startsAt: tuesdayTwoPm, now: new Date(now.getTime() + 5 * 60_000) });
    expect(!meanwhile.ok && meanwhile.refusal.reason).toBe("full");
    const later = await hold({ startsAt: tuesdayTwoPm, now: new Date(now.getTime() + 11 * 60_000) });
    expect(later.ok).toBe(true);
    // The first user, back after 12 minutes, is told the slot went and offered others.
    if (!first.ok) return;
    const tooSlow = await requestBooking(store.db, { holdId: first.booking.id, office: nagasaki, details: details("42010-1111111"), now: new Date(now.getTime() + 12 * 60_000), limits, actor: "seeker:web:a", holdMinutes: 10 });
    expect(tooSlow.ok).toBe(false);
    if (tooSlow.ok) return;
    expect(tooSlow.refusal.reason).toBe("full");
    expect(tooSlow.alternatives.length).toBeGreaterThan(0);
  });

  it("still books a hold that ran out when nobody else took the slot", async () => {
    const held = await hold({ startsAt: tuesdayTwoPm });
    if (!held.ok) throw new Error("hold refused");
    const late = await requestBooking(store.db, { holdId: held.booking.id, office: nagasaki, details: details("42010-2222222"), now: new Date(now.getTime() + 30 * 60_000), limits, actor: "seeker:web:a", holdMinutes: 10 });
    expect(late.ok && late.booking.status).toBe("requested");
  });

  it("answers a second request from the same seeker with the booking they already have", async () => {
    const first = await book("42010-3333333");
    const second = await hold({ startsAt: tuesdayTwoPm, seekerNumber: "42010-3333333" });
    expect(second).toMatchObject({ ok: false, refusal: { reason: "seeker_has_booking", bookingId: first.id } });
  });

  it("moves a booking to a new slot only once the new slot is taken, in one step", async () => {
    const original = await book("42010-4444444");
    const conversationId = crypto.randomUUID();
    const newHold = await hold({ startsAt: tuesdayTwoPm, seekerNumber: "42010-4444444", replacing: original.id, conversationId });
    expect(newHold.ok).toBe(true);
    if (!newHold.ok) return;
    const moved = await requestBooking(store.db, { holdId: newHold.booking.id, office: nagasaki, details: details("42010-4444444"), replacing: original.id, now, limits, actor: "seeker:web:test", holdMinutes: 10 });
    expect(moved.ok).toBe(true);
    const [old] = await store.db.select().from(bookings).where(eq(bookings.id, original.id));
    expect(old).toMatchObject({ status: "cancelled", statusReason: "rescheduled" });
    const jobs = await store.db.select({ key: outbox.idempotencyKey }).from(outbox);
    expect(jobs.map((j) => j.key)).toContain(`staff:changed:${newHold.booking.id}`);
  });

  it("keeps the old booking when a reschedule loses the race for the new slot", async () => {
    const original = await book("42010-5555555");
    const [mine, theirs] = await Promise.all([
      hold({ startsAt: tuesdayTwoPm, seekerNumber: "42010-5555555", replacing: original.id }),
      hold({ startsAt: tuesdayTwoPm, seekerNumber: "42010-6666666" }),
    ]);
    expect([mine.ok, theirs.ok].filter(Boolean)).toHaveLength(1);
    const [old] = await store.db.select().from(bookings).where(eq(bookings.id, original.id));
    expect(old!.status).toBe("requested");
  });

  it("lets a seeker cancel before the start and tells staff", async () => {
    const booking = await book("42010-7777777");
    const cancelled = await cancelBySeeker(store.db, { bookingId: booking.id, now, actor: "seeker:web:test" });
    expect(cancelled.ok && cancelled.booking.status).toBe("cancelled");
    const keys = (await store.db.select({ key: outbox.idempotencyKey }).from(outbox)).map((j) => j.key);
    expect(keys).toContain(`staff:cancelled:${booking.id}`);
    const again = await cancelBySeeker(store.db, { bookingId: booking.id, now, actor: "seeker:web:test" });
    expect(again).toEqual({ ok: false, reason: "invalid_state", status: "cancelled" });
    // The slot is free again.
    expect((await hold()).ok).toBe(true);
  });

  it("marks a confirmed session with no contact 10 minutes after the start as a no-show, and refuses online requests after two", async () => {
    const seeker = "42010-8888888";
    for (const startsAt of [mondayTwoPm, tuesdayTwoPm]) {
      const b = await book(seeker, startsAt);
      await transition(store.db, { bookingId: b.id, from: ["requested"], to: "confirmed", now, actor: "staff:x", action: "confirm" });
      const atNine = new Date(startsAt.getTime() + 9 * 60_000);
      expect((await sweep(store.db, atNine)).noShows).toBe(0);
      expect((await sweep(store.db, new Date(startsAt.getTime() + 10 * 60_000))).noShows).toBe(1);
    }
    const later = new Date("2026-12-02T09:00:00+09:00");
    const standing = await seekerStanding(store.db, { seekerNumber: seeker, officeId: "nagasaki", now: later, limits });
    expect(standing).toMatchObject({ suspended: true, noShows: 2 });
    const refused = await hold({ startsAt: new Date("2026-12-07T10:00:00+09:00"), now: later, seekerNumber: seeker });
    expect(!refused.ok && refused.refusal.reason).toBe("seeker_suspended");
    await clearNoShows(store.db, { seekerNumber: seeker, staffId: "s1", now: later });
    const cleared = await seekerStanding(store.db, { seekerNumber: seeker, officeId: "nagasaki", now: new Date(later.getTime() + 1000), limits });
    expect(cleared.suspended).toBe(false);
  });

  it("suggests the same slots from the days near the wish as from the whole booking window", async () => {
    // Fill every Nagasaki slot from Monday 30 November to Friday 11 December, so the nearest free
    // slots lie beyond the first days read.
    const rows = [];
    for (let day = 0; day < 12; day++) {
      const date = new Date(Date.parse("2026-11-30T00:00:00+09:00") + day * 86_400_000);
      for (const time of ["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30"]) {
        const startsAt = new Date(`${date.toISOString().slice(0, 10)}T${time}:00+09:00`);
        for (const counsellorId of ["nagasaki-1", "nagasaki-2"]) {
          rows.push({ reference: `F-${rows.length}`, officeId: "nagasaki", counsellorId, status: "requested" as const, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), channel: "web" as const });
        }
      }
    }
    await store.db.insert(bookings).values(rows);
    const full = await loadSchedule(store.db, nagasaki, now, bookingWindow(nagasaki, now));
    for (const wish of [
      { kind: "point" as const, date: "2026-12-01", time: "14:00" },
      { kind: "window" as const, date: "2026-11-25", from: "13:00", to: "17:00" },
      { kind: "day" as const, date: "2026-12-20" },
    ]) {
      const fromStore = await suggest(store.db, { office: nagasaki, now, wish, n: 5 });
      expect(fromStore, JSON.stringify(wish)).toEqual(suggestSlots(full, wish, 5));
      expect(fromStore).toHaveLength(5);
    }
  });

  it("lets only one of two simultaneous requests from the same seeker through", async () => {
    const [a, b] = await Promise.all([
      hold({ startsAt: mondayTwoPm, seekerNumber: "42010-9999999" }),
      hold({ startsAt: tuesdayTwoPm, seekerNumber: "42010-9999999" }),
    ]);
    if (!a.ok || !b.ok) throw new Error("both holds should be taken");
    const results = await Promise.all(
      [a, b].map((h) =>
        requestBooking(store.db, { holdId: h.booking.id, office: nagasaki, details: details("42010-9999999"), now, limits, actor: "seeker:web:test", holdMinutes: 10 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ refusal: { reason: "seeker_has_booking" } });
  });

  it("refuses to turn a hold into a request once the cutoff has passed", async () => {
    // Held on Friday 27 November at 17:00 for Monday; the request comes at 17:20, after the 17:15 cutoff.
    const friday = new Date("2026-11-27T17:00:00+09:00");
    const held = await hold({ now: friday });
    if (!held.ok) throw new Error("hold refused");
    const late = await requestBooking(store.db, { holdId: held.booking.id, office: nagasaki, details: details("42010-1212121"), now: new Date("2026-11-27T17:20:00+09:00"), limits, actor: "seeker:web:test", holdMinutes: 30 });
    expect(late).toMatchObject({ ok: false, refusal: { reason: "too_late" } });
    if (!late.ok) expect(late.alternatives.length).toBeGreaterThan(0);
  });

  it("refuses a named counsellor who is off and offers their nearest slots and the nearest with anyone", async () => {
    // Counsellor B does not work on Tuesdays.
    const result = await hold({ startsAt: tuesdayTwoPm, counsellorId: "nagasaki-2" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ reason: "counsellor_unavailable", counsellorId: "nagasaki-2" });
    expect(result.withCounsellor!.length).toBeGreaterThan(0);
    expect(result.withCounsellor!.every((s) => s.counsellorIds.includes("nagasaki-2"))).toBe(true);
    expect(result.alternatives[0]!.startsAt).toEqual(tuesdayTwoPm);
  });
});
