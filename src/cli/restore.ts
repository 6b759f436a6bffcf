// npm run restore -- <file>: puts a backup made by `npm run backup` into DATA_DIR, which must hold no
// database yet (stop the server and move the old folder aside first). Then start the server on it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError, parseEnv } from "../config.ts";
import { ownerOf, restoreDataDir } from "../store/backup.ts";
import { StoreError } from "../store/db.ts";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  if (env.DATABASE_URL) throw new ConfigError("DATABASE_URL is set: restore PostgreSQL with pg_restore (see docs/deployment.md)");
  const file = process.argv[2];
  if (!file) throw new ConfigError("name the backup file: npm run restore -- backups/soudan-….tar.gz");
  const dataDir = resolve(env.DATA_DIR);
  const owner = ownerOf(dataDir);
  if (owner) throw new StoreError(`${dataDir} is in use by a running process (pid ${owner}): stop it first.`);
  let data: Buffer;
  try {
    data = readFileSync(resolve(file));
  } catch {
    throw new ConfigError(`cannot read ${resolve(file)}`);
  }
  const { bookings } = await restoreDataDir(dataDir, new Blob([new Uint8Array(data)]));
  console.log(`restored ${resolve(file)} into ${dataDir}: ${bookings} bookings`);
}

main().catch((error: unknown) => {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
