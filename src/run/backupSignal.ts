// `npm run backup` while the server runs on the embedded store: the data folder is the server's (two
// PGlite instances on one folder would corrupt it), so the command asks the server for the copy. It
// writes what it wants into the data folder and sends SIGUSR2 to the pid in the lock file; the server
// writes the backup where asked, then its answer beside the request. Only the same user (or root) can
// send the signal, as only they can read the data folder.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import type { Store } from "../store/db.ts";

const REQUEST_FILE = "backup.request.json";
const ANSWER_FILE = "backup.answer.json";

interface BackupRequest {
  id: string;
  /** Absolute path of the file to write. */
  out: string;
}
type BackupAnswer = { id: string; ok: true; bytes: number } | { id: string; ok: false; error: string };

/** Writes a file whole or not at all: aside, then renamed. */
function writeWhole(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** In the server: answers backup requests (SIGUSR2) on the embedded store. */
export function answerBackupRequests(store: Pick<Store, "dumpData">, dataDir: string, logger: Logger): () => void {
  const dump = store.dumpData;
  if (!dump) return () => {};
  let busy = false;
  const onSignal = () => {
    if (busy) return;
    busy = true;
    let request: BackupRequest | undefined;
    void (async () => {
      request = JSON.parse(readFileSync(join(dataDir, REQUEST_FILE), "utf8")) as BackupRequest;
      const started = performance.now();
      const data = new Uint8Array(await (await dump()).arrayBuffer());
      writeWhole(request.out, data);
      writeWhole(join(dataDir, ANSWER_FILE), JSON.stringify({ id: request.id, ok: true, bytes: data.byteLength } satisfies BackupAnswer));
      logger.info({ bytes: data.byteLength, ms: Math.round(performance.now() - started) }, "backup written");
    })()
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        logger.error({ err: message }, "backup failed");
        if (request) writeWhole(join(dataDir, ANSWER_FILE), JSON.stringify({ id: request.id, ok: false, error: message } satisfies BackupAnswer));
      })
      .finally(() => (busy = false));
  };
  process.on("SIGUSR2", onSignal);
  return () => process.off("SIGUSR2", onSignal);
}

/** In `npm run backup`: asks the server holding the data folder for a backup written to `out`. */
export async function requestBackup(dataDir: string, pid: number, out: string, timeoutMs = 120_000): Promise<{ bytes: number }> {
  const id = randomUUID();
  const answerPath = join(dataDir, ANSWER_FILE);
  rmSync(answerPath, { force: true });
  writeWhole(join(dataDir, REQUEST_FILE), JSON.stringify({ id, out } satisfies BackupRequest));
  process.kill(pid, "SIGUSR2");
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (existsSync(answerPath)) {
      const answer = JSON.parse(readFileSync(answerPath, "utf8")) as BackupAnswer;
      if (answer.id === id) {
        rmSync(answerPath, { force: true });
        rmSync(join(dataDir, REQUEST_FILE), { force: true });
        if (!answer.ok) throw new Error(`the server could not write the backup: ${answer.error}`);
        return { bytes: answer.bytes };
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server (pid ${pid}) did not answer within ${timeoutMs / 1000} s: is it this product's server, started after the backup feature?`);
}
