import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, bookings, outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the staff console on $name: what works", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });

  const jobKeys = async () => (await store.db.select({ key: outbox.idempotencyKey }).from(outbox)).map((j) => j.key);

  it("shows the requests waiting for confirmation, oldest first, with how long each has waited", async () => {
    const first = await makeRequest(store, t.config, { now: new Date("2026-11-24T08:00:00+09:00"), startsAt: new Date("2026-11-30T15:00:00+09:00") });
    const second = await makeRequest(store, t.config, { now: new Date("2026-11-24T09:30:00+09:00") });
    const html = await (await s.get("/staff")).text();
    expect(html).toContain("確認待ちの申込み");
    expect(html.indexOf(first.reference)).toBeLessThan(html.indexOf(second.reference));
    expect(html).toContain("2時間0分");
    expect(html).toContain("30分");
    expect(html).toContain("11月30日(月) 14:00～14:30");
    expect(html).toContain("長崎 太郎");
  });

  it("filters by status, date and counsellor and searches by reference, seeker number and phone, all in the URL", async () => {
    const a = await makeRequest(store, t.config, { seekerNumber: "42010-1234567" });
    const b = await makeRequest(store, t.config, { startsAt: new Date("2026-12-01T10:00:00+09:00"), seekerNumber: "42010-7654321" });
    const page = async (query: string) => (await s.get(`/staff${query}`)).text();
    expect(await page("?q=7654321")).toContain(b.reference);
    expect(await page("?q=7654321")).not.toContain(a.reference);
    expect(await page(`?q=${a.reference}`)).toContain(a.reference);
    expect(await page("?q=1234-5678")).toContain(a.reference);
    expect(await page("?from=2026-12-01&to=2026-12-01")).not.toContain(a.reference);
    expect(await page("?status=confirmed")).toContain("該当する申込みはありません。");
    expect(await page("?counsellor=nagasaki-1")).toContain(a.reference);
  });

  it("pages a long list fifty at a time, keeping the filters in the links", async () => {
    const many = Array.from({ length: 52 }, (_, i) => ({
      reference: `NG-P${String(i).padStart(5, "0")}`,
      officeId: "nagasaki",
      counsellorId: "nagasaki-1",
      status: "cancelled" as const,
      startsAt: new Date(Date.parse("2026-12-01T10:00:00+09:00") + i * 1_800_000),
      endsAt: new Date(Date.parse("2026-12-01T10:30:00+09:00") + i * 1_800_000),
      channel: "web" as const,
      name: `取消 ${i}`,
    }));
    await store.db.insert(bookings).values(many);
    const first = await (await s.get("/staff/bookings?status=cancelled")).text();
    expect(first).toContain("全52件中 1～50件目");
    expect(first).toContain('href="/staff/bookings?status=cancelled&amp;from=2026-11-24&amp;page=2"');
    const second = await (await s.get("/staff/bookings?status=cancelled&from=2026-11-24&page=2")).text();
    expect(second).toContain("全52件中 51～52件目");
    expect(second).toContain("NG-P00051");
    expect(second).not.toContain("NG-P00049");
  });

  it("opens a booking with every detail and records that it was read", async () => {
    const b = await makeRequest(store, t.config);
    const html = await (await s.get(`/staff/bookings/${b.id}`)).text();
    for (const text of ["長崎 太郎", "taro@example.jp", "090-1234-5678", "事務職の求人について", "確認待ち"]) expect(html).toContain(text);
    const reads = await store.db.select().from(auditLog).where(eq(auditLog.action, "read_personal_data"));
    expect(reads.map((r) => r.entityId)).toContain(b.id);
  });

  it("confirms with a meeting URL: the booking is confirmed and the invitation is queued", async () => {
    const b = await makeRequest(store, t.config);
    const page = await (await s.get(`/staff/bookings/${b.id}`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const res = await s.post(`/staff/bookings/${b.id}/confirm`, { version, meetingUrl: "https://meet.example.jp/abc", accessCode: "", counsellorId: "nagasaki-1" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/bookings/${b.id}?done=confirmed`);
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, b.id));
    expect(row).toMatchObject({ status: "confirmed", meetingUrl: "https://meet.example.jp/abc" });
    expect(await jobKeys()).toContain(`seeker:invitation:${b.id}`);
    expect(await (await s.get(res.headers.get("location")!)).text()).toContain("確定しました。");
  });

  it("declines with a reason from the list plus free text, in the seeker's language", async () => {
    const b = await makeRequest(store, t.config, { locale: "en" });
    const res = await s.post(`/staff/bookings/${b.id}/reject`, { reason: "slot_unavailable", detail: "Please try Wednesday." });
    expect(res.status).toBe(303);
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, b.id));
    // The reason is stored as its code beside what staff wrote; the seeker reads it in English (test/console/reject.codes.test.ts).
    expect(row).toMatchObject({ status: "rejected", statusReason: "slot_unavailable", statusDetail: "Please try Wednesday." });
    expect(await jobKeys()).toContain(`seeker:rejected:${b.id}`);
  });

  it("cancels, and after the session records attendance or a no-show", async () => {
    const b = await makeRequest(store, t.config);
    expect((await s.post(`/staff/bookings/${b.id}/cancel`, { detail: "相談員の急病のため" })).status).toBe(303);
    expect((await store.db.select().from(bookings).where(eq(bookings.id, b.id)))[0]!.status).toBe("cancelled");

    const c = await makeRequest(store, t.config, { startsAt: new Date("2026-12-01T10:00:00+09:00") });
    await s.post(`/staff/bookings/${c.id}/confirm`, { meetingUrl: "https://meet.example.jp/x" });
    // Twenty minutes after the start, on a new day's session.
    t.clock.set(new Date("2026-12-01T10:20:00+09:00"));
    s = await consoleSignIn(t.app, "ng@example.jp");
    const res = await s.post(`/staff/bookings/${c.id}/no-show`, {});
    expect(res.headers.get("location")).toBe(`/staff/bookings/${c.id}?done=no_show`);
    expect((await store.db.select().from(bookings).where(eq(bookings.id, c.id)))[0]!.status).toBe("no_show");
  });

  it("exports the list as CSV that Excel opens: a BOM, Japanese intact, formulas neutralised", async () => {
    const b = await makeRequest(store, t.config);
    await store.db.update(bookings).set({ topic: "=HYPERLINK(\"http://evil\")", name: "+長崎, \"太郎\"" }).where(eq(bookings.id, b.id));
    const res = await s.get("/staff/export.csv?status=requested");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("受付番号");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`"'+長崎, ""太郎"""`);
    expect(text.split("\r\n")).toHaveLength(3);
  });

  it("switches to English and back, keeping the page", async () => {
    const res = await t.app.request("/staff/lang/en?next=%2Fstaff%2Fbookings", { headers: { cookie: s.cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/bookings");
    const lang = /console_lang=en/.exec(res.headers.get("set-cookie") ?? "")![0];
    const html = await (await t.app.request("/staff", { headers: { cookie: `${s.cookie}; ${lang}` } })).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Requests waiting for confirmation");
  });
});
