import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import { openStore, type Store } from "../../src/store/db.ts";
import { keepLeading, type Leadership } from "../../src/store/leadership.ts";
import { postgresKind, storeKinds, testDatabaseUrl, useStore, type TestStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";

const KEY = 77_001;

/** A role that records when it runs. */
function role(name: string, log: string[]) {
  return {
    start: () => void log.push(`${name} start`),
    stop: async () => void log.push(`${name} stop`),
  };
}

/** A second handle on the same database, as another process would have (PGlite: the same one). */
async function secondHandle(store: TestStore, opened: Store[]): Promise<Store> {
  if (store.kind === "pglite") return store;
  const other = await openStore({ databaseUrl: store.databaseUrl!, maxConnections: 2 });
  opened.push(other);
  return other;
}

describe.each(storeKinds)("a role run by one process at a time, on $name", (kind) => {
  const store = useStore(kind, { resetEach: false });
  const running: Leadership[] = [];
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((l) => l.stop()));
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it("runs in the first process only, and in the one standing by once the first stops", async () => {
    const log: string[] = [];
    const first = keepLeading(store, { key: KEY, name: "test", role: role("a", log), logger: silentLogger, retryMs: 20 });
    running.push(first);
    await until(() => first.leading());
    const second = keepLeading(await secondHandle(store, opened), { key: KEY, name: "test", role: role("b", log), logger: silentLogger, retryMs: 20 });
    running.push(second);
    await new Promise((r) => setTimeout(r, 100));
    expect(second.leading()).toBe(false);
    expect(log).toEqual(["a start"]);

    await first.stop();
    await until(() => second.leading());
    expect(log).toEqual(["a start", "a stop", "b start"]);
  });

  it("lets another role's lock be taken at the same time", async () => {
    const log: string[] = [];
    const one = keepLeading(store, { key: KEY, name: "one", role: role("one", log), logger: silentLogger });
    const other = keepLeading(store, { key: KEY + 1, name: "other", role: role("other", log), logger: silentLogger });
    running.push(one, other);
    await until(() => one.leading() && other.leading());
  });
});

describe.skipIf(!testDatabaseUrl)("a role whose process loses its database connection, on postgres", () => {
  const store = useStore(postgresKind, { resetEach: false });
  const running: Leadership[] = [];
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((l) => l.stop()));
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it("is stopped there and taken over by the process standing by", async () => {
    const log: string[] = [];
    const first = keepLeading(await secondHandle(store, opened), { key: KEY, name: "test", role: role("a", log), logger: silentLogger, retryMs: 20, heartbeatMs: 20 });
    running.push(first);
    await until(() => first.leading());
    const second = keepLeading(await secondHandle(store, opened), { key: KEY, name: "test", role: role("b", log), logger: silentLogger, retryMs: 20, heartbeatMs: 20 });
    running.push(second);

    // The connection holding the lock is cut, as when its process dies or the network drops.
    await store.db.execute(
      sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = ${KEY} and database = (select oid from pg_database where datname = current_database())`,
    );
    await until(() => second.leading());
    await until(() => !first.leading());
    expect(log.slice(0, 3).sort()).toEqual(["a start", "a stop", "b start"]);
    expect(log.indexOf("b start")).toBeGreaterThan(0);
  });
});

/**
 * A TCP proxy to PostgreSQL that can go silent, as a connection does when the network between drops
 * everything: nothing passes either way, and a socket closed on one side stays open on the other.
 */
async function silenceableProxy(target: URL) {
  const pairs: [Socket, Socket][] = [];
  let silent = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      from.on("data", (data) => void (silent || to.write(data)));
      from.on("close", () => void (silent || to.destroy()));
      from.on("error", () => {});
    }
    pairs.push([client, upstream]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: url.toString(),
    goSilent: () => void (silent = true),
    /** Ends every connection, on both sides, and takes no more. */
    cut: () => {
      server.close();
      pairs.forEach(([a, b]) => (a.destroy(), b.destroy()));
    },
  };
}

describe.skipIf(!testDatabaseUrl)("a role whose database connection goes silent, on postgres", () => {
  const store = useStore(postgresKind, { resetEach: false });

  it("is stopped there within seconds, and taken over only once the session has really ended", { timeout: 20_000 }, async () => {
    const proxy = await silenceableProxy(new URL(store.databaseUrl!));
    const throughProxy = await openStore({ databaseUrl: proxy.url, maxConnections: 1 });
    const log: string[] = [];
    const first = keepLeading(throughProxy, { key: KEY, name: "test", role: role("a", log), logger: silentLogger, retryMs: 50, heartbeatMs: 200 });
    await until(() => first.leading());
    const second = keepLeading(store, { key: KEY, name: "test", role: role("b", log), logger: silentLogger, retryMs: 50 });
    try {
      proxy.goSilent();
      await until(() => !first.leading(), "the silent holder to stop", 8_000);
      expect(log).toEqual(["a start", "a stop"]);
      // PostgreSQL still sees the silent session holding the lock: nobody else may run the role yet.
      await new Promise((r) => setTimeout(r, 300));
      expect(second.leading()).toBe(false);

      proxy.cut();
      await until(() => second.leading());
      expect(log).toEqual(["a start", "a stop", "b start"]);
    } finally {
      proxy.cut();
      await Promise.all([first.stop(), second.stop()]);
      await throughProxy.close().catch(() => {});
    }
  });
});
