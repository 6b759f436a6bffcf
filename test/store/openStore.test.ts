import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, StoreError, type Store } from "../../src/store/db.ts";

describe("opening the embedded store", () => {
  const opened: Store[] = [];
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "soudan-store-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it("creates the data folder, applies the migrations and keeps data across a restart", async () => {
    const dir = join(tempDir(), "nested", "data");
    const first = await openStore({ dataDir: dir });
    expect(await first.ready()).toBe(true);
    await first.db.execute("insert into closures (date, reason) values ('2026-12-10', '台風')" as never);
    await first.close();
    const second = await openStore({ dataDir: dir });
    opened.push(second);
    const rows = await second.db.query.closures.findMany();
    expect(rows.map((r) => r.reason)).toEqual(["台風"]);
  });

  it("refuses a second opener of the same data folder with a message that says so", async () => {
    const dir = tempDir();
    opened.push(await openStore({ dataDir: dir }));
    const second = openStore({ dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(StoreError);
    await expect(second).rejects.toThrow(/in use by another process/);
  });

  it("takes over a lock left behind by a process that no longer exists", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "store.lock"), "999999999");
    const store = await openStore({ dataDir: dir });
    opened.push(store);
    expect(await store.ready()).toBe(true);
  });

  it("gives a clear error within seconds when DATABASE_URL cannot be reached", async () => {
    const started = Date.now();
    const attempt = openStore({ databaseUrl: "postgres://nobody@127.0.0.1:1/none" });
    await expect(attempt).rejects.toThrow(/Cannot open the PostgreSQL database at DATABASE_URL \(127\.0\.0\.1:1\/none\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
