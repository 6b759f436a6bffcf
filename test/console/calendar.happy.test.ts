import { beforeEach, describe, expect, it } from "vitest";
import { addAbsence, addClosure } from "../../src/store/calendar.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { pageText, rowOf, tableRows } from "./html.ts";

describe.each(storeKinds)("the console calendar on $name: what works", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });

  it("shows a day of the staff's own office: each counsellor's slots, capacity, bookings by status and absences", async () => {
    const b = await makeRequest(store, t.config);
    await addAbsence(store.db, { counsellorId: "nagasaki-2", date: "2026-11-30", fromTime: "15:00", toTime: "16:00", now: tuesdayTen, actor: "test" });
    const res = await s.get("/staff/calendar?date=2026-11-30");
    expect(res.status).toBe(200);
    const html = await res.text();
    const rows = tableRows(html, "11月30日(月) ハローワーク長崎の枠と予約");
    expect(rows[0]).toEqual(["時間", "相談員A", "相談員B", "空き・予約"]);
    expect(rowOf(rows, "10:00～10:30")).toEqual(["10:00～10:30", "空き", "勤務外", "空き1 / 予約0"]);
    expect(rowOf(rows, "14:00～14:30")).toEqual(["14:00～14:30", `${b.reference} 確認待ち`, "空き", "空き1 / 予約1"]);
    expect(rowOf(rows, "15:00～15:30")).toEqual(["15:00～15:30", "空き", "不在", "空き1 / 予約0"]);
    expect(html).toContain(`<a href="/staff/bookings/${b.id}">${b.reference}</a>`);
    expect(pageText(html)).toContain("11月30日(月) 相談員B 15:00～16:00");
    // The calendar places bookings; it shows no one's personal details.
    expect(html).not.toContain("長崎 太郎");
  });

  it("shows a week, Monday to Friday, with a typhoon closure named and its bookings still listed", async () => {
    const b = await makeRequest(store, t.config);
    await addClosure(store.db, { officeId: "nagasaki", date: "2026-12-02", reason: "台風接近のため", now: tuesdayTen, actor: "test" });
    const html = await (await s.get("/staff/calendar?date=2026-12-02&view=week")).text();
    const rows = tableRows(html, "11月30日(月)～12月4日(金) ハローワーク長崎の枠と予約");
    expect(rows[0]).toEqual(["時間", "11月30日(月)", "12月1日(火)", "12月2日(水) 休業", "12月3日(木)", "12月4日(金)"]);
    expect(rowOf(rows, "14:00～14:30")).toEqual(["14:00～14:30", `空き1 / 予約1 ${b.reference} 確認待ち`, "空き1 / 予約0", "休業", "空き1 / 予約0", "空き2 / 予約0"]);
    expect(pageText(html)).toContain("12月2日(水): 臨時休業です（台風接近のため）。");
    expect(html).toContain('href="/staff/calendar?office=nagasaki&amp;date=2026-12-02&amp;view=day"');
  });

  it("moves by day, skipping the weekend, and by week, with the date in the URL and a link back to today", async () => {
    const day = await (await s.get("/staff/calendar?date=2026-11-27")).text();
    expect(day).toContain('href="/staff/calendar?office=nagasaki&amp;date=2026-11-30&amp;view=day" rel="next"');
    expect(day).toContain('href="/staff/calendar?office=nagasaki&amp;date=2026-11-26&amp;view=day" rel="prev"');
    expect(day).toContain('href="/staff/calendar?office=nagasaki&amp;date=2026-11-24&amp;view=day">今日');
    const week = await (await s.get("/staff/calendar?date=2026-11-27&view=week")).text();
    expect(week).toContain('href="/staff/calendar?office=nagasaki&amp;date=2026-12-04&amp;view=week" rel="next"');
    // Without a date: today, a Tuesday.
    expect(await (await s.get("/staff/calendar")).text()).toContain("11月24日(火) ハローワーク長崎の枠と予約");
  });

  it("names a national holiday and a weekend day instead of offering slots", async () => {
    const holiday = await (await s.get("/staff/calendar?date=2026-11-23")).text();
    expect(pageText(holiday)).toContain("祝日（勤労感謝の日）のため休みです。");
    expect(rowOf(tableRows(holiday, "11月23日(月)"), "10:00～10:30")[3]).toBe("空き0 / 予約0");
    expect(pageText(await (await s.get("/staff/calendar?date=2026-11-28")).text())).toContain("土日のため休みです。");
  });

  it("lets an admin choose the office, and speaks English when asked", async () => {
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    const html = await (await admin.get("/staff/calendar?office=young-nagasaki&date=2026-11-30")).text();
    expect(html).toContain('<option value="young-nagasaki" selected="">ヤングハローワーク長崎</option>');
    expect(tableRows(html, "ヤングハローワーク長崎")[0]).toEqual(["時間", "相談員C", "空き・予約"]);
    const en = await t.app.request("/staff/calendar?date=2026-11-30", { headers: { cookie: `${s.cookie}; console_lang=en` } });
    const rows = tableRows(await en.text(), "Slots and bookings, Hello Work Nagasaki, Mon 30 Nov");
    expect(rowOf(rows, "10:00–10:30")).toEqual(["10:00–10:30", "Free", "Not working", "1 free / 0 booked"]);
  });
});
