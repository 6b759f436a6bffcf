import { join } from "node:path";
import type { Logger } from "pino";
import { lineRuntimeOf, type LineRuntime } from "../bot/line/runtime.ts";
import { ConfigError, loadConfig, type Config } from "../config.ts";
import { catalogues, staffCatalogues } from "../i18n/index.ts";
import type { AppDeps } from "../http/app.ts";
import { createLogger, errorFields } from "../logger.ts";
import { createJobHandlers } from "../notify/handlers.ts";
import { createMailer, type Mailer } from "../notify/mail/transport.ts";
import { createOutboxWorkers, type OutboxWorkers } from "../notify/outboxWorker.ts";
import { parseStaffChannels } from "../notify/staffChannels.ts";
import { syncCounsellors } from "../store/bookings.ts";
import { ensureTermsVersions } from "../store/conversations.ts";
import { openStore, StoreError, type Store } from "../store/db.ts";
import { sharedSecret } from "../store/secrets.ts";

/** What both processes (the server and the LINE worker) run on: one config, store, outbox and LINE client. */
export interface Services {
  config: Config;
  logger: Logger;
  clock: () => Date;
  store: Store;
  mailer: Mailer;
  workers: OutboxWorkers;
  deps: AppDeps;
  line: LineRuntime | undefined;
}

export async function openServices(configured: Config = loadConfig()): Promise<Services> {
  const channels = parseStaffChannels(process.env);
  const logger = createLogger(configured.LOG_LEVEL);
  const clock = () => new Date();
  const store = await openStore({ databaseUrl: configured.DATABASE_URL, dataDir: configured.DATA_DIR });
  // Without a configured key the mail links are signed with one kept in the database, shared by every process.
  const config = configured.MANAGE_LINK_SECRET ? configured : { ...configured, MANAGE_LINK_SECRET: await sharedSecret(store.db, "manage-link") };
  await syncCounsellors(store.db, config.offices);
  await ensureTermsVersions(store.db, config.terms);

  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailDir: join(config.DATA_DIR, "mail") });
  const deps: AppDeps = { config, store, logger, clock, wakeOutbox: () => workers.wake() };
  const line = lineRuntimeOf(deps);
  const workers = createOutboxWorkers({
    db: store.db,
    clock,
    concurrency: config.OUTBOX_WORKERS,
    horizonMs: config.OUTBOX_RETRY_HOURS * 3_600_000,
    backoff: { baseMs: Math.min(5_000, config.OUTBOX_BACKOFF_MAX_SECONDS * 1_000), maxMs: config.OUTBOX_BACKOFF_MAX_SECONDS * 1_000 },
    leaseMs: config.OUTBOX_LEASE_SECONDS * 1_000,
    handlers: createJobHandlers({ db: store.db, config, channels, mailer, line: line?.client, clock }),
    onError: (error, job, outcome) => {
      const fields = { jobId: job?.id, kind: job?.kind, attempts: job?.attempts, outcome, err: errorFields(error) };
      // A dead job needs a person: GET /api/staff/outbox?status=dead lists it, POST …/requeue retries it.
      if (outcome === "dead") logger.error(fields, "outbox job dead");
      else logger.warn(fields, "outbox job failed");
    },
  });
  return { config, logger, clock, store, mailer, workers, deps, line };
}

const productName = staffCatalogues.ja.app.name;

/**
 * Runs a process's main: a configuration or database problem ends it with one line naming it, and
 * SIGTERM or SIGINT runs the stop it returned, then exits 0.
 */
export function runProcess(main: () => Promise<(signal: string) => Promise<void>>): void {
  main()
    .then((stop) => {
      let stopping = false;
      const onSignal = (signal: string) => {
        if (stopping) return;
        stopping = true;
        void stop(signal).then(() => process.exit(0));
      };
      process.on("SIGTERM", () => onSignal("SIGTERM"));
      process.on("SIGINT", () => onSignal("SIGINT"));
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof StoreError) {
        console.error(`${productName} cannot start: ${error.message}`);
      } else {
        console.error(`${productName} cannot start:`, error);
      }
      process.exit(1);
    });
}
