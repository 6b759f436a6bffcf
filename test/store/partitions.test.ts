// Work split into parts shared by the processes that run it: each part in one process at a time.
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import { openStore, type Store } from "../../src/store/db.ts";
import { shareParts, type PartitionedRole, type Partitions } from "../../src/store/partitions.ts";
import { postgresKind, testDatabaseUrl, useStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";

const KEY = 77_001;
const COUNT = 16;

/** A role that records when it runs, and holds the work of the parts in `busy`. */
function role(name: string, log: string[], busy = new Set<number>()): PartitionedRole {
  return {
    start: () => void log.push(`${name} start`),
    stop: async () => void log.push(`${name} stop`),
    wake: () => {},
    busyWith: (part) => busy.has(part),
  };
}

describe("parts on the embedded store", () => {
  const store = useStore();

  it("are all run by the one process there is", async () => {
    const log: string[] = [];
    const parts = shareParts(store, { key: KEY, count: COUNT, name: "test", role: role("a", log), logger: silentLogger });
    expect(parts.mine()).toBeNull();
    expect(parts.leading()).toBe(true);
    await parts.stop();
    expect(log).toEqual(["a start", "a stop"]);
  });
});

describe.skipIf(!testDatabaseUrl)("parts shared by processes, on postgres", () => {
  const store = useStore(postgresKind, { resetEach: false });
  const running: Partitions[] = [];
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop()));
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  /** Another process's handle on the database. */
  async function process(name: string, log: string[], busy?: Set<number>, heartbeatMs = 30): Promise<Partitions> {
    const other = await openStore({ databaseUrl: store.databaseUrl!, maxConnections: 1 });
    opened.push(other);
    const parts = shareParts(other, { key: KEY, count: COUNT, name, role: role(name, log, busy), logger: silentLogger, heartbeatMs });
    running.push(parts);
    return parts;
  }
  const sizes = (...all: Partitions[]) => all.map((p) => p.mine()!.length);
  const overlap = (a: Partitions, b: Partitions) => a.mine()!.filter((part) => b.mine()!.includes(part));

  it("go to the first process, are split evenly as others join, and return to the others when one stops", async () => {
    const log: string[] = [];
    const a = await process("a", log);
    await until(() => a.mine()?.length === COUNT, "a holding every part");
    const b = await process("b", log);
    await until(() => sizes(a, b).join() === "8,8", "an even split between two");
    expect(overlap(a, b)).toEqual([]);
    const c = await process("c", log);
    await until(() => sizes(a, b, c).sort().join() === "5,5,6", "a fair split between three", 5_000);
    expect(new Set([...a.mine()!, ...b.mine()!, ...c.mine()!]).size).toBe(COUNT);

    await c.stop();
    await until(() => sizes(a, b).join() === "8,8", "the stopped one's parts taken by the others", 5_000);
    expect(log.filter((l) => l.endsWith("start"))).toEqual(["a start", "b start", "c start"]);
    expect(log).toContain("c stop");
  });

  it("hands a part on only once its work here is done", async () => {
    const busy = new Set<number>(Array.from({ length: COUNT }, (_, part) => part));
    const a = await process("a", [], busy);
    await until(() => a.mine()?.length === COUNT, "a holding every part");
    const b = await process("b", []);
    // a stops taking new work of the parts it hands on at once, but keeps them while busy.
    await until(() => a.mine()!.length === 8, "a handing half on");
    await new Promise((r) => setTimeout(r, 200));
    expect(b.mine()).toEqual([]);
    busy.clear();
    await until(() => b.mine()!.length === 8, "b taking them once a is done");
    expect(overlap(a, b)).toEqual([]);
  });

  it("leave a process whose connection is cut, and go to the others", async () => {
    const log: string[] = [];
    const a = await process("a", log);
    await until(() => a.mine()?.length === COUNT);
    const b = await process("b", log);
    await until(() => sizes(a, b).join() === "8,8");
    // a's session is ended by the server, as when its process dies or the network drops.
    await store.db.execute(sql`
      select pg_terminate_backend(pid) from pg_locks
      where locktype = 'advisory' and classid = ${KEY} and objid::int8 = any(${`{${a.mine()!.join(",")}}`}::int8[])
        and database = (select oid from pg_database where datname = current_database())`);
    await until(() => b.mine()!.length === COUNT, "b taking every part", 5_000);
    await until(() => log.includes("a stop"), "a stopping", 5_000);
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

describe.skipIf(!testDatabaseUrl)("parts of a process whose database connection goes silent, on postgres", () => {
  const store = useStore(postgresKind, { resetEach: false });

  it("are stopped there within seconds, and taken by another only once the session has really ended", { timeout: 20_000 }, async () => {
    const proxy = await silenceableProxy(new URL(store.databaseUrl!));
    const throughProxy = await openStore({ databaseUrl: proxy.url, maxConnections: 1 });
    const log: string[] = [];
    const first = shareParts(throughProxy, { key: KEY, count: COUNT, name: "a", role: role("a", log), logger: silentLogger, heartbeatMs: 200 });
    await until(() => first.mine()?.length === COUNT);
    const second = shareParts(store, { key: KEY, count: COUNT, name: "b", role: role("b", log), logger: silentLogger, heartbeatMs: 50 });
    try {
      proxy.goSilent();
      await until(() => !first.leading(), "the silent holder to stop", 8_000);
      expect(log).toEqual(["a start", "a stop"]);
      // PostgreSQL still sees the silent session holding the parts: nobody else may run them yet.
      await new Promise((r) => setTimeout(r, 300));
      expect(second.leading()).toBe(false);

      proxy.cut();
      await until(() => second.mine()?.length === COUNT, "the parts taken once the session ended", 5_000);
      expect(log).toEqual(["a start", "a stop", "b start"]);
    } finally {
      proxy.cut();
      await Promise.all([first.stop(), second.stop()]);
      await throughProxy.close().catch(() => {});
    }
  });
});
