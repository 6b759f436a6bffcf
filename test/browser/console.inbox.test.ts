import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, launchChromium, watchErrors } from "./harness.ts";
import { nextOpenDay, requestThroughChat, seriousAxeViolations, signIn, startConsoleServer } from "./console.harness.ts";

/** The seeker's side of the web chat, as the widget calls it. */
async function chatApi(baseUrl: string) {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ sessionId: string; token: string; mode?: string }>;
  };
  const session = await post("/api/chat/sessions", { office: "nagasaki" });
  return {
    sessionId: session.sessionId,
    say: (text: string) => post(`/api/chat/sessions/${session.sessionId}/messages`, { text }, session.token),
    async history(): Promise<{ mode: string; messages: { author: string; message?: { text: string } }[] }> {
      const res = await fetch(`${baseUrl}/api/chat/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${session.token}` } });
      return res.json() as Promise<{ mode: string; messages: { author: string; message?: { text: string } }[] }>;
    },
  };
}

describeInBrowser("the handoff inbox, the dashboard and the audit log in Chromium", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startConsoleServer>>;

  beforeAll(async () => {
    [browser, app] = await Promise.all([
      launchChromium(),
      startConsoleServer({ staff: [{ email: "ng@example.jp", office: "nagasaki" }, { email: "admin@example.jp", role: "admin" }] }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openPage(): Promise<{ page: Page; errors: () => string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    const all = watchErrors(page);
    return { page, errors: () => all.filter((e) => !/status of 40[0-9] /.test(e)), close: () => context.close() };
  }

  it("answers a web chat from the console: it shows live, the answer reaches the seeker's chat, and it goes back to the bot", async () => {
    const { page, errors, close } = await openPage();
    const seeker = await chatApi(app.url);
    await seeker.say("人と話したい");
    await signIn(page, app.url, "ng@example.jp", "/staff/conversations");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("担当者を待っているチャット");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("row").filter({ hasText: "未対応" }).getByRole("link", { name: "開く" }).click();
    await expect.poll(() => page.getByText("人と話したい").first().isVisible()).toBe(true);
    await page.getByRole("button", { name: "対応する" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "このチャットの対応を始めました。" }).isVisible()).toBe(true);

    // The seeker writes again: it appears on the open page without a reload.
    await expect.poll(() => page.getByRole("group", { name: "お知らせ" }).isVisible()).toBe(true);
    await page.getByLabel("新着を音で知らせる").uncheck();
    await seeker.say("求人票の見方を教えてください");
    await expect.poll(() => page.getByText("求人票の見方を教えてください").isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel("求職者へのメッセージ").fill("担当の山本です。求人票の右上をご覧ください。");
    await page.getByRole("button", { name: "送信する" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "送信しました。" }).isVisible()).toBe(true);
    await expect.poll(async () => (await seeker.history()).messages.some((m) => m.author === "staff" && m.message?.text === "担当の山本です。求人票の右上をご覧ください。")).toBe(true);

    await page.getByRole("button", { name: "ボットに戻す" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "ボットに戻しました。" }).isVisible()).toBe(true);
    await expect.poll(async () => (await seeker.history()).mode, { timeout: 10_000 }).toBe("bot");
    await expect.poll(async () => JSON.stringify((await seeker.history()).messages), { timeout: 20_000 }).toContain("担当者との会話を終えました");
    expect(errors()).toEqual([]);
    await close();
  });

  it("shows an admin the week's figures of a request confirmed from the console, and the audit log of it", async () => {
    const { page, errors, close } = await openPage();
    const date = nextOpenDay();
    const seeker = await requestThroughChat(app.url, { date, time: "11:00", name: "長崎 三郎", email: "saburo@example.jp" }, app.sink);
    await signIn(page, app.url, "admin@example.jp", `/staff?q=${seeker.reference}`);
    await page.getByRole("link", { name: seeker.reference }).click();
    await page.getByLabel("ミーティングURL").fill("https://meet.example.jp/r/dash");
    await page.getByRole("button", { name: "確定して招待を送る" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("確定しました。");

    await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "集計" }).click();
    await page.getByLabel("開始週（この日を含む週から）").fill(date);
    await page.getByLabel("週数").selectOption({ label: "4週間" });
    await page.getByRole("button", { name: "表示する" }).click();
    const table = page.getByRole("table", { name: "ハローワーク長崎の週ごとの数字" });
    const firstWeek = table.getByRole("row").nth(1);
    const cells = await firstWeek.getByRole("cell").allInnerTexts();
    // The one request of that week in this run, confirmed; none declined, cancelled or missed yet.
    expect(cells.slice(0, 5)).toEqual(["1", "1", "0", "0", "―"]);
    expect(await page.getByRole("img", { name: /^ハローワーク長崎：週ごとの申込みと確定/ }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "操作記録" }).click();
    await page.getByLabel("職員").selectOption({ label: "admin@example.jp" });
    await page.getByRole("button", { name: "表示する" }).click();
    const rows = page.getByRole("row").filter({ hasText: seeker.reference });
    expect(await rows.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("確定"), expect.stringContaining("個人情報を閲覧")]));
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors()).toEqual([]);
    await close();
  });
});
