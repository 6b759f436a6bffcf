import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formats } from "../../src/i18n/ja/formats.ts";
import { describeInBrowser, launchChromium, watchErrors } from "./harness.ts";
import { nextOpenDay, requestThroughChat, seriousAxeViolations, signIn, startConsoleServer, STAFF_PASSWORD } from "./console.harness.ts";

const formatDateJa = formats.date;

const SHOTS = "test-results/console";

describeInBrowser("the staff console in Chromium, against the server as npm start runs it", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startConsoleServer>>;
  const date = nextOpenDay();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [browser, app] = await Promise.all([
      launchChromium(),
      startConsoleServer({ staff: [{ email: "ng@example.jp", office: "nagasaki" }, { email: "admin@example.jp", role: "admin" }] }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openPage(viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: () => string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport, locale: "ja-JP", timezoneId: "Asia/Tokyo", bypassCSP: false });
    const page = await context.newPage();
    // A form shown again with its errors answers 400 (or 401 at sign-in), which Chromium logs: those are expected.
    const all = watchErrors(page);
    return { page, errors: () => all.filter((e) => !/status of 40[01] /.test(e)), close: () => context.close() };
  }

  it("signs in, says a wrong password plainly, and passes axe on the sign-in page", async () => {
    const { page, errors, close } = await openPage();
    await page.goto(`${app.url}/staff`);
    await expect.poll(() => page.url()).toContain("/staff/login?next=%2Fstaff");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("メールアドレス").fill("ng@example.jp");
    await page.getByLabel("パスワード").fill("wrong password");
    await page.getByRole("button", { name: "サインイン" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("メールアドレスまたはパスワードが違います。");
    await page.getByLabel("パスワード").fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "サインイン" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("確認待ちの申込み");
    expect(errors()).toEqual([]);
    await close();
  });

  it("shows a request made in the chat in an open queue without reloading, then confirms it: the seeker gets the invitation by mail and in the chat", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.url, "ng@example.jp");
    await expect.poll(() => page.getByRole("group", { name: "お知らせ" }).isVisible()).toBe(true);
    await page.getByLabel("新着を音で知らせる").uncheck();

    const seeker = await requestThroughChat(app.url, { date, time: "14:00", name: "長崎 花子", email: "hanako@example.jp" }, app.sink);
    const row = page.getByRole("row", { name: new RegExp(seeker.reference) });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole("status").innerText()).toContain("新しい申込みがあります。");
    expect(await row.innerText()).toContain(`${formatDateJa(date)} 14:00～14:30`);
    await page.screenshot({ path: `${SHOTS}/queue-1280x800.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await row.getByRole("link", { name: seeker.reference }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(`予約 ${seeker.reference}`);
    expect(await page.getByRole("definition").allInnerTexts()).toEqual(expect.arrayContaining(["長崎 花子", "hanako@example.jp", "090-1234-5678"]));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/booking-1280x800.png`, fullPage: true });

    await page.getByLabel("ミーティングURL").fill("ftp://not-a-meeting");
    await page.getByRole("button", { name: "確定して招待を送る" }).click();
    await expect.poll(() => page.getByText("https:// で始まるURLを入力してください。").isVisible()).toBe(true);
    expect(await page.getByLabel("ミーティングURL").inputValue()).toBe("ftp://not-a-meeting");
    await page.getByLabel("ミーティングURL").fill("https://meet.example.jp/r/abc-123");
    await page.getByRole("button", { name: "確定して招待を送る" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("確定しました。");

    const mail = await app.sink.waitFor("hanako@example.jp", /招待|ご案内|確定/);
    expect(mail.text).toContain("https://meet.example.jp/r/abc-123");
    expect(mail.attachments.some((a) => a.filename === "invite.ics")).toBe(true);
    await expect
      .poll(async () => {
        const res = await fetch(`${app.url}/api/chat/sessions/${seeker.sessionId}`, { headers: { authorization: `Bearer ${seeker.token}` } });
        return JSON.stringify(await res.json());
      }, { timeout: 20_000 })
      .toContain("https://meet.example.jp/r/abc-123");
    expect(errors()).toEqual([]);
    await close();
  });

  it("declines a request with a reason the seeker reads in the mail", async () => {
    const { page, close } = await openPage();
    await signIn(page, app.url, "ng@example.jp");
    const seeker = await requestThroughChat(app.url, { date, time: "15:00", name: "長崎 次郎", email: "jiro@example.jp" }, app.sink);
    await page.goto(`${app.url}/staff?q=${seeker.reference}`);
    await page.getByRole("link", { name: seeker.reference }).click();
    await page.getByLabel("お断りの理由").selectOption({ label: "その日時は相談員の都合がつきません" });
    await page.getByLabel("補足（求職者に伝わります）").fill("水曜日の午前でしたらご案内できます。");
    await page.getByRole("button", { name: "お断りする" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("お断りしました。");
    const mail = await app.sink.waitFor("jiro@example.jp", /お受けできません|お断り|ご希望/);
    expect(mail.text).toContain("水曜日の午前でしたらご案内できます。");
    await close();
  });

  it("can be used by keyboard alone: the skip link, the menu and the filters are reachable and named", async () => {
    const { page, close } = await openPage({ width: 1024, height: 768 });
    await signIn(page, app.url, "ng@example.jp");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("本文へ移動");
    const reached: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
        return (label ?? el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
      }));
    }
    expect(reached).toEqual(expect.arrayContaining(["確認待ち", "予約一覧", "状態", "開始日", "検索", "表示する"]));
    await page.screenshot({ path: `${SHOTS}/queue-1024x768.png` });
    await close();
  });

  it("switches to English and keeps the page", async () => {
    const { page, close } = await openPage();
    await signIn(page, app.url, "admin@example.jp", "/staff/bookings");
    await page.getByRole("link", { name: "English" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Bookings");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("link", { name: "日本語" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("予約一覧");
    await close();
  });
});
