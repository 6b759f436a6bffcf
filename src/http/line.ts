import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { lineWebhookBodySchema } from "../bot/line/events.ts";
import { lineRuntimeOf, type LineRuntime } from "../bot/line/runtime.ts";
import { verifyLineSignature } from "../bot/line/signature.ts";
import { toInboxEvents } from "../bot/line/spool.ts";
import { lineWebhookEvents } from "../metrics/registry.ts";
import { isStoreUnavailable } from "../store/db.ts";
import { storeEvents } from "../store/inbox.ts";
import type { AppDeps } from "./app.ts";
import { jsonError, parseOr400 } from "./errors.ts";
import { errorResponse, jsonBody, jsonResponse, route } from "./openapi.ts";

const webhook = createRoute({
  method: "post",
  path: "/webhook",
  summary: "LINE's webhook: the events are stored, then answered by the LINE processor",
  request: { headers: z.object({ "x-line-signature": z.string() }), body: jsonBody(lineWebhookBodySchema) },
  responses: {
    200: jsonResponse("Stored (a redelivered event once only), or kept in the spool on disk while the database is away.", z.strictObject({})),
    400: errorResponse("Not JSON, or not LINE's shape."),
    401: errorResponse("The signature does not match the body."),
    503: errorResponse("LINE is not configured (code line_not_configured), or the database is away and the spool is full."),
  },
});

/**
 * LINE's webhook. LINE gives up after about two seconds, so the events are only checked and
 * stored here, each once by its webhookEventId; the processor answers them afterwards.
 */
export function lineRoutes(deps: AppDeps, runtime: LineRuntime | undefined = lineRuntimeOf(deps)) {
  const app = new OpenAPIHono();

  route(app, webhook, async (c) => {
    if (!runtime) {
      return jsonError(c, 503, "line_not_configured", "The LINE channel is not configured: set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN.");
    }
    // The signature covers the exact bytes sent, so it is checked on them before any decoding.
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (!verifyLineSignature(bytes, c.req.header("x-line-signature"), runtime.channelSecret)) {
      return jsonError(c, 401, "invalid_signature", "The x-line-signature header does not match the body.");
    }
    let json: unknown;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      json = JSON.parse(text);
    } catch {
      return jsonError(c, 400, "invalid_json", "The request body is not valid JSON.");
    }
    const body = parseOr400(lineWebhookBodySchema, json);
    const receivedAt = deps.clock();
    const spool = async (cause: unknown) => {
      // The spool keeps the exact text that was signed and checked; past its limit, 503 as before.
      if (!(await runtime.spool.append(text, receivedAt))) throw cause;
      lineWebhookEvents.inc({ result: "spooled" }, body.events.length);
    };
    // Deliveries already waiting in the spool go first: a new one goes behind them.
    if (runtime.spool.waiting()) {
      await spool(new StoreTimeoutError());
      return c.json({}, 200);
    }
    let stored;
    try {
      // In the first lane: on the embedded store the insert goes ahead of the processor's queued statements.
      const storing = storeEvents(deps.store.priorityDb, toInboxEvents(body), receivedAt);
      // An insert that lands after the deadline is skipped by the replay, so it wakes the answering itself.
      storing.then((rows) => rows.length > 0 && runtime.eventsStored()).catch(() => {});
      stored = await withinDeadline(storing, deps.config.LINE_SPOOL_AFTER_MS);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      await spool(error);
      return c.json({}, 200);
    }
    lineWebhookEvents.inc({ result: "stored" }, stored.length);
    lineWebhookEvents.inc({ result: "redelivered" }, body.events.length - stored.length);
    return c.json({}, 200);
  });

  return app;
}

/** The database did not store a delivery in time; counted as unavailable (503 when it cannot be spooled). */
class StoreTimeoutError extends Error {
  override name = "StoreTimeoutError";
  readonly code = "ETIMEDOUT";
}

/** The stored rows, or a StoreTimeoutError after ms; a late insert still lands, and the replay then skips it. */
function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new StoreTimeoutError()), ms)));
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
