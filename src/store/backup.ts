// Backups of the embedded store (PGlite): its data folder as a gzipped tar. A running server makes
// the copy itself, between transactions (src/run/backupSignal.ts); a folder no process holds is
// opened here just long enough to copy it. PostgreSQL is backed up with its own tools (pg_dump, PITR).
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { isAlive, StoreError, takeLock } from "./db.ts";

const LOCK_FILE = "store.lock";
const DATABASE_FOLDER = "pglite";

/** The pid of the live process that holds the data folder, if one does. */
export function ownerOf(dataDir: string): number | undefined {
  const path = join(resolve(dataDir), LOCK_FILE);
  if (!existsSync(path)) return undefined;
  const pid = Number(readFileSync(path, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined;
}

function holdsDatabase(dataDir: string): boolean {
  const folder = join(resolve(dataDir), DATABASE_FOLDER);
  return existsSync(folder) && readdirSync(folder).length > 0;
}

/** Copies a data folder that no process holds (the server is stopped). */
export async function dumpIdleDataDir(dataDir: string): Promise<Blob> {
  if (!holdsDatabase(dataDir)) throw new StoreError(`There is no embedded database in ${resolve(dataDir)} (DATA_DIR).`);
  const release = takeLock(join(resolve(dataDir), LOCK_FILE));
  try {
    const client = new PGlite(join(resolve(dataDir), DATABASE_FOLDER));
    try {
      await client.exec("checkpoint");
      return await client.dumpDataDir("gzip");
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a backup into a data folder that holds no database yet, and counts the bookings it holds.
 * The server applies any newer migrations when it starts on it.
 */
export async function restoreDataDir(dataDir: string, backup: Blob): Promise<{ bookings: number }> {
  const folder = resolve(dataDir);
  if (holdsDatabase(folder)) {
    throw new StoreError(`${folder} already holds a database: restore into an empty DATA_DIR, or move this one aside first.`);
  }
  mkdirSync(folder, { recursive: true });
  const release = takeLock(join(folder, LOCK_FILE));
  try {
    let client: PGlite;
    try {
      client = new PGlite(join(folder, DATABASE_FOLDER), { loadDataDir: backup });
      await client.waitReady;
    } catch (error) {
      throw new StoreError(`The backup could not be restored (not a backup of this product's database?): ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      const { rows } = await client.query<{ n: number }>("select count(*)::int as n from bookings");
      return { bookings: rows[0]?.n ?? 0 };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}
