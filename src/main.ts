import { serve } from "@hono/node-server";
import { runLineProcessing, watchLineBacklog } from "./bot/line/runtime.ts";
import { createApp } from "./http/app.ts";
import { errorFields } from "./logger.ts";
import { answerBackupRequests } from "./run/backupSignal.ts";
import { serveMetrics } from "./run/metricsServer.ts";
import { openServices, runProcess } from "./run/services.ts";
import { sweep } from "./store/bookings.ts";
import { forgetOldCodes } from "./store/emailCodes.ts";
import { forgetOldWindows } from "./store/rateLimits.ts";
import { forgetIdle } from "./store/conversations.ts";
import { erasePastPersonalData, pruneDelivered } from "./store/retention.ts";
import { purgeSignIns } from "./store/staff.ts";

const SWEEP_EVERY_MS = 60_000;

runProcess(async () => {
  const { config, logger, clock, store, mailer, workers, deps, line } = await openServices();
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    logger.info({ port: info.port, store: store.kind, line: Boolean(line), lineProcessor: line ? config.LINE_PROCESSOR : undefined }, "listening");
  });
  const metricsServer = serveMetrics(deps);
  const stopAnsweringBackups = answerBackupRequests(store, config.DATA_DIR, logger);
  workers.start();
  const lineProcessing = line && config.LINE_PROCESSOR === "inline" ? await runLineProcessing(store, line, logger) : undefined;
  const lineBacklog = line ? watchLineBacklog(store, logger, clock) : undefined;

  // No-shows (10 minutes after the start), holds that ran out, personal data idle conversations no
  // longer need, bookings' personal data RETENTION_DAYS after their session, and staff sessions and
  // sign-in counters that ran out.
  const sweeper = setInterval(() => {
    const now = clock();
    const idleSince = new Date(now.getTime() - config.CONVERSATION_RESET_HOURS * 3_600_000);
    const retainedSince = new Date(now.getTime() - config.RETENTION_DAYS * 86_400_000);
    Promise.all([
      sweep(store.db, now),
      forgetIdle(store.db, idleSince),
      erasePastPersonalData(store.db, { before: retainedSince, now }),
      pruneDelivered(store.db, { inboxBefore: idleSince, outboxBefore: retainedSince }),
      purgeSignIns(store.db, now),
      forgetOldWindows(store.db, now),
      forgetOldCodes(store.db, now),
    ])
      .then(([result, forgotten, retention, pruned]) => {
        if (result.noShows > 0 || forgotten.conversations > 0 || retention.bookings > 0) logger.info({ ...result, forgotten, erased: retention, pruned }, "sweep");
        if (result.noShows > 0) workers.wake();
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
    mailer.close();
    await store.close();
    logger.info("stopped");
  };
});
