// npm run backup -- [file]: a consistent copy of the embedded database (DATA_DIR), whether the server
// runs or not. Default file: ./backups/soudan-<UTC time>.tar.gz. PostgreSQL: use pg_dump (docs/deployment.md).
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError, parseEnv } from "../config.ts";
import { requestBackup } from "../run/backupSignal.ts";
import { dumpIdleDataDir, ownerOf } from "../store/backup.ts";
import { StoreError } from "../store/db.ts";

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  if (env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is set: back PostgreSQL up with pg_dump (see docs/deployment.md); npm run backup is for the embedded store");
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const out = resolve(process.argv[2] ?? `backups/soudan-${stamp}.tar.gz`);
  mkdirSync(dirname(out), { recursive: true });
  const dataDir = resolve(env.DATA_DIR);
  const owner = ownerOf(dataDir);
  if (owner) {
    await requestBackup(dataDir, owner, out);
    console.log(`backup of ${dataDir} written by the running server (pid ${owner}) to ${out} (${statSync(out).size} bytes)`);
  } else {
    const data = new Uint8Array(await (await dumpIdleDataDir(dataDir)).arrayBuffer());
    writeFileSync(out, data);
    console.log(`backup of ${dataDir} written to ${out} (${data.byteLength} bytes)`);
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StoreError;
  console.error(`backup failed: ${known || error instanceof Error ? (error as Error).message : String(error)}`);
  process.exit(1);
});
