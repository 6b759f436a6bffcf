import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite, type QueryOptions, type Transaction } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { asset } from "../paths.ts";
import { twoLanes, type Lane, type TwoLanes } from "./lanes.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, any>;
/** Either the database or a transaction: repository functions take this and never the outer db. */
export type Executor = Db | Tx;

export interface Store {
  db: Db;
  /**
   * The same database, for the few statements a caller must finish within a deadline (the LINE
   * webhook's insert: LINE gives up after about two seconds). On PGlite's one connection they wait
   * for at most the statement or transaction in progress, never behind the queued work of db; on
   * PostgreSQL it is db.
   */
  priorityDb: Db;
  kind: "pglite" | "postgres";
  /** Whether the database answers and the migrations are applied. */
  ready(): Promise<boolean>;
  /** Calls back on every NOTIFY on the channel, from any process; resolves to the unsubscribe. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** NOTIFY outside any transaction: the listeners of every process sharing the database hear it. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * PostgreSQL only: a connection of its own on which this process joins the processes sharing
   * work split into numbered parts under key, and takes and gives back parts (session advisory
   * locks: a part is held by one process at a time, and let go when its connection ends).
   */
  partitionLocks?(key: number): Promise<PartitionLocks>;
  /**
   * The embedded database's folder as a gzipped tar, taken while no transaction runs (after a
   * checkpoint), so it restores to a consistent state. PGlite only: PostgreSQL has pg_dump.
   */
  dumpData?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface PartitionLocks {
  /** How many processes share the work now, this one included, and where this one comes among them (0-based). */
  members(): Promise<{ count: number; rank: number }>;
  /** The parts no process holds. */
  free(count: number): Promise<number[]>;
  /** Takes a part unless another process has it meanwhile. */
  take(part: number): Promise<boolean>;
  give(part: number): Promise<void>;
  /** The parts this session holds; throws once the session has ended (so every one is let go). */
  held(): Promise<number[]>;
  /** Ends the session, letting every part go. */
  end(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string from outside can be compared with a uuid column (anything else would be an SQL error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export class StoreError extends Error {
  override name = "StoreError";
}

/**
 * Whether an error says the database cannot be reached right now (connection refused, reset or
 * timed out, the server shutting down or not accepting connections), rather than a bug or a bad row.
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|CONNECT_TIMEOUT|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED)$/.test(code)) return true;
    // SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, cannot connect now).
    if (/^08...$/.test(code) || /^57P0[123]$/.test(code)) return true;
  }
  return false;
}

const migrationsFolder = asset("drizzle");
const CONNECT_TIMEOUT_SECONDS = 5;
const REQUEST_CONNECT_TIMEOUT_SECONDS = 1.5;
// Chosen once: two processes migrating one PostgreSQL wait for each other on this lock.
const MIGRATION_LOCK_KEY = 4_201_862_864;

export interface OpenStoreOptions {
  /** postgres:// URL; without it the embedded PGlite store in dataDir is used. */
  databaseUrl?: string;
  /** Folder of the embedded store. */
  dataDir?: string;
  /** An in-memory PGlite (tests). */
  memory?: boolean;
  /** Connections of the PostgreSQL pool. */
  maxConnections?: number;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options);
}

async function openPostgres(url: string, max: number): Promise<Store> {
  const client = postgres(url, {
    max,
    // While the database is away a request waits for a connection at most this long, then answers
    // 503 (the routes promise an answer within 2 s); reconnects are tried at least every half second.
    connect_timeout: REQUEST_CONNECT_TIMEOUT_SECONDS,
    backoff: (retries: number) => Math.min(0.5, 0.05 * 2 ** retries),
    onnotice: () => {},
    // Instants are read in UTC whatever the server's TimeZone setting.
    connection: { TimeZone: "UTC" },
  });
  const db = drizzlePostgres(preparedStatements(client), { schema }) as unknown as Db;
  try {
    // One connection of its own, so the advisory lock and the migration share a session.
    const migrator = postgres(url, { max: 1, connect_timeout: CONNECT_TIMEOUT_SECONDS, onnotice: () => {} });
    try {
      await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await migratePostgres(drizzlePostgres(migrator, { schema }), { migrationsFolder });
    } finally {
      await migrator.end({ timeout: 1 }).catch(() => {});
    }
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new StoreError(`Cannot open the PostgreSQL database at DATABASE_URL (${describeHost(url)}): ${reason(error)}`);
  }
  return {
    db,
    priorityDb: db,
    kind: "postgres",
    ready: () => migrationsApplied(db),
    listen: async (channel, onNotify) => {
      const subscription = await client.listen(channel, onNotify);
      return () => subscription.unlisten();
    },
    notify: async (channel, payload) => {
      await client.notify(channel, payload);
    },
    partitionLocks: (key) => partitionLocks(url, key),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * drizzle sends each query unnamed (`prepare: false`), and for an unnamed query with parameters
 * postgres.js first asks the server for the parameter types: two round trips, every time. Named
 * statements are described once per connection and then run in one round trip (and planned once),
 * which halves the round trips of a LINE event's turn. Transactions and savepoints get the same.
 */
function preparedStatements<T extends postgres.Sql | postgres.TransactionSql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const open = Reflect.get(target, property, receiver) as (...a: unknown[]) => Promise<unknown>;
          return open.call(target, ...args, (tx: postgres.TransactionSql) => callback(preparedStatements(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The second key of the shared lock every member holds: far above any part's number. */
const MEMBER = 1_000_000;

async function partitionLocks(url: string, key: number): Promise<PartitionLocks> {
  const session = postgres(url, { max: 1, connect_timeout: CONNECT_TIMEOUT_SECONDS, max_lifetime: null, idle_timeout: 0, onnotice: () => {} });
  const end = () => session.end({ timeout: 1 }).catch(() => {});
  // Parts are (key, n) locks; pg_locks shows the second key as objid (an oid) with objsubid 2.
  const ours = (pids: "all" | "mine") =>
    session<{ part: number; pid: number }[]>`
      select objid::int8 as part, pid from pg_locks
      where locktype = 'advisory' and granted and objsubid = 2 and classid = ${key}::int8::oid
        and database = (select oid from pg_database where datname = current_database())
        ${pids === "mine" ? session`and pid = pg_backend_pid()` : session``}`;
  let pid: number;
  try {
    const [row] = await session<{ pid: number }[]>`select pg_advisory_lock_shared(${key}::int4, ${MEMBER}::int4), pg_backend_pid() as pid`;
    pid = row!.pid;
  } catch (error) {
    await end();
    throw error;
  }
  return {
    members: async () => {
      const rows = await ours("all");
      const pids = [...new Set(rows.filter((r) => Number(r.part) === MEMBER).map((r) => r.pid))].sort((a, b) => a - b);
      return { count: pids.length, rank: Math.max(0, pids.indexOf(pid)) };
    },
    free: async (count) => {
      const taken = new Set((await ours("all")).map((r) => Number(r.part)));
      return Array.from({ length: count }, (_, part) => part).filter((part) => !taken.has(part));
    },
    take: async (part) => {
      const [row] = await session<{ ok: boolean }[]>`select pg_try_advisory_lock(${key}::int4, ${part}::int4) as ok`;
      return row?.ok === true;
    },
    give: async (part) => {
      await session`select pg_advisory_unlock(${key}::int4, ${part}::int4)`;
    },
    held: async () => {
      const rows = await ours("mine");
      // A new backend behind the same client would hold nothing: the old session, and its parts, are gone.
      if (!rows.some((r) => Number(r.part) === MEMBER && r.pid === pid)) throw new StoreError("the partition session ended");
      return rows.map((r) => Number(r.part)).filter((part) => part !== MEMBER);
    },
    end,
  };
}

async function openPglite(options: OpenStoreOptions): Promise<Store> {
  let release = () => {};
  let client: PGlite;
  if (options.memory) {
    client = new PGlite();
  } else {
    const dataDir = resolve(options.dataDir ?? "./data");
    mkdirSync(dataDir, { recursive: true });
    release = takeLock(join(dataDir, "store.lock"));
    try {
      client = new PGlite(join(dataDir, "pglite"));
      await client.waitReady;
    } catch (error) {
      release();
      throw new StoreError(`Cannot open the embedded database in ${dataDir}: ${reason(error)}`);
    }
  }
  const lanes = twoLanes();
  const db = drizzlePglite({ client: inLane(client, lanes, "second"), schema }) as unknown as Db;
  const priorityDb = drizzlePglite({ client: inLane(client, lanes, "first"), schema }) as unknown as Db;
  try {
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
  } catch (error) {
    await client.close().catch(() => {});
    release();
    throw new StoreError(`Cannot apply the database migrations: ${reason(error)}`);
  }
  return {
    db,
    priorityDb,
    kind: "pglite",
    // In the first lane: a busy processor must not make the store look away (the request deadline pings it).
    ready: () => migrationsApplied(priorityDb),
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    notify: async (channel, payload) => {
      await lanes.run("second", () => client.query("select pg_notify($1, $2)", [channel, payload]));
    },
    // Holding the transaction lock keeps every other transaction out while the files are read.
    dumpData: () =>
      lanes.run("second", () =>
        client.transaction(async (tx) => {
          await tx.exec("checkpoint");
          return client.dumpDataDir("gzip");
        }),
      ),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * The PGlite client as drizzle uses it (statements and transactions), each waiting in one lane of
 * the queue in front of the connection. PGlite's own queue is first come, first served, so it only
 * ever holds the one thing the lanes let through. A transaction holds the connection until it ends:
 * the first lane waits for it, which is why the processors' transactions stay a few statements long.
 */
function inLane(client: PGlite, lanes: TwoLanes, lane: Lane): PGlite {
  const laned: Pick<PGlite, "query" | "exec" | "transaction"> = {
    query: (query: string, params?: unknown[], options?: QueryOptions) => lanes.run(lane, () => client.query(query, params, options)),
    exec: (query: string, options?: QueryOptions) => lanes.run(lane, () => client.exec(query, options)),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) => lanes.run(lane, () => client.transaction(callback)),
  };
  return laned as PGlite;
}

/**
 * PGlite has no lock between processes: two servers on one data folder would corrupt it. The lock
 * file holds the owner's pid; a lock left by a dead process is taken over.
 */
export function takeLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new StoreError(
          `The data folder ${resolve(path, "..")} is in use by another process (pid ${owner}). ` +
            "Stop it first, or set DATA_DIR to another folder.",
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new StoreError(`Cannot take the lock ${path}`);
}

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function migrationsApplied(db: Db): Promise<boolean> {
  try {
    const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const rows = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number }[];
    return (list[0]?.n ?? 0) >= journal.entries.length;
  } catch {
    return false;
  }
}

function describeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "an unparsable URL";
  }
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ? `${(error as NodeJS.ErrnoException).code} ${error.message}` : error.message;
  return String(error);
}
