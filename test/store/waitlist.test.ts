import { and, eq, inArray, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { findOffice } from "../../src/config.ts";
import { cancelBySeeker, syncCounsellors, type Booking } from "../../src/store/bookings.ts";
import { createConversation, type Conversation } from "../../src/store/conversations.ts";
import { bookings, outbox, waitlistEntries } from "../../src/store/schema.ts";
import { acceptOffer, declineOffer, joinWaitlist, leaveWaitlist, placesOf, sweepWaitlist, waitlistOfDay, type WaitWindow } from "../../src/store/waitlist.ts";
import { eraseSeeker } from "../../src/store/retention.ts";
import { testConfig } from "../helpers/config.ts";
import { makeRequest } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

// Young Hello Work Nagasaki has one counsellor, so one booking fills a slot. Tuesday 24 November 2026.
const config = testConfig();
const office = findOffice(config, "young-nagasaki")!;
const at = (iso: string) => new Date(`${iso}+09:00`);
const tuesdayTen = at("2026-11-24T10:00:00");
const monday = "2026-11-30";
const window: WaitWindow = { fromDate: monday, toDate: monday, fromTime: "14:00", toTime: "15:00" };
const MINUTES = 30;

describe.each(storeKinds)("the waitlist on $name", (kind) => {
  const store = useStore(kind);
  let booked: Booking[];
  let people: Conversation[];

  beforeEach(async () => {
    await syncCounsellors(store.db, config.offices);
    // Monday 14:00 and 14:30 are taken; three people wait for them, in this order.
    booked = [];
    for (const time of ["14:00", "14:30"]) {
      booked.push(await makeRequest(store, config, { officeId: office.id, startsAt: at(`${monday}T${time}:00`), now: tuesdayTen }));
    }
    people = [];
    for (const [i, name] of ["A", "B", "C"].entries()) {
      const conversation = await createConversation(store.db, { channel: "web", userKey: `seeker-${name}`, locale: "ja", officeId: office.id, now: tuesdayTen });
      people.push(conversation);
      const joined = await joinWaitlist(store.db, {
        office,
        window,
        conversationId: conversation.id,
        channel: "web",
        locale: "ja",
        answers: { office: office.id, name: `長崎 ${name}`, email: `${name}@example.jp`, phone: "090-1234-5678" },
        now: new Date(tuesdayTen.getTime() + i * 1000),
        actor: `seeker:web:${conversation.id}`,
      });
      expect(joined).toMatchObject({ ok: true, position: i + 1 });
    }
  });

  const entryOf = async (c: Conversation) => (await store.db.select().from(waitlistEntries).where(eq(waitlistEntries.conversationId, c.id)))[0]!;
  const sweepAt = (now: Date) => sweepWaitlist(store.db, { offices: config.offices, now, offerMinutes: MINUTES });
  const activeOn = async (startsAt: Date) =>
    store.db.select().from(bookings).where(and(eq(bookings.startsAt, startsAt), inArray(bookings.status, ["held", "requested", "confirmed"])));
  const actor = (c: Conversation) => `seeker:web:${c.id}`;

  it("offers nothing while the window is full", async () => {
    expect(await sweepAt(at("2026-11-24T10:01:00"))).toEqual({ lapsed: 0, ended: 0, offered: 0 });
    expect((await entryOf(people[0]!)).status).toBe("waiting");
  });

  it("offers two freed slots to the first two waiting, one each, and moves an unanswered offer to the third", async () => {
    const freed = at("2026-11-25T09:00:00");
    await cancelBySeeker(store.db, { bookingId: booked[1]!.id, now: freed, actor: "test" });
    await cancelBySeeker(store.db, { bookingId: booked[0]!.id, now: freed, actor: "test" });
    expect(await sweepAt(at("2026-11-25T09:01:00"))).toMatchObject({ offered: 2 });

    const [a, b, c] = [await entryOf(people[0]!), await entryOf(people[1]!), await entryOf(people[2]!)];
    expect(a).toMatchObject({ status: "offered", offerExpiresAt: at("2026-11-25T09:31:00") });
    expect(b).toMatchObject({ status: "offered" });
    expect(c.status).toBe("waiting");
    const holdOf = async (id: string) => (await store.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
    // The first in the queue gets the earliest free slot.
    expect((await holdOf(a.offerBookingId!)).startsAt).toEqual(at(`${monday}T14:00:00`));
    expect((await holdOf(b.offerBookingId!)).startsAt).toEqual(at(`${monday}T14:30:00`));
    const notices = await store.db.select().from(outbox).where(like(outbox.idempotencyKey, "waitlist:offer:%"));
    expect(notices).toHaveLength(2);

    // A takes it; B says nothing for 30 minutes, and the slot goes to C.
    const accepted = await acceptOffer(store.db, { entryId: a.id, conversationId: people[0]!.id, now: at("2026-11-25T09:10:00"), holdMinutes: 60, actor: actor(people[0]!) });
    expect(accepted).toMatchObject({ ok: true, hold: { conversationId: people[0]!.id, status: "held" } });
    expect(await sweepAt(at("2026-11-25T09:30:00"))).toMatchObject({ lapsed: 0, offered: 0 });
    expect(await sweepAt(at("2026-11-25T09:31:00"))).toMatchObject({ lapsed: 1, offered: 1 });
    expect((await entryOf(people[1]!)).status).toBe("lapsed");
    const third = await entryOf(people[2]!);
    expect(third.status).toBe("offered");
    expect((await holdOf(third.offerBookingId!)).startsAt).toEqual(at(`${monday}T14:30:00`));
    expect(await store.db.select().from(outbox).where(like(outbox.idempotencyKey, "waitlist:lapsed:%"))).toHaveLength(1);
    // One active row per slot all along.
    expect(await activeOn(at(`${monday}T14:30:00`))).toHaveLength(1);
  });

  it("makes no offer at night, and an offer's clock waits overnight", async () => {
    await cancelBySeeker(store.db, { bookingId: booked[0]!.id, now: at("2026-11-25T19:40:00"), actor: "test" });
    await sweepAt(at("2026-11-25T19:50:00"));
    // Made at 19:50: ten minutes that evening, twenty the next morning from 8:30.
    expect(await entryOf(people[0]!)).toMatchObject({ status: "offered", offerExpiresAt: at("2026-11-26T08:50:00") });
    expect(await sweepAt(at("2026-11-26T07:00:00"))).toMatchObject({ lapsed: 0 });

    await cancelBySeeker(store.db, { bookingId: booked[1]!.id, now: at("2026-11-25T21:00:00"), actor: "test" });
    expect(await sweepAt(at("2026-11-25T21:01:00"))).toMatchObject({ offered: 0 });
    expect(await sweepAt(at("2026-11-26T08:29:00"))).toMatchObject({ offered: 0 });
    expect(await sweepAt(at("2026-11-26T08:30:00"))).toMatchObject({ offered: 1 });
    expect(await entryOf(people[1]!)).toMatchObject({ status: "offered", offerExpiresAt: at("2026-11-26T09:00:00") });
  });

  it("offers nothing past the booking cutoff, ends the waiting then, and no offer outlives the cutoff", async () => {
    // Monday's cutoff is Friday 27 November at 18:00 (closing time of the business day before).
    await cancelBySeeker(store.db, { bookingId: booked[0]!.id, now: at("2026-11-27T17:40:00"), actor: "test" });
    await sweepAt(at("2026-11-27T17:45:00"));
    expect(await entryOf(people[0]!)).toMatchObject({ status: "offered", offerExpiresAt: at("2026-11-27T18:00:00") });
    const late = await acceptOffer(store.db, { entryId: (await entryOf(people[0]!)).id, conversationId: people[0]!.id, now: at("2026-11-27T18:00:00"), holdMinutes: 10, actor: "t" });
    expect(late).toEqual({ ok: false, reason: "expired" });

    await cancelBySeeker(store.db, { bookingId: booked[1]!.id, now: at("2026-11-27T17:50:00"), actor: "test" });
    expect(await sweepAt(at("2026-11-27T18:00:00"))).toEqual({ lapsed: 1, ended: 2, offered: 0 });
    expect((await entryOf(people[1]!)).status).toBe("ended");
    expect((await entryOf(people[1]!)).answers).toBeNull();
    expect(await store.db.select().from(outbox).where(like(outbox.idempotencyKey, "waitlist:ended:%"))).toHaveLength(2);
  });

  it("answers an offer taken late, twice, or from another session clearly, and changes nothing", async () => {
    await cancelBySeeker(store.db, { bookingId: booked[0]!.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    await sweepAt(at("2026-11-25T09:00:00"));
    const a = await entryOf(people[0]!);
    const stranger = await acceptOffer(store.db, { entryId: a.id, conversationId: people[2]!.id, now: at("2026-11-25T09:05:00"), holdMinutes: 10, actor: "t" });
    expect(stranger).toEqual({ ok: false, reason: "other_session" });
    expect(await declineOffer(store.db, { entryId: a.id, conversationId: people[2]!.id, now: at("2026-11-25T09:05:00"), actor: "t" })).toEqual({ ok: false, reason: "other_session" });
    const expired = await acceptOffer(store.db, { entryId: a.id, conversationId: people[0]!.id, now: at("2026-11-25T09:30:00"), holdMinutes: 10, actor: "t" });
    expect(expired).toEqual({ ok: false, reason: "expired" });
    expect(await entryOf(people[0]!)).toMatchObject({ status: "offered", answers: expect.objectContaining({ name: "長崎 A" }) });

    const first = await acceptOffer(store.db, { entryId: a.id, conversationId: people[0]!.id, now: at("2026-11-25T09:10:00"), holdMinutes: 10, actor: "t" });
    expect(first.ok).toBe(true);
    const twice = await acceptOffer(store.db, { entryId: a.id, conversationId: people[0]!.id, now: at("2026-11-25T09:11:00"), holdMinutes: 10, actor: "t" });
    expect(twice).toEqual({ ok: false, reason: "already_accepted" });
    expect(await acceptOffer(store.db, { entryId: "not-a-uuid", conversationId: people[0]!.id, now: at("2026-11-25T09:11:00"), holdMinutes: 10, actor: "t" })).toEqual({ ok: false, reason: "not_found" });
    // The hold is A's until its own expiry, ten minutes from the acceptance.
    expect(await activeOn(at(`${monday}T14:00:00`))).toMatchObject([{ conversationId: people[0]!.id, holdExpiresAt: at("2026-11-25T09:20:00") }]);
  });

  it("lets a declined slot go to the next person at the next sweep, and a person leave their place", async () => {
    await cancelBySeeker(store.db, { bookingId: booked[0]!.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    await sweepAt(at("2026-11-25T09:00:00"));
    expect(await leaveWaitlist(store.db, { entryId: (await entryOf(people[1]!)).id, conversationId: people[1]!.id, now: at("2026-11-25T09:01:00"), actor: "t" })).toMatchObject({ status: "left" });
    expect((await placesOf(store.db, people[2]!.id))[0]).toMatchObject({ position: 2 });
    const declined = await declineOffer(store.db, { entryId: (await entryOf(people[0]!)).id, conversationId: people[0]!.id, now: at("2026-11-25T09:02:00"), actor: "t" });
    expect(declined).toMatchObject({ ok: true, entry: { status: "declined", answers: null } });
    expect(await activeOn(at(`${monday}T14:00:00`))).toHaveLength(0);
    expect(await sweepAt(at("2026-11-25T09:03:00"))).toMatchObject({ offered: 1 });
    expect((await entryOf(people[2]!)).status).toBe("offered");
    expect((await placesOf(store.db, people[2]!.id))[0]).toMatchObject({ position: 1, hold: { startsAt: at(`${monday}T14:00:00`) } });
  });

  it("ends a place, and lets go of its offer, when the seeker's data is erased", async () => {
    await store.db.update(waitlistEntries).set({ answers: { name: "長崎 A", seekerNumber: "42010-9999999" } }).where(eq(waitlistEntries.conversationId, people[0]!.id));
    await cancelBySeeker(store.db, { bookingId: booked[0]!.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    await sweepAt(at("2026-11-25T09:00:00"));
    const erased = await eraseSeeker(store.db, { seekerNumber: "42010-9999999", now: at("2026-11-25T09:05:00"), actor: "t", requestId: "r" });
    expect(erased.ok).toBe(true);
    expect(await entryOf(people[0]!)).toMatchObject({ status: "left", answers: null });
    expect(await activeOn(at(`${monday}T14:00:00`))).toHaveLength(0);
    expect((await entryOf(people[1]!)).answers).not.toBeNull();
  });

  it("refuses a second place for the same window and a fourth place", async () => {
    const again = await joinWaitlist(store.db, { office, window, conversationId: people[1]!.id, channel: "web", locale: "ja", answers: {}, now: tuesdayTen, actor: "t" });
    expect(again).toMatchObject({ ok: false, reason: "already_waiting", position: 2 });
    for (const time of ["11:00", "12:00"]) {
      const w = { ...window, fromTime: time, toTime: "13:00" };
      expect((await joinWaitlist(store.db, { office, window: w, conversationId: people[1]!.id, channel: "web", locale: "ja", answers: {}, now: tuesdayTen, actor: "t" })).ok).toBe(true);
    }
    const fourth = await joinWaitlist(store.db, { office, window: { ...window, fromTime: "16:00", toTime: "17:00" }, conversationId: people[1]!.id, channel: "web", locale: "ja", answers: {}, now: tuesdayTen, actor: "t" });
    expect(fourth).toEqual({ ok: false, reason: "too_many" });
  });

  it("lists a day's waitlist for staff in queue order, with the offer and no personal data", async () => {
    await cancelBySeeker(store.db, { bookingId: booked[0]!.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    await sweepAt(at("2026-11-25T09:00:00"));
    const rows = await waitlistOfDay(store.db, { officeId: office.id, date: monday });
    expect(rows.map((r) => [r.position, r.status])).toEqual([
      [1, "offered"],
      [2, "waiting"],
      [3, "waiting"],
    ]);
    expect(rows[0]!.offer).toEqual({ startsAt: at(`${monday}T14:00:00`), expiresAt: at("2026-11-25T09:30:00") });
    expect(JSON.stringify(rows)).not.toContain("example.jp");
    expect(await waitlistOfDay(store.db, { officeId: office.id, date: "2026-12-01" })).toEqual([]);
  });

  it("lets exactly one win when an offer is accepted at once from two places, and when a late acceptance races the sweep", async () => {
    await cancelBySeeker(store.db, { bookingId: booked[0]!.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    await sweepAt(at("2026-11-25T09:00:00"));
    const a = await entryOf(people[0]!);
    const both = await Promise.all([
      acceptOffer(store.db, { entryId: a.id, conversationId: people[0]!.id, now: at("2026-11-25T09:10:00"), holdMinutes: 60, actor: "t" }),
      acceptOffer(store.db, { entryId: a.id, conversationId: people[0]!.id, now: at("2026-11-25T09:10:00"), holdMinutes: 60, actor: "t" }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toEqual({ ok: false, reason: "already_accepted" });

    // 14:30 frees; B is offered it, and B's acceptance a second before expiry races the sweep a second after.
    await cancelBySeeker(store.db, { bookingId: booked[1]!.id, now: at("2026-11-25T09:20:00"), actor: "test" });
    await sweepAt(at("2026-11-25T09:20:00"));
    const b = await entryOf(people[1]!);
    const [accepted] = await Promise.all([
      acceptOffer(store.db, { entryId: b.id, conversationId: people[1]!.id, now: at("2026-11-25T09:49:59"), holdMinutes: 10, actor: "t" }),
      sweepAt(at("2026-11-25T09:50:01")),
    ]);
    const c = await entryOf(people[2]!);
    // Either B has it or C was offered it: never both.
    expect([accepted.ok, c.status === "offered"].filter(Boolean)).toHaveLength(1);
    const slot = await activeOn(at(`${monday}T14:30:00`));
    expect(slot).toHaveLength(1);
    expect(slot[0]!.conversationId === people[1]!.id).toBe(accepted.ok);
  });
});
