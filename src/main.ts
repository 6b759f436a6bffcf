import { serve } from "@hono/node-server";
import { runLineProcessing, watchLineBacklog } from "./bot/line/runtime.ts";
import { createApp } from "./http/app.ts";
import { errorFields } from "./logger.ts";
import { answerBackupRequests } from "./run/backupSignal.ts";
import { serveMetrics } from "./run/metricsServer.ts";
import { openServices, runProcess } from "./run/services.ts";
import { SWEEP_EVERY_MS, sweepOnce } from "./run/sweep.ts";

runProcess(async () => {
  const { config, logger, clock, store, mailer, workers, deps, line } = await openServices();
  const app = createApp(deps);
  // Deliveries an earlier process kept on disk while the database was away go in first: until the file
  // is open, a new delivery would not know to queue behind them.
  line?.spool.start();
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    logger.info({ port: info.port, store: store.kind, line: Boolean(line), lineProcessor: line ? config.LINE_PROCESSOR : undefined }, "listening");
  });
  const metricsServer = serveMetrics(deps);
  const stopAnsweringBackups = answerBackupRequests(store, config.DATA_DIR, logger);
  workers.start();
  const lineProcessing = line && config.LINE_PROCESSOR === "inline" ? await runLineProcessing(store, line, logger) : undefined;
  const lineBacklog = line ? watchLineBacklog(store, logger, clock) : undefined;

  const sweeper = setInterval(() => {
    sweepOnce(store.db, config, clock())
      .then(({ bookings, forgotten, erased, pruned, waitlist }) => {
        const waitlistMoved = waitlist.offered + waitlist.lapsed + waitlist.ended > 0;
        if (bookings.noShows > 0 || forgotten.conversations > 0 || erased.bookings > 0 || waitlistMoved) logger.info({ ...bookings, forgotten, erased, pruned, waitlist }, "sweep");
        if (bookings.noShows > 0 || waitlistMoved) workers.wake();
      })
      .catch((error: unknown) => logger.warn({ err: errorFields(error) }, "sweep failed"));
  }, SWEEP_EVERY_MS);
  sweeper.unref();

  return async (signal) => {
    logger.info({ signal }, "stopping");
    clearInterval(sweeper);
    stopAnsweringBackups();
    lineBacklog?.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([closed, metricsServer?.close(), workers.stop(), lineProcessing?.stop()]);
    await line?.spool.stop();
    mailer.close();
    await store.close();
    logger.info("stopped");
  };
});
