// `npm run line-worker`: answers the LINE events the servers store, in a process of its own, so that
// the webhook's acknowledgements never wait behind conversation turns. Give it the same environment as
// the server (PostgreSQL only) and set LINE_PROCESSOR=off on the servers. Several may run: they share the
// users (each user's events in one process at a time), and take a stopped one's users within seconds. It runs the outbox too, so its
// pushes go out at once. It lowers its own CPU priority (LINE_WORKER_NICE, default 10).
import { setPriority } from "node:os";
import { runLineProcessing } from "./bot/line/runtime.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { serveMetrics } from "./run/metricsServer.ts";
import { openServices, runProcess } from "./run/services.ts";

runProcess(async () => {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new ConfigError("the LINE worker needs DATABASE_URL (PostgreSQL): the embedded database belongs to the server's process");
  }
  if (!config.LINE_CHANNEL_SECRET || !config.LINE_CHANNEL_ACCESS_TOKEN) {
    throw new ConfigError("the LINE worker needs LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN");
  }
  setPriority(config.LINE_WORKER_NICE);
  const { logger, store, mailer, workers, line, deps } = await openServices(config);
  const metricsServer = serveMetrics(deps);
  workers.start();
  const processing = await runLineProcessing(store, line!, logger);
  logger.info({ store: store.kind, nice: config.LINE_WORKER_NICE }, "LINE worker started");

  return async (signal) => {
    logger.info({ signal }, "stopping");
    await Promise.all([processing.stop(), workers.stop(), metricsServer?.close()]);
    mailer.close();
    await store.close();
    logger.info("stopped");
  };
});
