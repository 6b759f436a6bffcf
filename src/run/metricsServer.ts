import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AppDeps } from "../http/app.ts";
import { metricsRoutes } from "../http/metrics.ts";

/**
 * With METRICS_PORT, /metrics on a port of its own (the only route there), so a scraper on a private
 * network reaches it while PORT faces the public; the LINE worker, which has no HTTP, is scraped so.
 */
export function serveMetrics(deps: AppDeps): { close(): Promise<void> } | undefined {
  const port = deps.config.METRICS_PORT;
  if (port === undefined) return undefined;
  const app = new Hono().route("/", metricsRoutes(deps));
  app.notFound((c) => c.json({ error: { code: "not_found", message: "Only /metrics is served on this port." } }, 404));
  const server = serve({ fetch: app.fetch, port }, (info) => deps.logger.info({ port: info.port }, "metrics listening"));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
