import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { cancelBySeeker, clearNoShows, syncCounsellors } from "../../src/store/bookings.ts";
import { appendMessages, ensureTermsVersions, linkConsentsToSeeker, recordConsent } from "../../src/store/conversations.ts";
import { enqueue } from "../../src/store/outbox.ts";
import { eraseSeeker, erasePastPersonalData, pruneDelivered, seekerData } from "../../src/store/retention.ts";
import { auditLog, bookings, consents, messages, outbox, seekerClearances, webhookInbox } from "../../src/store/schema.ts";
import { storeEvents } from "../../src/store/inbox.ts";
import { testConfig } from "../helpers/config.ts";
import { makeRequest, mondayTwoPm, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore, type TestStore } from "../helpers/stores.ts";

const config = testConfig();
const day = 86_400_000;
// Monday 7 December 2026, 14:00 in Tokyo: a week after the first session.
const mondayWeekLater = new Date("2026-12-07T14:00:00+09:00");

async function seekerWithBooking(store: TestStore, seekerNumber: string, startsAt: Date) {
  const booking = await makeRequest(store, config, { seekerNumber, startsAt });
  await recordConsent(store.db, { termsVersion: config.terms.at(-1)!.version, channel: "web", userKey: "web-session", conversationId: booking.conversationId!, agreedAt: tuesdayTen });
  await linkConsentsToSeeker(store.db, booking.conversationId!, seekerNumber);
  await appendMessages(store.db, booking.conversationId!, [{ author: "user", body: { inbound: { kind: "text", text: "長崎 太郎です" } } }], tuesdayTen);
  return booking;
}

const statistics = (store: TestStore) =>
  store.db
    .select({ office: bookings.officeId, status: bookings.status, channel: bookings.channel, count: sql<number>`count(*)::int` })
    .from(bookings)
    .groupBy(bookings.officeId, bookings.status, bookings.channel)
    .orderBy(bookings.officeId, bookings.status);

