import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { inEveryLocale } from "../i18n/index.ts";
import { errorFields } from "../logger.ts";
import { ConversationChangedError } from "../store/conversations.ts";
import { isStoreUnavailable, type Store } from "../store/db.ts";
import { errorBody, HttpError } from "./errors.ts";
import { chatRoutes } from "./chat.ts";
import { consoleRoutes, type ConsoleOptions } from "../console/index.tsx";
import { healthRoutes } from "./health.ts";
import { lineRoutes } from "./line.ts";
import type { ChatRateLimits } from "./middleware/rateLimit.ts";
import { openApiRoutes } from "./openapi.ts";
import { staffRoutes } from "./staff/index.ts";
import { widgetRoutes } from "./widget.ts";
import { requestLog } from "./middleware/logging.ts";
import { cleanForms } from "./middleware/cleanForms.ts";
import { requestMetrics } from "./middleware/metrics.ts";
import { metricsRoutes } from "./metrics.ts";

export interface AppDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: () => Date;
  /** Called after a change enqueued outbox jobs, so they go out now rather than at the next poll. */
  wakeOutbox: () => void;
  /** Limits of the web chat API (tests loosen them); the rest keep their defaults. */
  chatRateLimits?: Partial<ChatRateLimits>;
  /** The staff console's settings (tests shorten its live polling). */
  console?: ConsoleOptions;
}

export const MAX_BODY_BYTES = 64 * 1024;
const RETRY_AFTER_SECONDS = 5;
/** Shown by the widget as it is, so a person reads it in both languages. */
const UNAVAILABLE_MESSAGE = inEveryLocale((words) => words.app.unavailable);

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();
  app.use(requestId());
  app.use(requestLog(deps.logger));
  app.use(requestMetrics());
  app.use(answerWhileStoreAway(deps));
  // Routes may set a header of their own (the widget script is cross-origin readable).
  app.use(secureHeaders({ overwrite: false }));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`), 413),
    }),
  );
  app.use(cleanForms());
  // Chat sessions carry a token and the seeker's answers; staff answers carry tokens and personal
  // data: no browser or proxy may keep a copy (errors included).
  for (const path of ["/api/chat/*", "/api/staff/*"]) {
    app.use(path, async (c, next) => {
      await next();
      c.res.headers.set("cache-control", "no-store");
    });
  }

  app.route("/", healthRoutes(deps));
  // With METRICS_PORT the metrics are served there instead (src/run/metricsServer.ts).
  if (deps.config.METRICS_PORT === undefined) app.route("/", metricsRoutes(deps));
  app.route("/", widgetRoutes(deps));
  openApiRoutes(app);
  app.route("/api/chat", chatRoutes(deps, deps.chatRateLimits));
  app.route("/line", lineRoutes(deps));
  app.route("/api/staff", staffRoutes(deps));
  app.route("/staff", consoleRoutes(deps, deps.console));

  app.notFound((c) => c.json(errorBody("not_found", "No such route."), 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof ConversationChangedError) {
      return c.json(errorBody("conflict", "The conversation changed meanwhile. Please send your message again."), 409);
    }
    if (isStoreUnavailable(error)) {
      deps.logger.warn({ requestId: c.get("requestId"), route: c.req.routePath, err: errorFields(error) }, "database unavailable");
      c.header("Retry-After", String(RETRY_AFTER_SECONDS));
      return c.json(errorBody("unavailable", UNAVAILABLE_MESSAGE), 503);
    }
    // Where it was thrown, without the first line of the stack (the message, which may quote personal data).
    const stack = error.stack?.split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 12).join("\n");
    deps.logger.error({ requestId: c.get("requestId"), route: c.req.routePath, err: { ...errorFields(error), stack } }, "unhandled error");
    return c.json(errorBody("internal_error", "Something went wrong on our side. Please try again."), 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

// With the 150 ms ping after it, the 503 leaves by about 1.7 s: within LINE's 2 s and the 2 s goal.
const REQUEST_DEADLINE_MS = 1_500;

declare module "hono" {
  interface ContextVariableMap {
    /** Aborted when the request has been answered 503 while its work still runs: that work must not take effect. */
    givenUp: AbortSignal;
  }
}

/**
 * A request still running after 1.5 s while the database does not answer a ping gets its 503 now:
 * a caller (LINE gives up after about 2 s) hears "try again" instead of waiting for the driver's
 * reconnects. The work goes on behind, its result dropped; work that would be repeated by the retry
 * (a chat message) watches `givenUp` and saves nothing.
 */
function answerWhileStoreAway(deps: Pick<AppDeps, "store" | "logger">): MiddlewareHandler {
  return async (c, next) => {
    const givenUp = new AbortController();
    c.set("givenUp", givenUp.signal);
    let timer: NodeJS.Timeout | undefined;
    const work = next().then(() => "done" as const);
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), REQUEST_DEADLINE_MS)));
    if ((await Promise.race([work, late])) === "done") return void clearTimeout(timer);
    const ping = await Promise.race([deps.store.ready().catch(() => false), new Promise<false>((r) => setTimeout(() => r(false), 150))]);
    if (ping) return void (await work);
    work.catch(() => {});
    givenUp.abort();
    deps.logger.warn({ requestId: c.get("requestId"), route: c.req.routePath }, "database unavailable");
    c.header("Retry-After", String(RETRY_AFTER_SECONDS));
    return c.json(errorBody("unavailable", UNAVAILABLE_MESSAGE), 503);
  };
}
