// Routes declare their zod schemas once; /api/openapi.json is generated from those declarations.
import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Env, Handler } from "hono";
import { z } from "zod";
import { catalogues, staffCatalogues } from "../i18n/index.ts";

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: "Error", description: "Every 4xx and 5xx answer." });

export function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: errorSchema } } };
}

/** A booking's time as the APIs write it in Japanese: 12月3日(木) 14:00～14:30. */
export const exampleSlot = catalogues.ja.formats.slot(new Date("2026-12-03T14:00:00+09:00"), new Date("2026-12-03T14:30:00+09:00"));

export function jsonResponse(description: string, schema: z.ZodType) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody(schema: z.ZodType, options: { required?: boolean } = {}) {
  return { required: options.required ?? true, content: { "application/json": { schema } } };
}

/**
 * Documents a route and mounts its handler. The handler validates its input with parseOr400 against
 * the schemas declared here: strings are cleaned first, an empty body reads as {}, and malformed JSON
 * or another content type get our 400, where zod-openapi's own validators would answer differently.
 */
export function route<E extends Env>(app: OpenAPIHono<E>, config: RouteConfig & { getRoutingPath(): string }, handler: Handler<E>): void {
  app.openAPIRegistry.registerPath(config);
  app.on(config.method.toUpperCase(), config.getRoutingPath(), handler);
}

export function openApiDocument<E extends Env>(app: OpenAPIHono<E>) {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: `${staffCatalogues.ja.app.name} API`,
      version: "1.0.0",
      description: "Booking online job counselling at Hello Work Nagasaki: the web chat API and the staff API. Every 4xx answers { error: { code, message } }.",
    },
  });
}

/** GET /api/openapi.json: the document of every route mounted on the app, generated on first request. */
export function openApiRoutes<E extends Env>(app: OpenAPIHono<E>) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  route(
    app,
    createRoute({ method: "get", path: "/api/openapi.json", summary: "This document", responses: { 200: jsonResponse("OpenAPI 3.1.", z.record(z.string(), z.unknown())) } }),
    (c) => c.json((document ??= openApiDocument(app))),
  );
}
