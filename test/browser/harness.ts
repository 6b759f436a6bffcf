import { existsSync, mkdirSync } from "node:fs";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type Page } from "playwright-core";
import { describe, expect } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { storeKinds } from "../helpers/stores.ts";

export const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const ARTEFACTS = "test-results/widget";

/** Browser suites run only with Debian's Chromium; skipping is loud, and in CI it is a failure. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  if (process.env.CI) throw new Error(`CI must install Debian's chromium (${CHROMIUM} is missing): the widget's browser tests need it.`);
  const line = "=".repeat(78);
  console.warn(`\n${line}\nSKIPPING the widget's browser tests: ${CHROMIUM} is missing.\nInstall it with: apt-get install chromium\n${line}\n`);
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export function artefact(name: string): string {
  mkdirSync(ARTEFACTS, { recursive: true });
  return `${ARTEFACTS}/${name}`;
}

const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

/** The real app on a real socket and a fresh PGlite store; the clock is Tuesday 2026-11-24 10:00 JST. */
export async function startServer(options: { env?: Record<string, string> } = {}) {
  const store = await storeKinds[0]!.open();
  const built = await buildTestApp(store, { now: new Date("2026-11-24T10:00:00+09:00"), env: options.env, deps: { chatRateLimits: loose } });
  const server = serve({ fetch: built.app.fetch, port: 0, hostname: "127.0.0.1" });
  if (!server.listening) await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** Console errors and CSP violations on a page, so a test can say there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

export const widget = (page: Page) => page.locator("#soudan-yoyaku-widget");
export const botMessages = (page: Page) => page.locator("#soudan-yoyaku-widget .msg.bot");

/** Waits until the bot's last message contains the text. */
export async function botSays(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => botMessages(page).last().innerText(), { timeout: 10_000 }).toMatch(typeof text === "string" ? new RegExp(escape(text)) : text);
}

export async function choose(page: Page, label: string): Promise<void> {
  await widget(page).locator(".choices button", { hasText: label }).click();
}

export async function typeAndSend(page: Page, text: string): Promise<void> {
  await widget(page).locator("textarea").fill(text);
  await widget(page).locator("textarea").press("Enter");
}

/** The element focused inside the widget's shadow root, described as 'tag:text'. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.getElementById("soudan-yoyaku-widget")?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? "").trim()}` : "";
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
