// The Waitlist page: who waits for which times in the caller's offices, and in what state.
import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { offeredAt, seedWaitlist, type WaitlistSeed } from "../helpers/waitlistSeed.ts";
import { tableRows } from "./html.ts";

describe.each(storeKinds)("the Waitlist page on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let yn: ConsoleSession;
  let seed: WaitlistSeed;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: offeredAt });
    await addStaff(store, { email: "yn@example.jp", officeId: "young-nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    seed = await seedWaitlist(store, t.config);
    t.clock.set(new Date("2026-11-25T09:05:00+09:00"));
    yn = await consoleSignIn(t.app, "yn@example.jp");
  });

  it("is in the menu, and lists the office's places by the day and time wished, each with its state", async () => {
    const res = await yn.get("/staff/waitlist");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<a href="/staff/waitlist" aria-current="page">キャンセル待ち</a>');
    expect(html.indexOf("<h2>11月30日(月)</h2>")).toBeLessThan(html.indexOf("<h2>12月1日(火)</h2>"));
    expect(tableRows(html, "11月30日(月)から希望（3件）").slice(1)).toEqual([
      ["1番目", "14:00～14:30", "指名なし", "長崎 一郎", "LINE チャットを開く", "11月24日(火) 10:00", "案内中 （09:30まで） 案内した枠: 11月30日(月) 14:00～14:30", "取り下げる"],
      ["2番目", "14:00～14:30", "指名なし", "長崎 二郎", "ホームページ チャットを開く", "11月24日(火) 10:01", "待機中", "取り下げる"],
      ["―", "14:00～14:30", "指名なし", "―", "ホームページ チャットを開く", "11月24日(火) 10:02", "取り下げ", ""],
    ]);
    expect(tableRows(html, "12月1日(火)から希望（1件）").slice(1)).toEqual([
      ["1番目", "12月1日(火)～12月2日(水)の15:00～15:30", "相談員C", "長崎 三郎", "ホームページ チャットを開く", "11月24日(火) 10:03", "待機中", "取り下げる"],
    ]);
    // The name leads to the seeker's record (an audited read), the channel to the chat.
    expect(html).toContain('<a href="/staff/seekers?number=42010-1111111">長崎 一郎</a>');
    expect(html).toContain(`<a href="/staff/conversations/${seed.first.conversationId}">チャットを開く</a>`);
    // Another office's place is not there, nor an office column for one office.
    expect(html).not.toContain("長崎 四郎");
    expect(html).not.toContain("12月3日(木)");
  });

  it("narrows by state and dates, keeping the filters in the URL", async () => {
    const live = await (await yn.get("/staff/waitlist?status=live")).text();
    expect(live).toContain("長崎 二郎");
    expect(live).not.toContain("取り下げ</span>");
    const offered = await (await yn.get("/staff/waitlist?status=offered")).text();
    expect(offered).toContain("長崎 一郎");
    expect(offered).not.toContain("長崎 二郎");
    const later = await (await yn.get("/staff/waitlist?from=2026-12-01&to=2026-12-01")).text();
    expect(later).toContain("長崎 三郎");
    expect(later).not.toContain("長崎 一郎");
    // A span begun before the first day shown is listed under that day.
    const inside = await (await yn.get("/staff/waitlist?from=2026-12-02")).text();
    expect(inside).toContain("<h2>12月2日(水)</h2>");
    expect(inside).toContain("長崎 三郎");
    const none = await (await yn.get("/staff/waitlist?from=2026-12-10")).text();
    expect(none).toContain("この期間のキャンセル待ちはありません。");
  });

  it("shows an admin every office, with the office named, and its filter", async () => {
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    const html = await (await admin.get("/staff/waitlist")).text();
    expect(html).toContain("長崎 四郎");
    expect(tableRows(html, "12月3日(木)から希望（1件）").slice(1)[0]).toContain("ハローワーク長崎");
    expect(html).toContain('<select id="w-office" name="office"');
    const one = await (await admin.get("/staff/waitlist?office=nagasaki")).text();
    expect(one).toContain("長崎 四郎");
    expect(one).not.toContain("長崎 一郎");
  });

  it("reads in English too", async () => {
    const res = await t.app.request("/staff/waitlist", { headers: { cookie: `${yn.cookie}; console_lang=en` } });
    const html = await res.text();
    expect(html).toContain("<h1>Waitlist</h1>");
    expect(html).toContain("Offered</span> until 09:30");
    expect(html).toContain("No. 2");
    expect(html).toContain("Left</span>");
  });

  it("takes a place off the list when the seeker asks, audited as the staff member's, and the offer goes on", async () => {
    const res = await yn.post(`/staff/waitlist/${seed.first.id}/remove`, { back: "?status=live" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/waitlist?status=live&done=removed");
    const html = await (await yn.get(res.headers.get("location")!)).text();
    expect(html).toContain("キャンセル待ちを取り下げました。");
    expect(html).not.toContain("長崎 一郎");
    // The second is first now.
    expect(tableRows(html, "11月30日(月)から希望（1件）").slice(1)[0]!.slice(0, 4)).toEqual(["1番目", "14:00～14:30", "指名なし", "長崎 二郎"]);
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    const audit = await (await admin.get("/staff/audit")).text();
    expect(audit).toMatch(/yn@example\.jp<\/td><td>キャンセル待ちを取り下げ<\/td>/);
  });
});
