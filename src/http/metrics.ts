import { createHash, timingSafeEqual } from "node:crypto";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { Config } from "../config.ts";
import { lineRuntimeOf, type LineDeps } from "../bot/line/runtime.ts";
import { collectProcessMetrics } from "../metrics/registry.ts";
import { createMetricsScrape, type MetricsDeps } from "../metrics/store.ts";
import { jsonError } from "./errors.ts";
import { errorResponse, route } from "./openapi.ts";

const scrapeRoute = createRoute({
  method: "get",
  path: "/metrics",
  summary: "Prometheus metrics (docs/operations.md lists them)",
  security: [{ metricsToken: [] }],
  responses: {
    200: { description: "Prometheus' text format.", content: { "text/plain": { schema: z.string() } } },
    401: errorResponse("METRICS_TOKEN is set and the bearer token does not match it."),
  },
});

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether the Authorization header carries the token; compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** GET /metrics in Prometheus' text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
export function metricsRoutes(deps: LineDeps & MetricsDeps & { config: Pick<Config, "METRICS_TOKEN"> }) {
  collectProcessMetrics();
  const scrape = createMetricsScrape({ ...deps, lineClient: lineRuntimeOf(deps)?.client });
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent("securitySchemes", "metricsToken", { type: "http", scheme: "bearer", description: "METRICS_TOKEN, when it is set." });
  route(app, scrapeRoute, async (c) => {
    const token = deps.config.METRICS_TOKEN;
    if (token && !bearerMatches(c.req.header("authorization"), token)) {
      c.header("www-authenticate", 'Bearer realm="metrics"');
      return jsonError(c, 401, "unauthorized", "The metrics need Authorization: Bearer <METRICS_TOKEN>.");
    }
    const { body, contentType } = await scrape();
    return c.body(body, 200, { "content-type": contentType, "cache-control": "no-store" });
  });
  return app;
}