describe.each(storeKinds)("retention on $name", (kind) => {
  const store = useStore(kind);
  beforeEach(async () => {
    await syncCounsellors(store.db, config.offices);
    await ensureTermsVersions(store.db, config.terms);
  });

  it("erases a booking's personal fields RETENTION_DAYS after its session and keeps what the statistics need", async () => {
    const old = await seekerWithBooking(store, "42010-1111111", mondayTwoPm);
    const recent = await seekerWithBooking(store, "42010-2222222", mondayWeekLater);
    const before = await statistics(store);
    // 365 days after the first session ended, but not yet after the second.
    const now = new Date(old.endsAt.getTime() + 365 * day + 60_000);
    const result = await erasePastPersonalData(store.db, { before: new Date(now.getTime() - 365 * day), now });
    expect(result).toEqual({ bookings: 1 });

    const [erased] = await store.db.select().from(bookings).where(eq(bookings.id, old.id));
    expect(erased).toMatchObject({
      name: null,
      seekerNumber: null,
      email: null,
      phone: null,
      topic: null,
      support: null,
      conversationId: null,
      personalDataErasedAt: now,
      status: "requested",
      officeId: "nagasaki",
      counsellorId: old.counsellorId,
      channel: "web",
      reference: old.reference,
    });
    expect(erased!.startsAt).toEqual(old.startsAt);
    const [kept] = await store.db.select().from(bookings).where(eq(bookings.id, recent.id));
    expect(kept).toMatchObject({ name: "長崎 太郎", seekerNumber: "42010-2222222", personalDataErasedAt: null });
    expect(await statistics(store)).toEqual(before);

    // The seeker number leaves the consent once no booking carries it; the other seeker's stays.
    const agreed = await store.db.select({ seekerNumber: consents.seekerNumber }).from(consents).orderBy(consents.seekerNumber);
    expect(agreed.map((c) => c.seekerNumber)).toEqual(["42010-2222222", null]);
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.action, "erase_personal_data"));
    expect(audit).toMatchObject([{ actor: "system:retention-sweep", entity: "booking", entityId: old.id }]);

    // Running again changes nothing.
    expect(await erasePastPersonalData(store.db, { before: new Date(now.getTime() - 365 * day), now: new Date(now.getTime() + 60_000) })).toEqual({ bookings: 0 });
  });

  it("drops old no-show clearances and the seeker number in old audit rows once the seeker's bookings are erased", async () => {
    const old = await seekerWithBooking(store, "42010-3333333", mondayTwoPm);
    await clearNoShows(store.db, { seekerNumber: "42010-3333333", staffId: "00000000-0000-4000-8000-000000000001", now: tuesdayTen });
    const now = new Date(old.endsAt.getTime() + 400 * day);
    await erasePastPersonalData(store.db, { before: new Date(now.getTime() - 365 * day), now });
    expect(await store.db.select().from(seekerClearances)).toEqual([]);
    const dump = JSON.stringify(await store.db.select().from(auditLog));
    expect(dump).not.toContain("3333333");
  });

  it("deletes answered LINE events after the idle rule and finished outbox jobs after the retention period", async () => {
    const now = new Date("2027-12-20T10:00:00+09:00");
    const [event] = await storeEvents(store.db, [{ source: "line", eventId: "e1", userKey: "U1", payload: { message: { text: "長崎 太郎です" } } }], new Date(now.getTime() - 4 * day));
    await store.db.update(webhookInbox).set({ processedAt: new Date(now.getTime() - 4 * day) }).where(eq(webhookInbox.id, event!.id));
    await storeEvents(store.db, [{ source: "line", eventId: "e2", userKey: "U1", payload: {} }], new Date(now.getTime() - 4 * day));
    await enqueue(store.db, { kind: "mail.send", idempotencyKey: "old", payload: { mail: { to: "taro@example.jp" } } });
    await enqueue(store.db, { kind: "mail.send", idempotencyKey: "new", payload: {} });
    await store.db.update(outbox).set({ status: "done", finishedAt: new Date(now.getTime() - 400 * day) }).where(eq(outbox.idempotencyKey, "old"));
    await store.db.update(outbox).set({ status: "done", finishedAt: new Date(now.getTime() - day) }).where(eq(outbox.idempotencyKey, "new"));

    const result = await pruneDelivered(store.db, { inboxBefore: new Date(now.getTime() - 3 * day), outboxBefore: new Date(now.getTime() - 365 * day) });
    expect(result).toEqual({ inboxEvents: 1, outboxJobs: 1 });
    // The unanswered event stays for the processor; the recent job stays.
    expect((await store.db.select().from(webhookInbox)).map((e) => e.eventId)).toEqual(["e2"]);
    expect((await store.db.select().from(outbox)).map((j) => j.idempotencyKey)).toEqual(["new"]);
  });

  it("exports one seeker's data and erases it on request, but not while a booking is still to come", async () => {
    const booking = await seekerWithBooking(store, "42010-4444444", mondayTwoPm);
    await makeRequest(store, config, { seekerNumber: "42010-5555555", startsAt: mondayWeekLater });

    const data = await seekerData(store.db, "42010-4444444");
    expect(data.bookings.map((b) => b.id)).toEqual([booking.id]);
    expect(data.bookings[0]).toMatchObject({ name: "長崎 太郎", email: "taro@example.jp" });
    expect(data.consents).toHaveLength(1);
    expect(data.messages).toMatchObject([{ author: "user", body: { inbound: { text: "長崎 太郎です" } } }]);

    const refused = await eraseSeeker(store.db, { seekerNumber: "42010-4444444", now: tuesdayTen, actor: "staff:x", requestId: "r1" });
    expect(refused).toEqual({ ok: false, reason: "active_booking" });
    expect((await seekerData(store.db, "42010-4444444")).bookings).toHaveLength(1);

    expect((await cancelBySeeker(store.db, { bookingId: booking.id, now: tuesdayTen, actor: "seeker:test" })).ok).toBe(true);
    const erased = await eraseSeeker(store.db, { seekerNumber: "42010-4444444", now: tuesdayTen, actor: "staff:x", requestId: "r2" });
    expect(erased).toEqual({ ok: true, bookings: 1, messages: 1 });

    const after = await seekerData(store.db, "42010-4444444");
    expect(after).toMatchObject({ bookings: [], consents: [], noShowClearances: [], messages: [] });
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row).toMatchObject({ status: "cancelled", name: null, email: null, officeId: "nagasaki" });
    expect(await store.db.select().from(messages).where(eq(messages.conversationId, booking.conversationId!))).toEqual([]);
    // The other seeker is untouched.
    expect((await seekerData(store.db, "42010-5555555")).bookings[0]).toMatchObject({ name: "長崎 太郎" });
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.actor, "staff:x"));
    expect(audit.map((a) => a.action).sort()).toEqual(["erase_personal_data", "erase_seeker_data"]);
    expect(JSON.stringify(audit)).not.toContain("4444444");
  });
});
