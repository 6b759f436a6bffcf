// Start-up to a ready /readyz: the production build (`node dist/server.mjs`, after `npm run build`)
// against `npm start` (`node scripts/start.mjs`, its bundle already up to date, and rebuilding it), on
// one existing embedded data folder, alternating, five runs each.
// Run: npm run build && npx tsx bench/startup-prod.bench.ts
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMain, ms, percentile } from "./stats.ts";

const RUNS = 5;

async function readyMs(args: string[], dataDir: string): Promise<number> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] });
  try {
    for (let i = 0; i < 6000; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return performance.now() - started;
      } catch {}
      await new Promise((r) => setTimeout(r, 10));
    }
    return Number.NaN;
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export async function main(): Promise<void> {
  if (!existsSync("dist/server.mjs")) {
    console.log("start-up of the production build: run npm run build first (skipped)");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "soudan-bench-"));
  try {
    await readyMs(["scripts/start.mjs"], dir); // makes the data folder and the .cache bundle
    const prod: number[] = [];
    const dev: number[] = [];
    const rebuild: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      prod.push(await readyMs(["--enable-source-maps", "dist/server.mjs"], dir));
      dev.push(await readyMs(["scripts/start.mjs"], dir));
      // A source file newer than the bundle: npm start bundles again first.
      const touched = new Date();
      utimesSync("src/main.ts", touched, touched);
      rebuild.push(await readyMs(["scripts/start.mjs"], dir));
    }
    console.log(`start-up to /readyz on an existing embedded data folder (${RUNS} runs each, alternating)`);
    console.log(`  production build (node dist/server.mjs):   p50 ${ms(percentile(prod, 50))}  max ${ms(Math.max(...prod))}`);
    console.log(`  npm start, bundle up to date:               p50 ${ms(percentile(dev, 50))}  max ${ms(Math.max(...dev))}`);
    console.log(`  npm start, after a source change (bundles): p50 ${ms(percentile(rebuild, 50))}  max ${ms(Math.max(...rebuild))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await main();
