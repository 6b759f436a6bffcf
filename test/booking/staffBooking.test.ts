import { beforeEach, describe, expect, it } from "vitest";
import { createStaffBooking, type StaffBookingInput } from "../../src/booking/staffBooking.ts";
import { findBooking, syncCounsellors, transition, type Booking } from "../../src/store/bookings.ts";
import { outbox } from "../../src/store/schema.ts";
import { testConfig } from "../helpers/config.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const config = testConfig();
// Tuesday 24 November 2026, 10:00 in Tokyo.
const now = new Date("2026-11-24T10:00:00+09:00");
const person = { name: "長崎 太郎", email: "taro@example.jp", phone: "090-1234-5678", topic: "事務職の求人について" };

describe.each(storeKinds)("a booking staff make for someone, on $name", (kind) => {
  const store = useStore(kind);
  let woken = 0;
  const deps = { store, config, clock: () => now, wakeOutbox: () => void woken++ };
  const noEarlier = async (id: string): Promise<Booking> => {
    throw new Error(`no earlier booking was named, yet ${id} was read`);
  };
  const book = (input: StaffBookingInput, readEarlier = noEarlier) => createStaffBooking(deps, { input, actor: "staff:test", readEarlier });

  beforeEach(async () => {
    woken = 0;
    await syncCounsellors(store.db, config.offices);
  });

  it("requests the slot with the details given, and sends the notices at once", async () => {
    const result = await book({ office: "nagasaki", startsAt: "2026-11-30T14:00:00+09:00", ...person });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.booking).toMatchObject({ status: "requested", officeId: "nagasaki", channel: "staff", locale: "ja", requesterKind: "seeker", ...person });
    expect(woken).toBe(1);
  });

  it("confirms at once when the meeting URL is given, and queues the invitation", async () => {
    const result = await book({ office: "nagasaki", startsAt: "2026-11-30T14:00:00+09:00", ...person, meetingUrl: "https://meet.example.jp/r/1" });

    expect(result.ok && result.booking.status).toBe("confirmed");
    if (!result.ok) return;
    const jobs = await store.db.select({ key: outbox.idempotencyKey }).from(outbox);
    expect(jobs.map((j) => j.key)).toContain(`seeker:invitation:${result.booking.id}`);
  });

  it("takes what is not given from the earlier booking, in its chat and channel", async () => {
    const first = await book({ office: "nagasaki", startsAt: "2026-11-30T14:00:00+09:00", ...person, seekerNumber: "42010-1234567", locale: "en", meetingUrl: "https://meet.example.jp/r/1" });
    if (!first.ok) throw new Error("the first booking was refused");
    // The session in which the follow-up was agreed has taken place.
    const attended = await transition(store.db, { bookingId: first.booking.id, from: ["confirmed"], to: "attended", now: new Date("2026-11-30T14:20:00+09:00"), actor: "staff:test", action: "attended" });
    if (!attended.ok) throw new Error("the first session could not be marked attended");
    const earlier = { ...attended.booking, channel: "line" as const };

    const read: string[] = [];
    const result = await book({ office: "nagasaki", startsAt: "2026-12-07T10:00:00+09:00", fromBookingId: earlier.id, topic: "面接の練習" }, async (id) => {
      read.push(id);
      return earlier;
    });

    expect(read).toEqual([earlier.id]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.booking).toMatchObject({
      ...person,
      topic: "面接の練習",
      seekerNumber: "42010-1234567",
      locale: "en",
      channel: "line",
      conversationId: earlier.conversationId,
    });
  });

  it("names the first missing detail when there is no earlier booking to take it from", async () => {
    const result = await book({ office: "nagasaki", startsAt: "2026-11-30T14:00:00+09:00", name: person.name, phone: person.phone });

    expect(result).toEqual({ ok: false, refusal: { reason: "missing_detail", field: "email" } });
    expect(woken).toBe(0);
  });

  it("refuses a counsellor of another office before it reads the earlier booking", async () => {
    const result = await book({ office: "nagasaki", startsAt: "2026-11-30T14:00:00+09:00", counsellorId: "young-1", fromBookingId: crypto.randomUUID() });

    expect(result).toEqual({ ok: false, refusal: { reason: "unknown_counsellor" } });
  });

  it("refuses a full slot with the free times nearby, and holds nothing", async () => {
    // Tuesday 1 December 14:00: only one counsellor works then.
    const startsAt = "2026-12-01T14:00:00+09:00";
    const taken = await book({ office: "nagasaki", startsAt, ...person });
    expect(taken.ok).toBe(true);

    const result = await book({ office: "nagasaki", startsAt, ...person, email: "hanako@example.jp", phone: "090-8765-4321" });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ reason: "slot_refused", slotReason: "full" });
    expect(result.refusal.reason === "slot_refused" && result.refusal.alternatives.length).toBeGreaterThan(0);
    if (taken.ok) expect((await findBooking(store.db, taken.booking.id))?.status).toBe("requested");
  });
});
