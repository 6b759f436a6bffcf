// The Waitlist page: only signed-in staff, each office its own places, and removing only with the form's token.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, bookings, waitlistEntries } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { offeredAt, seedWaitlist, type WaitlistSeed } from "../helpers/waitlistSeed.ts";

describe.each(storeKinds)("the Waitlist page on $name: who may see and do what", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let yn: ConsoleSession;
  let ng: ConsoleSession;
  let seed: WaitlistSeed;
  const statusOf = async (id: string) => (await store.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id)))[0]!.status;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: offeredAt });
    await addStaff(store, { email: "yn@example.jp", officeId: "young-nagasaki" });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    seed = await seedWaitlist(store, t.config);
    t.clock.set(new Date("2026-11-25T09:05:00+09:00"));
    yn = await consoleSignIn(t.app, "yn@example.jp");
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  it("sends a visitor without a session to sign-in, and removes nothing for them", async () => {
    const res = await t.app.request("/staff/waitlist?status=live");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent("/staff/waitlist?status=live")}`);
    const post = await t.app.request(`/staff/waitlist/${seed.second.id}/remove`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" });
    expect(post.status).toBe(303);
    expect(await statusOf(seed.second.id)).toBe("waiting");
  });

  it("keeps each office to its own places: another office's are neither listed nor removable", async () => {
    const html = await (await ng.get("/staff/waitlist")).text();
    expect(html).toContain("長崎 四郎");
    expect(html).not.toContain("長崎 一郎");
    expect(html).not.toContain("長崎 三郎");
    expect((await ng.get("/staff/waitlist?office=young-nagasaki")).status).toBe(400);
    expect(await (await ng.get("/staff/waitlist?office=young-nagasaki")).text()).not.toContain("長崎 一郎");
    expect((await ng.post(`/staff/waitlist/${seed.second.id}/remove`, {})).status).toBe(403);
    expect(await statusOf(seed.second.id)).toBe("waiting");
  });

  it("refuses a removal without the session's CSRF token, with another session's, or from another origin", async () => {
    expect((await yn.post(`/staff/waitlist/${seed.first.id}/remove`, {}, { csrf: null })).status).toBe(403);
    expect((await yn.post(`/staff/waitlist/${seed.first.id}/remove`, {}, { csrf: ng.csrf })).status).toBe(403);
    expect((await yn.post(`/staff/waitlist/${seed.first.id}/remove`, {}, { origin: "https://evil.example" })).status).toBe(403);
    expect(await statusOf(seed.first.id)).toBe("offered");
    // The offer's hold is still the seeker's to take.
    const [hold] = await store.db.select().from(bookings).where(eq(bookings.id, (await store.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, seed.first.id)))[0]!.offerBookingId!));
    expect(hold!.status).toBe("held");
    // Only the seeker who left by themselves in the seed is on record as leaving.
    expect(await store.db.select().from(auditLog).where(eq(auditLog.action, "waitlist_left"))).toHaveLength(1);
  });

  it("lets the offer go with the removal: the hold ends and the log names the staff member", async () => {
    const [before] = await store.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, seed.first.id));
    expect((await yn.post(`/staff/waitlist/${seed.first.id}/remove`, {})).status).toBe(303);
    expect(await statusOf(seed.first.id)).toBe("left");
    const [hold] = await store.db.select().from(bookings).where(eq(bookings.id, before!.offerBookingId!));
    expect(hold!.status).toBe("expired");
    const rows = await store.db.select().from(auditLog).where(eq(auditLog.entityId, seed.first.id));
    const removal = rows.find((r) => r.action === "waitlist_left")!;
    expect(removal.actor).toMatch(/^staff:/);
    // The log holds the state and the window, never the seeker's answers.
    expect(JSON.stringify(removal)).not.toMatch(/長崎|42010|example\.jp/);
  });

  it("shows a seeker's typed name as text, never as markup", async () => {
    await store.db.update(waitlistEntries).set({ answers: { name: `<img src=x onerror="alert(1)">` } }).where(eq(waitlistEntries.id, seed.second.id));
    const html = await (await yn.get("/staff/waitlist")).text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});
