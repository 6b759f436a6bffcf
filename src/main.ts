import { join } from "node:path";
import { serve } from "@hono/node-server";
import { lineRuntimeOf } from "./bot/line/runtime.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { createApp, type AppDeps } from "./http/app.ts";
import { createLogger } from "./logger.ts";
import { createJobHandlers } from "./notify/handlers.ts";
import { createMailer } from "./notify/mail/transport.ts";
import { createOutboxWorkers } from "./notify/outboxWorker.ts";
import { parseStaffChannels } from "./notify/staffChannels.ts";
import { sweep, syncCounsellors } from "./store/bookings.ts";
import { ensureTermsVersions, forgetIdle } from "./store/conversations.ts";
import { openStore, StoreError } from "./store/db.ts";

const SWEEP_EVERY_MS = 60_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const channels = parseStaffChannels(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const clock = () => new Date();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await syncCounsellors(store.db, config.offices);
  await ensureTermsVersions(store.db, config.terms);

  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailDir: join(config.DATA_DIR, "mail") });
  const deps: AppDeps = { config, store, logger, clock, wakeOutbox: () => workers.wake() };
  const line = lineRuntimeOf(deps);
  const workers = createOutboxWorkers({
    db: store.db,
    clock,
    concurrency: config.OUTBOX_WORKERS,
    handlers: createJobHandlers({ db: store.db, config, channels, mailer, line: line?.client, clock }),
    onError: (error, job, outcome) =>
      logger.warn({ jobId: job?.id, kind: job?.kind, outcome, error: error instanceof Error ? error.message : String(error) }, "outbox job failed"),
  });
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    logger.info({ port: info.port, store: store.kind, line: Boolean(line) }, "listening");
  });
  workers.start();
  line?.processor.start();

  // No-shows (10 minutes after the start), holds that ran out, and personal data idle conversations no longer need.
  const sweeper = setInterval(() => {
    const now = clock();
    Promise.all([sweep(store.db, now), forgetIdle(store.db, new Date(now.getTime() - config.CONVERSATION_RESET_HOURS * 3_600_000))])
      .then(([result, forgotten]) => {
        if (result.noShows > 0 || forgotten.conversations > 0) logger.info({ ...result, forgotten }, "sweep");
        if (result.noShows > 0) workers.wake();
      })
      .catch((error: unknown) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, "sweep failed"));
  }, SWEEP_EVERY_MS);
  sweeper.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    clearInterval(sweeper);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([closed, workers.stop(), line?.processor.stop()]);
    mailer.close();
    await store.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreError) {
    console.error(`相談予約ボット cannot start: ${error.message}`);
  } else {
    console.error("相談予約ボット cannot start:", error);
  }
  process.exit(1);
});
