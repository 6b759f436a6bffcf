import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./fakes/smtp-sink.ts";
import { startProcess, type RunningProcess } from "./helpers/process.ts";

// The server as `npm start` runs it, in a process of its own.
const start = (env: Record<string, string>) => startProcess([], env);

/** Waits for /readyz; a server that exits or stays unready fails the test at once with what it printed. */
async function waitReady(server: RunningProcess, port: number, deadlineMs = 30_000): Promise<void> {
  await server.waitFor('"listening"', 90_000);
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not become ready:\n${server.output()}`);
}

describe("the server process", () => {
  const dir = mkdtempSync(join(tmpdir(), "soudan-main-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts on the embedded store, refuses a second start on the same data folder, and stops cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const first = start({ DATA_DIR: dir, PORT: String(port) });
    await waitReady(first, port);

    const second = start({ DATA_DIR: dir, PORT: String(port + 1) });
    expect(await second.exit).toBe(1);
    expect(second.output()).toContain("is in use by another process");
    expect(second.output()).not.toMatch(/\n\s+at /);

    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
  });

  it("says clearly and within seconds that DATABASE_URL cannot be reached", { timeout: 30_000 }, async () => {
    const started = Date.now();
    const run = start({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", PORT: "0" });
    expect(await run.exit).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.output()).toContain("cannot start: Cannot open the PostgreSQL database at DATABASE_URL (127.0.0.1:1/none)");
  });

  it("names a malformed variable in one line", { timeout: 30_000 }, async () => {
    const run = start({ PORT: "not-a-port", DATA_DIR: dir });
    expect(await run.exit).toBe(1);
    expect(run.output().trim()).toMatch(/^相談予約ボット cannot start: Invalid environment variable PORT: /);
  });
});
