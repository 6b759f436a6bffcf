import type { MiddlewareHandler } from "hono";
import { httpDuration, httpRequests, methodLabel } from "../../metrics/registry.ts";

/** Counts and times every request by its route pattern (never the raw path, which can carry personal data). */
export function requestMetrics(): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const method = methodLabel(c.req.method);
    const route = c.req.routePath;
    httpRequests.inc({ method, route, status: String(c.res.status) });
    httpDuration.observe({ method, route }, (performance.now() - started) / 1000);
  };
}
