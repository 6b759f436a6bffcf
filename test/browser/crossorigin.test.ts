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

  it("is loaded by another site's script tag and talks to the chat API on the bot's host", async () => {
    // A Japanese browser: the widget speaks the visitor's browser language first (issue 16).
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on("requestfailed", (r) => errors.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto(siteUrl);
    await widget(page).getByRole("button", { name: /相談を予約/ }).click({ timeout: 5_000 }).catch((e) => { throw new Error(`${e}\n${errors.join("\n")}`); });
    await botSays(page, "ご用件をお選びください");
    expect(errors).toEqual([]);
    await context.close();
  });
});
