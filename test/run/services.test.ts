// What every process opens: without MANAGE_LINK_SECRET the mail links are signed with a key the
// processes sharing the database agree on, made once and kept across restarts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { manageUrl } from "../../src/manageLink.ts";
import { openServices, type Services } from "../../src/run/services.ts";
import { postgresKind, testDatabaseUrl, useStore } from "../helpers/stores.ts";

const dir = mkdtempSync(join(tmpdir(), "soudan-services-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function closeAll(services: Services): Promise<void> {
  services.mailer.close();
  await services.store.close();
}

const bookingId = "0b7d3c1e-5a4f-4d2b-9c8e-1f2a3b4c5d6e";

describe("the mail link's signing key", () => {
  it("is made at the first start of the embedded store and the same after a restart", { timeout: 60_000 }, async () => {
    const config = loadConfig({ DATA_DIR: join(dir, "embedded"), LOG_LEVEL: "silent" });
    expect(config.MANAGE_LINK_SECRET).toBeUndefined();
    const first = await openServices(config);
    const link = manageUrl(first.config, bookingId);
    await closeAll(first);
    expect(link).toMatch(/#manage=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    const again = await openServices(config);
    expect(manageUrl(again.config, bookingId)).toBe(link);
    await closeAll(again);
  });

  it("is the configured one when MANAGE_LINK_SECRET is set", { timeout: 60_000 }, async () => {
    const secret = "x".repeat(40);
    const services = await openServices(loadConfig({ DATA_DIR: join(dir, "configured"), LOG_LEVEL: "silent", MANAGE_LINK_SECRET: secret }));
    expect(services.config.MANAGE_LINK_SECRET).toBe(secret);
    await closeAll(services);
  });
});

describe.skipIf(!testDatabaseUrl)("the mail link's signing key on PostgreSQL", () => {
  const store = useStore(postgresKind);

  it("is shared by two processes on one database", { timeout: 60_000 }, async () => {
    const env = { DATABASE_URL: store.databaseUrl!, LOG_LEVEL: "silent" };
    const [one, two] = await Promise.all([
      openServices(loadConfig({ ...env, DATA_DIR: join(dir, "pg-1") })),
      openServices(loadConfig({ ...env, DATA_DIR: join(dir, "pg-2") })),
    ]);
    expect(one.config.MANAGE_LINK_SECRET).toBeDefined();
    expect(two.config.MANAGE_LINK_SECRET).toBe(one.config.MANAGE_LINK_SECRET);
    await Promise.all([closeAll(one), closeAll(two)]);
  });
});
