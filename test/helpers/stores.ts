import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { openStore, type Store } from "../../src/store/db.ts";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export interface StoreKind {
  name: "pglite" | "postgres";
  /** A fresh, migrated, empty store of its own. */
  open(): Promise<TestStore>;
}

export interface TestStore extends Store {
  /** Empties every table. */
  reset(): Promise<void>;
  /** The PostgreSQL URL of this store's own database, for a second pool. */
  databaseUrl?: string;
}

const tables = [
  "audit_log",
  "outbox",
  "webhook_inbox",
  "consents",
  "terms_versions",
  "messages",
  "conversations",
  "seeker_clearances",
  "booking_notes",
  "bookings",
  "closures",
  "absences",
  "counsellors",
  "sign_in_throttles",
  "staff_sessions",
  "staff_users",
  "email_codes",
  "rate_limits",
  "waitlist_entries",
  "server_secrets",
];

function withReset(store: Store, drop: () => Promise<void> = async () => {}, databaseUrl?: string): TestStore {
  return {
    ...store,
    databaseUrl,
    async reset() {
      await store.db.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
    },
    async close() {
      await store.close();
      await drop();
    },
  };
}

const pglite: StoreKind = {
  name: "pglite",
  open: async () => withReset(await openStore({ memory: true })),
};

/** Each test file gets a database of its own, so files can run in parallel. */
const postgresKind: StoreKind = {
  name: "postgres",
  async open() {
    const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
    const name = `soudan_test_${randomBytes(6).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    const store = await openStore({ databaseUrl: url.toString(), maxConnections: 12 });
    return withReset(store, async () => {
      const again = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    }, url.toString());
  },
};

export const storeKinds: StoreKind[] = testDatabaseUrl ? [pglite, postgresKind] : [pglite];
export { postgresKind };

/**
 * A store of this kind for the whole file: opened before the first test, emptied before each one
 * (unless told otherwise) and closed after the last. The object is filled in when it opens.
 */
export function useStore(kind: StoreKind = pglite, options: { resetEach?: boolean } = {}): TestStore {
  const store = {} as TestStore;
  beforeAll(async () => {
    Object.assign(store, await kind.open());
  });
  afterAll(async () => {
    await store.close?.();
  });
  if (options.resetEach !== false) {
    beforeEach(async () => {
      await store.reset();
    });
  }
  return store;
}
