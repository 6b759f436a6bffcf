import { createServer, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { botSays, describeInBrowser, launchChromium, startServer, watchErrors, widget } from "./harness.ts";

// The office's site and the bot are different sites: localhost here, 127.0.0.1 there.
describeInBrowser("the widget embedded on another site", () => {
  let browser: Browser;
  let bot: Awaited<ReturnType<typeof startServer>>;
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    site = createServer((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html lang="ja"><title>ハローワーク長崎</title><h1>ハローワーク長崎</h1>
<script src="${bot.url}/widget.js" data-office="nagasaki" data-locale="ja" async></script>`);
    });
    site.listen(0, "localhost");
    await once(site, "listening");
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
    [browser, bot] = await Promise.all([launchChromium(), startServer({ env: { WIDGET_ORIGINS: siteUrl } })]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    site?.close();
  });

  // The app's secureHeaders() sends Cross-Origin-Resource-Policy: same-origin on every response, which
  // stops any other site from loading /widget.js. Until the lead exempts it, this test shows it.
  it.fails("is loaded by another site's script tag as served", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(siteUrl);
    await widget(page).getByRole("button", { name: /相談を予約/ }).click({ timeout: 3_000 });
    await context.close();
  });

  it("loads from the bot's host and talks to the chat API there (with /widget.js cross-origin readable)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.route("**/widget.js", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "cross-origin-resource-policy": "cross-origin" } });
    });
    page.on("requestfailed", (r) => errors.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto(siteUrl);
    await widget(page).getByRole("button", { name: /相談を予約/ }).click({ timeout: 5_000 }).catch((e) => { throw new Error(`${e}\n${errors.join("\n")}`); });
    await botSays(page, "ご用件をお選びください");
    expect(errors).toEqual([]);
    await context.close();
  });
});
