// The web widget's weight and start-up: /widget.js raw and gzipped beside the embed bundles of
// Typebot (@typebot.io/js dist/web.js) and Botpress (@botpress/webchat dist/index.umd.cjs + style.css,
// React not counted), fetched with `npm pack`; then the time from adding the script tag to a
// clickable launcher in headless Chromium.
// Run: npx tsx bench/widget.bench.ts [runs]
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import { buildWidget } from "../web/build.ts";
import { loadConfig } from "../src/config.ts";
import { createApp } from "../src/http/app.ts";
import { silentLogger } from "../src/logger.ts";
import { openStore } from "../src/store/db.ts";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface Size {
  name: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function sizeOf(name: string, text: string | Buffer): Size {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}

/** Downloads a package's tarball from the registry into a temp dir and returns the files asked for. */
function packed(spec: string, files: string[]): { version: string; bytes: Buffer } | null {
  const dir = mkdtempSync(join(tmpdir(), "widget-bench-"));
  try {
    const tarball = execFileSync("npm", ["pack", spec, "--silent"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n").pop()!;
    execFileSync("tar", ["-xzf", tarball], { cwd: dir });
    const version = (JSON.parse(readFileSync(join(dir, "package/package.json"), "utf8")) as { version: string }).version;
    return { version, bytes: Buffer.concat(files.map((f) => readFileSync(join(dir, "package", f)))) };
  } catch (error) {
    console.warn(`  (could not fetch ${spec}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** From adding the script tag to a launcher that is in the page, laid out, and enabled. */
async function launcherTimes(runs: number): Promise<{ cold: number[]; warm: number[] } | null> {
  if (!existsSync(CHROMIUM)) {
    console.warn(`  (skipping the start-up timing: ${CHROMIUM} is missing)`);
    return null;
  }
  const config = loadConfig({ OFFICES_FILE: "./config/offices.json", LOG_LEVEL: "silent" });
  const store = await openStore({ memory: true });
  const app = createApp({ config, store, logger: silentLogger, clock: () => new Date(), wakeOutbox: () => {} });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  await fetch(`http://127.0.0.1:${port}/widget.js`); // the server bundles on first request; not the browser's cost
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/healthz`);
      for (const into of [cold, warm]) {
        if (into === warm) await page.reload();
        into.push(await page.evaluate<number>(MEASURE));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
    await store.close();
  }
  return { cold, warm };
}

// A string, not a function: tsx's name-keeping helper (__name) does not exist inside the page.
const MEASURE = `new Promise((resolve) => {
  const t0 = performance.now();
  const ready = () => {
    const b = document.getElementById("soudan-yoyaku-widget")?.shadowRoot?.querySelector(".launcher");
    if (b && !b.disabled && b.getBoundingClientRect().width > 0) resolve(performance.now() - t0);
    else setTimeout(ready, 1);
  };
  const s = document.createElement("script");
  s.src = "/widget.js";
  s.async = true;
  s.dataset.office = "nagasaki";
  s.onload = ready;
  document.body.append(s);
})`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function main(runs = Number(process.argv[2] ?? 20)) {
  const config = loadConfig({ OFFICES_FILE: "./config/offices.json", LOG_LEVEL: "silent" });
  const ours = sizeOf("相談予約ボット /widget.js", await buildWidget(config.offices));
  const sizes: Size[] = [ours];
  const typebot = packed("@typebot.io/js", ["dist/web.js"]);
  if (typebot) sizes.push(sizeOf(`Typebot @typebot.io/js@${typebot.version} dist/web.js`, typebot.bytes));
  const botpress = packed("@botpress/webchat", ["dist/index.umd.cjs", "dist/style.css"]);
  if (botpress) sizes.push(sizeOf(`Botpress @botpress/webchat@${botpress.version} umd+css (+React)`, botpress.bytes));

  console.log("embed script size (gzip -9, brotli default)");
  for (const s of sizes) console.log(`  ${s.name.padEnd(58)} raw ${kb(s.raw).padStart(9)}   gzip ${kb(s.gzip).padStart(8)}   br ${kb(s.brotli).padStart(8)}`);
  console.log(`  goal ≤ 12 KB gzipped: ${ours.gzip <= 12 * 1024 ? "met" : "MISSED"}`);

  const times = await launcherTimes(runs);
  if (times) {
    console.log(`script tag → clickable launcher, headless Chromium, loopback, ${runs} runs`);
    console.log(`  first load  median ${median(times.cold).toFixed(1)} ms   max ${Math.max(...times.cold).toFixed(1)} ms`);
    console.log(`  cached      median ${median(times.warm).toFixed(1)} ms   max ${Math.max(...times.warm).toFixed(1)} ms`);
  }
  return { sizes, times };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
