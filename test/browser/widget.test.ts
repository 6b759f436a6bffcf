import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { mailedCode } from "../helpers/chat.ts";
import { artefact, botMessages, botSays, choose, describeInBrowser, focused, launchChromium, startServer, typeAndSend, watchErrors, widget } from "./harness.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const desktop = { width: 1280, height: 800 };
const phone = { width: 375, height: 812 };

describeInBrowser("the web chat widget in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(viewport = desktop, options: { bypassCSP?: boolean } = {}) {
    const context = await browser.newContext({ viewport, locale: "ja-JP", timezoneId: "Asia/Tokyo", ...options });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    return { context, page, errors };
  }

  async function openWidget(page: Page) {
    await widget(page).getByRole("button", { name: /相談を予約/ }).click();
    await botSays(page, "ご用件をお選びください");
  }

  /** From the menu to the question about time, by mouse and typing. */
  async function answerUpToWhen(page: Page) {
    await choose(page, "相談を予約する");
    await botSays(page, "どなたのご相談ですか");
    await choose(page, "仕事を探している方");
    await botSays(page, "利用規約に同意しますか");
    await choose(page, "同意する");
    await botSays(page, "お名前");
    await typeAndSend(page, "長崎 太郎");
    await botSays(page, "求職番号を教えてください");
    await typeAndSend(page, "42010-1234567");
    await botSays(page, "メールアドレス");
    await typeAndSend(page, "taro@example.jp");
    await botSays(page, "電話番号");
    await typeAndSend(page, "090-1234-5678");
    await botSays(page, "相談員の指名はありますか");
    await choose(page, "指名しない");
    await botSays(page, "ご希望の日時");
  }

  it("books a whole session by tapping choices, typing and picking a date", async () => {
    const { context, page, errors } = await openPage();
    await openWidget(page);
    await answerUpToWhen(page);

    const picker = widget(page).locator('input[type="datetime-local"]');
    await expect.poll(() => picker.getAttribute("min")).toBe("2026-11-25T10:00");
    await picker.fill("2026-12-01T14:00");
    await widget(page).getByRole("button", { name: "この日時で送る" }).click();
    await expect(widget(page).locator(".msg.user").last().innerText()).resolves.toContain("12月1日(火) 14:00");
    await botSays(page, "ご相談の内容");
    await typeAndSend(page, "事務職の求人について");
    await botSays(page, "通訳や介助の方の同席");
    await choose(page, "必要ない");
    await botSays(page, "この内容で申し込みますか");
    await expect(widget(page).locator(".card").last().innerText()).resolves.toContain("長崎 太郎");
    await page.screenshot({ path: artefact("summary-1280x800.png"), animations: "disabled" });

    await choose(page, "申し込む");
    await botSays(page, "確認コード（6桁の数字）を送りました");
    await typeAndSend(page, await mailedCode(server.store.db));
    await expect.poll(() => widget(page).locator(".msg.bot", { hasText: "お申し込みを受け付けました" }).count(), { timeout: 10_000 }).toBe(1);
    const card = await widget(page).locator(".card").last().innerText();
    expect(card).toContain("受付済み");
    expect(card).toContain("12月1日(火) 14:00");
    // Tapped choices appear as the seeker's words; only the last message keeps live buttons.
    await expect(widget(page).locator(".msg.user", { hasText: "仕事を探している方" }).count()).resolves.toBe(1);
    await expect(widget(page).locator(".choices").count()).resolves.toBe(1);
    await page.screenshot({ path: artefact("booked-1280x800.png"), animations: "disabled" });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("restores the conversation after a reload and on a later visit", async () => {
    const { context, page } = await openPage();
    await openWidget(page);
    await choose(page, "相談を予約する");
    await botSays(page, "どなたのご相談ですか");
    await choose(page, "仕事を探している方");
    await botSays(page, "利用規約に同意しますか");

    await page.reload();
    await botSays(page, "利用規約に同意しますか");
    await expect(widget(page).locator(".msg.user").allInnerTexts()).resolves.toEqual([expect.stringContaining("相談を予約する"), expect.stringContaining("仕事を探している方")]);
    await expect(widget(page).locator(".choices button").allInnerTexts()).resolves.toEqual(["同意する", "同意しない"]);

    // A later visit (a new tab) finds the panel closed, and the conversation again when it opens.
    const later = await context.newPage();
    await later.goto(`${server.url}/`);
    await expect(widget(later).locator(".panel").isHidden()).resolves.toBe(true);
    await widget(later).getByRole("button", { name: /相談を予約/ }).click();
    await botSays(later, "利用規約に同意しますか");
    await choose(later, "同意する");
    await botSays(later, "お名前");
    await context.close();
  });

  it("does not send when Enter confirms a Japanese IME conversion, and Shift+Enter starts a new line", async () => {
    const { context, page } = await openPage();
    await openWidget(page);
    const posted: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/messages")) posted.push(r.url());
    });
    const textarea = widget(page).locator("textarea");
    await textarea.fill("よやく");
    await textarea.evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", isComposing: true, bubbles: true, cancelable: true }));
      // Safari reports the Enter that ends a composition as keyCode 229 with isComposing already false.
      const safari = new KeyboardEvent("keydown", { key: "Enter", code: "Enter", bubbles: true, cancelable: true });
      Object.defineProperty(safari, "keyCode", { value: 229 });
      el.dispatchEvent(safari);
    });
    await page.waitForTimeout(300);
    expect(posted).toEqual([]);
    await expect(textarea.inputValue()).resolves.toBe("よやく");
    await expect(widget(page).locator(".msg.user").count()).resolves.toBe(0);

    await textarea.press("Shift+Enter");
    await textarea.pressSequentially("したい");
    await expect(textarea.inputValue()).resolves.toBe("よやく\nしたい");
    await textarea.press("Enter");
    await expect.poll(() => posted.length).toBe(1);
    await expect(widget(page).locator(".msg.user").last().innerText()).resolves.toContain("よやく\nしたい");
    await context.close();
  });

  it("books a whole session with the keyboard alone, with focus visible and returned to the launcher", async () => {
    const { context, page } = await openPage();
    const tabTo = async (target: string) => {
      for (let i = 0; i < 40; i++) {
        if ((await focused(page)).startsWith(target)) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`could not reach ${target} with Tab; focus is on ${await focused(page)}`);
    };
    const pick = async (label: string) => {
      await tabTo(`button:${label}`);
      await page.keyboard.press("Enter");
    };
    const write = async (text: string) => {
      await tabTo("textarea");
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    };

    await tabTo("button:相談を予約");
    await page.keyboard.press("Enter");
    await botSays(page, "ご用件をお選びください");
    // Focus moved into the panel, onto the first choice, and it shows.
    await expect(focused(page)).resolves.toBe("button:相談を予約する");
    const outline = await page.evaluate(() => {
      const el = document.getElementById("soudan-yoyaku-widget")!.shadowRoot!.activeElement!;
      return getComputedStyle(el).outlineStyle;
    });
    expect(outline).not.toBe("none");

    await page.keyboard.press("Enter");
    await botSays(page, "どなたのご相談ですか");
    await pick("仕事を探している方");
    await botSays(page, "利用規約に同意しますか");
    await pick("同意する");
    await botSays(page, "お名前");
    await write("長崎 花子");
    await botSays(page, "求職番号を教えてください");
    await write("42010-7654321");
    await botSays(page, "メールアドレス");
    await write("hanako@example.jp");
    await botSays(page, "電話番号");
    await write("095-123-4567");
    await botSays(page, "相談員の指名はありますか");
    await pick("指名しない");
    await botSays(page, "ご希望の日時");
    await write("12月2日 10時");
    await botSays(page, "ご相談の内容");
    await write("面接の練習をしたい");
    await botSays(page, "通訳や介助の方の同席");
    await pick("必要ない");
    await botSays(page, "この内容で申し込みますか");
    await pick("申し込む");
    await botSays(page, "確認コード（6桁の数字）を送りました");
    await write(await mailedCode(server.store.db));
    await expect.poll(() => widget(page).locator(".msg.bot", { hasText: "お申し込みを受け付けました" }).count(), { timeout: 10_000 }).toBe(1);

    await page.keyboard.press("Escape");
    await expect(widget(page).locator(".panel").isHidden()).resolves.toBe(true);
    await expect(focused(page)).resolves.toBe("button:相談を予約");
    await context.close();
  });

  it("has no serious or critical axe violation when open, on a phone and on a desktop", async () => {
    for (const [viewport, name] of [[phone, "375x812"], [desktop, "1280x800"]] as const) {
      // Only axe itself needs the CSP bypass: the page's policy forbids injected scripts.
      const { context, page } = await openPage(viewport, { bypassCSP: true });
      await openWidget(page);
      await choose(page, "相談を予約する");
      await botSays(page, "どなたのご相談ですか");
      await page.screenshot({ path: artefact(`open-${name}.png`), animations: "disabled" });
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
      await context.close();
    }
  });

  it("fills the screen on a phone and is a panel on a desktop, without motion when asked", async () => {
    for (const viewport of [phone, desktop]) {
      const { context, page } = await openPage(viewport);
      await page.emulateMedia({ reducedMotion: "reduce" });
      await openWidget(page);
      await expect(widget(page).locator(".panel").evaluate((el) => getComputedStyle(el).animationName)).resolves.toBe("none");
      const box = (await widget(page).locator(".panel").boundingBox())!;
      if (viewport === phone) expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 812 });
      else expect(box.width).toBeLessThan(500);
      await context.close();
    }
  });

  it("shows the office's phone and a retry when the server cannot be reached, and recovers", async () => {
    const { context, page } = await openPage();
    await page.route("**/api/chat/**", (route) => route.abort("connectionrefused"));
    await widget(page).getByRole("button", { name: /相談を予約/ }).click();
    const alert = widget(page).getByRole("alert");
    await expect.poll(() => alert.innerText()).toContain("095-862-8643");
    await page.unroute("**/api/chat/**");
    await alert.getByRole("button", { name: "もう一度試す" }).click();
    await botSays(page, "ご用件をお選びください");
    await expect(alert.isHidden()).resolves.toBe(true);
    await context.close();
  });

  it("says to wait when rate limited, and names how long", async () => {
    const { context, page } = await openPage();
    await openWidget(page);
    await page.route("**/messages", (route) =>
      route.fulfill({ status: 429, headers: { "retry-after": "7", "content-type": "application/json" }, body: JSON.stringify({ error: { code: "rate_limited", message: "Too many requests." } }) }),
    );
    await choose(page, "相談を予約する");
    await expect.poll(() => widget(page).getByRole("alert").innerText()).toContain("7秒");
    await context.close();
  });

  it("switches its own words to English from the language menu before the conversation starts", async () => {
    const { context, page } = await openPage();
    await openWidget(page);
    await widget(page).getByRole("combobox", { name: "言語 / Language" }).selectOption("en");
    await botSays(page, "What would you like to do?");
    await expect(widget(page).getByRole("button", { name: "Send" }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("announces new bot messages through a polite live region", async () => {
    const { context, page } = await openPage();
    await openWidget(page);
    await expect(widget(page).locator('[aria-live="polite"]').innerText()).resolves.toContain("ご用件をお選びください");
    await expect(botMessages(page).count()).resolves.toBeGreaterThan(0);
    await context.close();
  });

  it("says when the conversation is with a person now", async () => {
    const { context, page } = await openPage();
    await openWidget(page);
    await choose(page, "担当者と話す");
    await expect.poll(() => widget(page).getByRole("status").innerText()).toContain("担当者とお話し中です");
    await context.close();
  });
});
