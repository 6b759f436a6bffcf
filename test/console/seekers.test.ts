// The Seekers page: a seeker's bookings and no-show record by seeker number; clearing it is an admin's action.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sweep } from "../../src/store/bookings.ts";
import { auditLog, bookings, seekerClearances } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, mondayTwoPm, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const seekerNumber = "42010-7654321";

describe.each(storeKinds)("the Seekers page on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  let admin: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
  });

  /** Two missed sessions (one per office, as one active booking per office is allowed): online booking stops. */
  async function twoNoShows() {
    admin = await consoleSignIn(t.app, "admin@example.jp");
    const made = [];
    for (const officeId of ["nagasaki", "young-nagasaki"]) {
      const b = await makeRequest(store, t.config, { officeId, seekerNumber, startsAt: mondayTwoPm });
      expect((await admin.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/x" })).status).toBe(303);
      made.push(b);
    }
    t.clock.set(new Date("2026-11-30T14:15:00+09:00"));
    expect((await sweep(store.db, t.clock())).noShows).toBe(2);
    ng = await consoleSignIn(t.app, "ng@example.jp");
    admin = await consoleSignIn(t.app, "admin@example.jp");
    return made;
  }

  it("shows a seeker's bookings in the caller's offices and their no-show record, and records the look-up", async () => {
    const [nagasaki, young] = await twoNoShows();
    const res = await ng.get("/staff/seekers?number=%EF%BC%94%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%90%EF%BC%8D7654321");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("求職番号 42010-7654321");
    expect(html).toContain("2件（直近180日、記録を消した日より後）");
    expect(html).toContain("受付を止めています");
    expect(html).toContain(nagasaki!.reference);
    expect(html).not.toContain(young!.reference);
    expect(html).toContain("無断欠席の記録を消せるのは管理者だけです。");
    expect(html).not.toContain(`action="/staff/seekers/${seekerNumber}/clear"`);
    const reads = await store.db.select().from(auditLog).where(and(eq(auditLog.entity, "seeker"), eq(auditLog.action, "read_personal_data")));
    expect(reads.length).toBeGreaterThan(0);

    const all = await (await admin.get(`/staff/seekers?number=${seekerNumber}`)).text();
    expect(all).toContain(young!.reference);
  });

  it("lets an admin clear the record, audited, after which the seeker may book again", async () => {
    await twoNoShows();
    const page = await (await admin.get(`/staff/seekers?number=${seekerNumber}`)).text();
    expect(page).toContain(`action="/staff/seekers/${seekerNumber}/clear"`);
    const res = await admin.post(`/staff/seekers/${seekerNumber}/clear`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/seekers?number=${seekerNumber}&done=cleared`);
    const html = await (await admin.get(res.headers.get("location")!)).text();
    expect(html).toContain("無断欠席の記録を消しました。");
    expect(html).toContain("0件");
    expect(html).toContain("受け付けます");
    expect(html).toContain("admin@example.jp");
    const [cleared] = await store.db.select().from(auditLog).where(eq(auditLog.action, "clear_no_shows"));
    expect(cleared).toMatchObject({ entity: "seeker", entityId: seekerNumber });
  });

  it("refuses to clear for office staff, without a CSRF token, or without a session", async () => {
    await twoNoShows();
    expect((await ng.post(`/staff/seekers/${seekerNumber}/clear`, {})).status).toBe(403);
    expect((await admin.post(`/staff/seekers/${seekerNumber}/clear`, {}, { csrf: null })).status).toBe(403);
    const anonymous = await t.app.request(`/staff/seekers/${seekerNumber}/clear`, { method: "POST" });
    expect(anonymous.status).toBe(303);
    expect((await t.app.request(`/staff/seekers?number=${seekerNumber}`)).headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent(`/staff/seekers?number=${seekerNumber}`)}`);
    expect(await store.db.select().from(seekerClearances)).toHaveLength(0);
  });

  it("says a wrong seeker number is wrong next to the field, keeping what was typed", async () => {
    ng = await consoleSignIn(t.app, "ng@example.jp");
    const res = await ng.get("/staff/seekers?number=090-1234-5678");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="number-error">求職番号は');
    expect(html).toContain('value="090-1234-5678"');
    expect((await ng.get("/staff/seekers?number=<script>")).status).toBe(400);
    expect(await (await ng.get("/staff/seekers?number=<script>")).text()).toContain('value="&lt;script&gt;"');
    expect((await ng.post("/staff/seekers/nonsense/clear", {})).status).toBe(404);
    expect(await (await ng.get("/staff/seekers?number=42010-1111111")).text()).toContain("この求職番号の予約はありません。");
  });

  it("shows a seeker's typed name as text", async () => {
    ng = await consoleSignIn(t.app, "ng@example.jp");
    const b = await makeRequest(store, t.config, { seekerNumber });
    await store.db.update(bookings).set({ name: `<img src=x onerror="alert(1)">` }).where(eq(bookings.id, b.id));
    const html = await (await ng.get(`/staff/seekers?number=${seekerNumber}`)).text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
  });
});
