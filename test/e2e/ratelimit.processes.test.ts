// Finding 12 of issue 18: the buckets were per process, so N processes allowed N times the limit.
// Two real server processes on one PostgreSQL database now share the count.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultChatRateLimits } from "../../src/http/middleware/rateLimit.ts";
import { startProcess, type RunningProcess } from "../helpers/process.ts";
import { postgresKind, testDatabaseUrl, useStore } from "../helpers/stores.ts";

describe.skipIf(!testDatabaseUrl)("rate limits across two server processes on postgres", () => {
  const store = useStore(postgresKind, { resetEach: false });
  const dir = mkdtempSync(join(tmpdir(), "soudan-limits-"));
  const servers: RunningProcess[] = [];
  afterAll(async () => {
    for (const s of servers) s.child.kill("SIGKILL");
    await Promise.all(servers.map((s) => s.exit));
    rmSync(dir, { recursive: true, force: true });
  });

  async function startServer(): Promise<number> {
    const run = startProcess([], { DATABASE_URL: store.databaseUrl!, PORT: "0", DATA_DIR: dir, LINE_CHANNEL_SECRET: "", LINE_CHANNEL_ACCESS_TOKEN: "" });
    servers.push(run);
    await run.waitFor('"msg":"listening"', 60_000);
    return Number(/"port":(\d+)/.exec(run.output())![1]);
  }

  it("lets one client open the limit's number of chat sessions in all, not that many per process", { timeout: 120_000 }, async () => {
    const ports = await Promise.all([startServer(), startServer()]);
    expect(ports[0]).not.toBe(ports[1]);
    // Counts are per minute: start clear of a minute's end, so the burst stays in one window.
    const seconds = new Date().getUTCSeconds();
    if (seconds > 50) await new Promise((r) => setTimeout(r, (61 - seconds) * 1000));
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`http://127.0.0.1:${ports[i % 2]}/api/chat/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      statuses.push(res.status);
    }
    const limit = defaultChatRateLimits.sessionsPerMinutePerClient;
    expect(statuses.filter((s) => s === 201)).toHaveLength(limit);
    expect(statuses.slice(limit)).toEqual(Array(30 - limit).fill(429));
  });
});
