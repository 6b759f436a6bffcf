// Cold start of `npm start` to a ready /readyz on the embedded store (new and existing data
// folder) and on PostgreSQL, and the server's peak RSS after a little traffic.
// Run: npx tsx bench/startup.bench.ts
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshPostgres } from "./fresh-postgres.ts";
import { isMain } from "./stats.ts";

async function startServer(env: Record<string, string>): Promise<{ readyMs: number; peakRssMb: number }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  // The command `npm start` runs, without npm's own start-up in the figure.
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    let readyMs = Number.NaN;
    for (let i = 0; i < 6000; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) {
          readyMs = performance.now() - started;
          break;
        }
      } catch {}
      await new Promise((r) => setTimeout(r, 10));
    }
    // A little traffic: 50 chat sessions with a few turns each.
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/chat/sessions`, { method: "POST", body: "{}" });
      const { sessionId, token } = (await res.json()) as { sessionId: string; token: string };
      for (const body of [{ choice: "menu:book" }, { choice: "office:nagasaki" }, { text: "来週火曜の午後" }]) {
        await fetch(`http://127.0.0.1:${port}/api/chat/sessions/${sessionId}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
      }
    }
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
    return { readyMs, peakRssMb };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "soudan-bench-"));
  try {
    const fresh = await startServer({ DATA_DIR: dir });
    const again = await startServer({ DATA_DIR: dir });
    const pgBench = await freshPostgres();
    let onPostgres: { readyMs: number; peakRssMb: number };
    try {
      onPostgres = await startServer({ DATABASE_URL: pgBench.url });
    } finally {
      await pgBench.close();
    }
    console.log("start-up to /readyz (node scripts/start.mjs, as npm start runs it)");
    console.log(`  embedded store, new data folder:      ${fresh.readyMs.toFixed(0)} ms   peak RSS ${fresh.peakRssMb.toFixed(0)} MiB`);
    console.log(`  embedded store, existing data folder: ${again.readyMs.toFixed(0)} ms   peak RSS ${again.peakRssMb.toFixed(0)} MiB`);
    console.log(`  PostgreSQL (migrations applied):      ${onPostgres.readyMs.toFixed(0)} ms   peak RSS ${onPostgres.peakRssMb.toFixed(0)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await main();
