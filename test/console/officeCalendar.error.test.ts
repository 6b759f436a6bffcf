import { beforeEach, describe, expect, it } from "vitest";
import { absences, closures, counsellors } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { pageText } from "./html.ts";

describe.each(storeKinds)("the office calendar on $name: wrong input", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });

  const errorOf = (html: string, id: string) => new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`).exec(html)?.[1];

  it("shows a missing reason and a date that does not exist next to their fields, keeping what was typed", async () => {
    const res = await s.post("/staff/office-calendar/closures/preview", { office: "nagasaki", date: "2026-02-30", reason: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorOf(html, "closure-date")).toBe("日付を選んでください。");
    expect(errorOf(html, "closure-reason")).toBe("入力してください。");
    expect(html).toContain('id="closure-date" name="date" type="date" min="2026-11-24" required="" value="2026-02-30" aria-invalid="true"');
    const long = await s.post("/staff/office-calendar/closures", { office: "nagasaki", date: "2026-12-01", reason: "あ".repeat(101) });
    expect(long.status).toBe(400);
    expect(errorOf(await long.text(), "closure-reason")).toBe("100文字以内で入力してください。");
    expect(await store.db.select().from(closures)).toEqual([]);
  });

  it("refuses a day in the past, and a day already closed, next to the date", async () => {
    const past = await s.post("/staff/office-calendar/closures/preview", { office: "nagasaki", date: "2026-11-20", reason: "台風" });
    expect(past.status).toBe(400);
    expect(errorOf(await past.text(), "closure-date")).toBe("今日以降の日付を選んでください。");
    expect((await s.post("/staff/office-calendar/closures", { office: "nagasaki", date: "2026-12-01", reason: "台風" })).status).toBe(303);
    const again = await s.post("/staff/office-calendar/closures", { office: "nagasaki", date: "2026-12-01", reason: "台風" });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(errorOf(html, "closure-date")).toBe("この日はすでに休業日です。");
    expect(html).toContain('value="台風"');
    expect(await store.db.select().from(closures)).toHaveLength(1);
  });

  it("checks an absence's times: the format, and the end after the start", async () => {
    const bad = await s.post("/staff/office-calendar/absences", { office: "nagasaki", counsellorId: "nagasaki-1", date: "2026-12-01", from: "25:00", to: "" });
    expect(bad.status).toBe(400);
    expect(errorOf(await bad.text(), "absence-from")).toBe("時刻は 13:00 の形で入力してください。");
    const order = await s.post("/staff/office-calendar/absences", { office: "nagasaki", counsellorId: "nagasaki-1", date: "2026-12-01", from: "15:00", to: "13:00" });
    expect(order.status).toBe(400);
    const html = await order.text();
    expect(errorOf(html, "absence-to")).toBe("終了時刻は開始時刻より後にしてください。");
    expect(html).toContain('value="15:00"');
    const nobody = await s.post("/staff/office-calendar/absences", { office: "nagasaki", counsellorId: "young-1", date: "2026-12-01" });
    expect(nobody.status).toBe(400);
    expect(errorOf(await nobody.text(), "absence-counsellor")).toBe("相談員を選んでください。");
    const past = await s.post("/staff/office-calendar/absences", { office: "nagasaki", counsellorId: "nagasaki-1", date: "2026-11-02" });
    expect(past.status).toBe(400);
    expect(errorOf(await past.text(), "absence-date")).toBe("今日以降の日付を選んでください。");
    expect(await store.db.select().from(absences)).toEqual([]);
  });

  it("refuses a length of availability not on the list, and says so when removing what is already gone", async () => {
    const res = await s.post("/staff/office-calendar/available-now", { counsellorId: "nagasaki-1", minutes: "9999" });
    expect(res.status).toBe(400);
    expect(errorOf(await res.text(), "avail-nagasaki-1")).toBe("受け付ける時間を選んでください。");
    expect((await store.db.select().from(counsellors)).every((c) => c.availableNowUntil === null)).toBe(true);
    const gone = await s.post("/staff/office-calendar/closures/00000000-0000-4000-8000-000000000000/remove", { office: "nagasaki" });
    expect(gone.status).toBe(404);
    expect(pageText(await gone.text())).toContain("すでに取り消されています。");
    expect((await s.post("/staff/office-calendar/absences/not-a-uuid/remove", { office: "nagasaki" })).status).toBe(404);
  });
});
