// The link in a seeker's mail opens the start page's chat on the booking, in a browser that never
// chatted before, and takes the token off the address.
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signManageToken } from "../../src/manageLink.ts";
import { bookings } from "../../src/store/schema.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { botMessages, botSays, choose, describeInBrowser, launchChromium, startServer, watchErrors } from "./harness.ts";

const SECRET = "a-test-secret-of-at-least-32-characters";

describeInBrowser("the chat opened from a mail's link in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServer({ env: { MANAGE_LINK_SECRET: SECRET } })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens on the booking, drops the token from the address, and cancels it", { timeout: 60_000 }, async () => {
    const phone = await startChat({ request: (path, init) => fetch(`${server.url}${path}`, init) }, { office: "nagasaki" });
    await phone.choose("menu:book");
    await phone.tap("仕事を探している方");
    await phone.tap("同意する");
    for (const answer of ["長崎 花子", "42010-1234567", "hanako@example.jp", "090-1234-5678"]) await phone.say(answer);
    await phone.tap("指名しない");
    await phone.pick("2026-11-30T10:00");
    await phone.say("求人の探し方について");
    await phone.tap("必要ない");
    await phone.tap("申し込む");
    await phone.say(await mailedCode(server.store.db));
    const [booking] = await server.store.db.select().from(bookings).where(eq(bookings.status, "requested"));

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/#manage=${signManageToken(SECRET, booking!.id)}`);
    await botSays(page, "ご用件をお選びください");
    expect((await botMessages(page).allInnerTexts()).join("\n")).toContain("ご予約が見つかりました");
    expect((await botMessages(page).allInnerTexts()).join("\n")).toContain(booking!.reference);
    expect(new URL(page.url()).hash).toBe("");
    await choose(page, "予約を取り消す");
    await botSays(page, "ご予約を取り消しますか");
    await choose(page, "取り消す");
    await botSays(page, "ご予約を取り消しました");
    const [after] = await server.store.db.select().from(bookings).where(eq(bookings.id, booking!.id));
    expect(after!.status).toBe("cancelled");
    expect(errors).toEqual([]);
    await context.close();
  });
});
