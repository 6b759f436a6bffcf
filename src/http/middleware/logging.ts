import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";

/**
 * One line a request: ids, route and status only. Paths and bodies can carry personal data
 * (names, seeker numbers), so the log names the route pattern, never the raw URL.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get("requestId"),
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  };
}
