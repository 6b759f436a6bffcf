import { serve } from "@hono/node-server";
import { ConfigError, loadConfig } from "./config.ts";
import { createApp } from "./http/app.ts";
import { createLogger } from "./logger.ts";
import { createOutboxWorkers } from "./notify/outboxWorker.ts";
import { openStore, StoreError } from "./store/db.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const clock = () => new Date();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });

  const workers = createOutboxWorkers({
    db: store.db,
    clock,
    concurrency: config.OUTBOX_WORKERS,
    handlers: {},
    onError: (error, job, outcome) =>
      logger.warn({ jobId: job?.id, kind: job?.kind, outcome, error: error instanceof Error ? error.message : String(error) }, "outbox job failed"),
  });
  const app = createApp({ config, store, logger, clock, wakeOutbox: () => workers.wake() });
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    logger.info({ port: info.port, store: store.kind }, "listening");
  });
  workers.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([closed, workers.stop()]);
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
