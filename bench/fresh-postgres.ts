import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openStore, type Store } from "../src/store/db.ts";
import { benchDatabaseUrl } from "./stats.ts";

/** A new, migrated PostgreSQL database for one bench, dropped on close. */
export async function freshPostgres(maxConnections = 10): Promise<Store & { url: string }> {
  const admin = postgres(benchDatabaseUrl, { max: 1, onnotice: () => {} });
  const name = `soudan_bench_${randomBytes(5).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(benchDatabaseUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), maxConnections });
  return {
    ...store,
    url: url.toString(),
    async close() {
      await store.close();
      const again = postgres(benchDatabaseUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
