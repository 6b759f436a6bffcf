import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { chatIdOf, lineWebhookBodySchema } from "../bot/line/events.ts";
import { LINE_INBOX_SOURCE } from "../bot/line/processor.ts";
import { lineRuntimeOf, type LineRuntime } from "../bot/line/runtime.ts";
import { verifyLineSignature } from "../bot/line/signature.ts";
import { lineWebhookEvents } from "../metrics/registry.ts";
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
    200: jsonResponse("Stored (a redelivered event once only).", z.strictObject({})),
    400: errorResponse("Not JSON, or not LINE's shape."),
    401: errorResponse("The signature does not match the body."),
    503: errorResponse("LINE is not configured (code line_not_configured), or the database is away."),
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
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      return jsonError(c, 400, "invalid_json", "The request body is not valid JSON.");
    }
    const body = parseOr400(lineWebhookBodySchema, json);
    const stored = await storeEvents(
      deps.store.db,
      body.events.map((event) => ({
        source: LINE_INBOX_SOURCE,
        eventId: event.webhookEventId,
        userKey: chatIdOf(event),
        payload: event,
      })),
      deps.clock(),
    );
    lineWebhookEvents.inc({ result: "stored" }, stored.length);
    lineWebhookEvents.inc({ result: "redelivered" }, body.events.length - stored.length);
    if (stored.length > 0) runtime.eventsStored();
    return c.json({}, 200);
  });

  return app;
}
