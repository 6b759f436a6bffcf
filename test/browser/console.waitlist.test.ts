import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formats } from "../../src/i18n/ja/formats.ts";
import { weekday } from "../../src/jst.ts";
import { describeInBrowser, launchChromium, watchErrors } from "./harness.ts";
import { joinWaitlistThroughChat, nextOpenDay, requestThroughChat, seriousAxeViolations, signIn, startConsoleServer } from "./console.harness.ts";

const SHOTS = "test-results/console";

describeInBrowser("the console's waitlist in Chromium: a seeker who found the time full, seen and taken off at their request", () => {
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

  it("lists the place joined in the chat under its day, and removes it with the row's button", async () => {
    // Every Nagasaki counsellor working at 13:00 that day (both on Mondays and Fridays) is taken, so the next seeker waits.
    const working = [1, 5].includes(weekday(date)) ? 2 : 1;
    for (const [name, email, phone] of [["長崎 一郎", "ichiro@example.jp", "090-1111-1111"], ["長崎 二郎", "jiro@example.jp", "090-2222-2222"]].slice(0, working)) {
      await requestThroughChat(app.url, { date, time: "13:00", name: name!, email: email!, phone: phone! }, app.sink);
    }
    expect(await joinWaitlistThroughChat(app.url, { date, time: "13:00", name: "長崎 花子", email: "hanako@example.jp", phone: "090-3333-3333" })).toContain("キャンセル待ちに登録しました。");

    const { page, errors, close } = await openPage();
    await signIn(page, app.url, "ng@example.jp");
    await page.getByRole("navigation").getByRole("link", { name: "キャンセル待ち", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("キャンセル待ち");
    const table = page.getByRole("table", { name: `${formats.date(date)}から希望（1件）` });
    const row = table.getByRole("row", { name: /長崎 花子/ });
    expect(await row.innerText()).toMatch(/1番目\s+13:00～13:30\s+指名なし\s+長崎 花子\s+ホームページ\s+チャットを開く/);
    expect(await row.innerText()).toContain("待機中");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/waitlist-1280x800.png`, fullPage: true });

    await row.getByRole("button", { name: `${formats.date(date)} 13:00～13:30（1番目）のキャンセル待ちを取り下げる` }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "キャンセル待ちを取り下げました。" }).count()).toBe(1);
    // The place stays listed as 取り下げ, without a button and without the answers kept while waiting; none wait now.
    const ended = table.getByRole("row", { name: /取り下げ/ });
    expect(await ended.innerText()).toMatch(/―\s+13:00～13:30\s+指名なし\s+―/);
    expect(await ended.getByRole("button").count()).toBe(0);
    expect(await page.getByText("長崎 花子").count()).toBe(0);
    await page.getByLabel("状態").selectOption({ label: "待機中・案内中" });
    await page.getByRole("button", { name: "表示する" }).click();
    await expect.poll(() => page.getByText("この期間のキャンセル待ちはありません。").isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors()).toEqual([]);
    await close();
  }, 90_000);
});
