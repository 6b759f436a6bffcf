// Booking for a phone caller from the console, then confirming and changing the meeting URL: the caller
// gets the acknowledgement, the invitation and the updated invitation (same UID, higher SEQUENCE). axe on
// each of these pages (book for someone, booking page, seekers).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formats } from "../../src/i18n/ja/formats.ts";
import { unfoldIcs } from "../helpers/delivery.ts";
import { describeInBrowser, launchChromium, watchErrors } from "./harness.ts";
import { nextOpenDay, seriousAxeViolations, signIn, startConsoleServer } from "./console.harness.ts";

const formatDateJa = formats.date;

describeInBrowser("booking for a phone caller in Chromium, against the server as npm start runs it", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startConsoleServer>>;
  const date = nextOpenDay();

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
    return { page, errors: () => all.filter((e) => !/status of 40[01] /.test(e)), close: () => context.close() };
  }

  it("books a phone caller into a free slot, confirms it, changes the meeting URL, and the caller gets the updated invitation", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.url, "ng@example.jp");
    await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "電話・窓口の予約" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("電話・窓口の予約");
    await page.getByLabel("表示を始める日").fill(date);
    await page.getByRole("button", { name: "空き枠を表示" }).click();
    const day = page.getByRole("group", { name: formatDateJa(date) });
    await expect.poll(() => day.getByRole("radio").count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A phone number that is not one comes back next to its field, keeping what was typed.
    await day.getByRole("radio", { name: /^11:00（空き/ }).check();
    await page.getByLabel("氏名", { exact: true }).fill("電話 花子");
    await page.getByLabel("メール", { exact: true }).fill("hanako.phone@example.jp");
    await page.getByLabel("相談内容", { exact: true }).fill("介護職への転職について");
    await page.getByLabel("電話", { exact: true }).fill("12");
    await page.getByRole("button", { name: "予約を登録する" }).click();
    await expect.poll(() => page.getByText("電話番号を正しく入力してください").isVisible()).toBe(true);
    expect(await page.getByLabel("氏名", { exact: true }).inputValue()).toBe("電話 花子");
    expect(await page.getByRole("group", { name: formatDateJa(date) }).getByRole("radio", { name: /^11:00（空き/ }).isChecked()).toBe(true);

    await page.getByLabel("電話", { exact: true }).fill("090-1111-2222");
    await page.getByRole("button", { name: "予約を登録する" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("予約を登録しました。");
    const reference = (await page.getByRole("heading", { level: 1 }).innerText()).replace("予約 ", "");
    expect(await page.getByRole("definition").allInnerTexts()).toEqual(expect.arrayContaining(["電話 花子", "090-1111-2222", "職員"]));
    await app.sink.waitFor("hanako.phone@example.jp", /お申し込みを受け付けました/);

    await page.getByLabel("ミーティングURL").fill("https://meet.example.jp/r/phone-1");
    await page.getByRole("button", { name: "確定して招待を送る" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("確定しました。");
    const invitation = await app.sink.waitFor("hanako.phone@example.jp", /オンライン職業相談のご案内/);
    expect(unfoldIcs(invitation.attachments.find((a) => a.filename === "invite.ics")!.content.toString("utf8"))).toContain("SEQUENCE:0");

    await page.getByLabel("ミーティングURL", { exact: true }).fill("https://meet.example.jp/r/phone-2");
    await page.getByRole("button", { name: "参加用URL・アクセスコードを変える" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("参加用の内容を変えました。");
    const updated = await app.sink.waitFor("hanako.phone@example.jp", /参加用のURLが変わりました/);
    expect(updated.text).toContain("https://meet.example.jp/r/phone-2");
    const ics = unfoldIcs(updated.attachments.find((a) => a.filename === "invite.ics")!.content.toString("utf8"));
    expect(ics).toContain(`UID:${reference}@soudan-yoyaku`);
    expect(ics).toContain("SEQUENCE:1");

    await page.getByLabel("メモ", { exact: true }).fill("電話で本人確認済み");
    await page.getByRole("button", { name: "メモを残す" }).click();
    await expect.poll(() => page.getByText("電話で本人確認済み").isVisible()).toBe(true);
    const history = await page.getByRole("table").last().innerText();
    expect(history).toContain("参加用URL・アクセスコードを変更");
    expect(history).toContain("ng@example.jp");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors()).toEqual([]);
    await close();
  });

  it("looks a seeker up by number and passes axe on the Seekers page", async () => {
    const { page, close } = await openPage();
    await signIn(page, app.url, "admin@example.jp", "/staff/seekers");
    await page.getByLabel("求職番号").fill("42010-1234567");
    await page.getByRole("button", { name: "求職者を探す" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 2 }).first().innerText()).toBe("求職番号 42010-1234567");
    expect(await page.getByRole("button", { name: "無断欠席の記録を消す" }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await close();
  });
});
