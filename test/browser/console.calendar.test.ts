import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formats } from "../../src/i18n/ja/formats.ts";
import { describeInBrowser, launchChromium, watchErrors } from "./harness.ts";
import { nextOpenDay, requestThroughChat, seriousAxeViolations, signIn, startConsoleServer } from "./console.harness.ts";

const formatDateJa = formats.date;

const SHOTS = "test-results/console";

describeInBrowser("the console's calendars in Chromium: a typhoon closure with rebooking offers reaching the seeker", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startConsoleServer>>;
  const date = nextOpenDay();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [browser, app] = await Promise.all([launchChromium(), startConsoleServer({ staff: [{ email: "ng@example.jp", office: "nagasaki" }] })]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openPage(): Promise<{ page: Page; errors: () => string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    const all = watchErrors(page);
    return { page, errors: () => all.filter((e) => !/status of 40[01] /.test(e)), close: () => context.close() };
  }

  it("shows the day's booking in the calendar, closes the day after showing what it affects, and the seeker is told by mail and in the chat with other times", async () => {
    const seeker = await requestThroughChat(app.url, { date, time: "14:00", name: "長崎 三郎", email: "saburo@example.jp" }, app.sink);
    const { page, errors, close } = await openPage();
    await signIn(page, app.url, "ng@example.jp");

    await page.getByRole("navigation").getByRole("link", { name: "カレンダー", exact: true }).click();
    await page.getByLabel("日付", { exact: true }).fill(date);
    await page.getByRole("button", { name: "表示する" }).click();
    const grid = page.getByRole("table", { name: `${formatDateJa(date)} ハローワーク長崎の枠と予約` });
    const row = grid.getByRole("row", { name: /14:00～14:30/ });
    expect(await row.innerText()).toContain(seeker.reference);
    expect(await row.innerText()).toContain("確認待ち");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/calendar-day-1280x800.png`, fullPage: true });
    await page.getByLabel("表示", { exact: true }).selectOption({ label: "週" });
    await page.getByRole("button", { name: "表示する" }).click();
    await expect.poll(() => page.getByRole("table", { name: /ハローワーク長崎の枠と予約/ }).getByRole("columnheader", { name: new RegExp(formatDateJa(date).replace(/[()]/g, "\\$&")) }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("navigation").getByRole("link", { name: "休業日・不在", exact: true }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("休業する日").fill(date);
    await page.getByLabel("理由（求職者に伝わります）").fill("台風接近のため");
    await page.getByRole("button", { name: "休業日を追加する（影響を確認）" }).click();
    const affected = page.getByRole("table", { name: "影響を受ける予約" });
    await expect.poll(() => affected.getByRole("row", { name: new RegExp(seeker.reference) }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "休業日にして1人にお知らせする" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("休業日を追加しました。1人の求職者にお知らせします。");
    expect(await page.getByRole("table", { name: "臨時休業" }).innerText()).toContain("台風接近のため");

    const mail = await app.sink.waitFor("saburo@example.jp", /臨時休業/);
    expect(mail.text).toContain("台風接近のため");
    expect(mail.text).toContain(seeker.reference);
    await expect
      .poll(async () => {
        const res = await fetch(`${app.url}/api/chat/sessions/${seeker.sessionId}`, { headers: { authorization: `Bearer ${seeker.token}` } });
        return JSON.stringify(await res.json());
      }, { timeout: 20_000 })
      .toContain("臨時休業となったため");
    const chat = JSON.stringify(await (await fetch(`${app.url}/api/chat/sessions/${seeker.sessionId}`, { headers: { authorization: `Bearer ${seeker.token}` } })).json());
    expect(chat).toContain("別の日時で予約する");

    // The calendar now names the closure, and the booking shows as cancelled.
    await page.goto(`${app.url}/staff/calendar?office=nagasaki&date=${date}`);
    expect(await page.getByText("臨時休業です（台風接近のため）。").count()).toBe(1);
    expect(await page.getByRole("row", { name: /14:00～14:30/ }).innerText()).toContain("取消");
    expect(errors()).toEqual([]);
    await close();
  });

  it("makes a counsellor available now and records an absence, by keyboard-reachable, named controls", async () => {
    const { page, close } = await openPage();
    await signIn(page, app.url, "ng@example.jp", "/staff/office-calendar");
    await page.getByLabel("相談員A 受け付ける時間").selectOption({ label: "30分" });
    await page.getByRole("button", { name: "相談員Aのすぐの相談を受け付ける" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("すぐの相談の受付を更新しました。");
    expect(await page.getByRole("row", { name: /相談員A/ }).first().innerText()).toContain("まで受付中");
    await page.getByLabel("相談員", { exact: true }).selectOption({ label: "相談員B" });
    await page.getByLabel("不在の日").fill(date);
    await page.getByLabel("開始時刻").fill("13:00");
    await page.getByLabel("終了時刻").fill("15:00");
    await page.getByRole("button", { name: "不在を登録する" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("不在を登録しました。");
    expect(await page.getByRole("table", { name: "相談員の不在" }).innerText()).toContain("13:00～15:00");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/office-calendar-1280x800.png`, fullPage: true });
    await close();
  });
});
