import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { pageText } from "./html.ts";

describe.each(storeKinds)("the console calendar on $name: wrong input", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });

  it.each(["2026-02-30", "tomorrow", "2026-1-5", "<b>x</b>"])("shows today with the error next to the date field for %s, keeping what was typed", async (typed) => {
    const res = await s.get(`/staff/calendar?date=${encodeURIComponent(typed)}`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(pageText(html)).toContain("日付は 2026-12-07 の形で入力してください。今日を表示しています。");
    expect(html).toMatch(/id="c-date" name="date" type="date" value="[^"]*" aria-invalid="true" aria-describedby="c-date-error"/);
    expect(html).toContain(`value="${typed.replace(/</g, "&lt;").replace(/>/g, "&gt;")}"`);
    expect(html).toContain("11月24日(火) ハローワーク長崎の枠と予約");
  });

  it("treats an unknown view as the day view, and a date far away as just another day", async () => {
    const odd = await s.get("/staff/calendar?view=month&date=2026-11-30");
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain("11月30日(月) ハローワーク長崎の枠と予約");
    const far = await s.get("/staff/calendar?view=week&date=2099-12-31");
    expect(far.status).toBe(200);
  });
});
