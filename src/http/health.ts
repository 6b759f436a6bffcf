import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps } from "./app.ts";
import { errorResponse, jsonResponse, route } from "./openapi.ts";

export function healthRoutes(deps: AppDeps) {
  const app = new OpenAPIHono();
  route(
    app,
    createRoute({ method: "get", path: "/healthz", summary: "The process is alive", responses: { 200: jsonResponse("ok", z.object({ status: z.literal("ok") })) } }),
    (c) => c.json({ status: "ok" }),
  );
  route(
    app,
    createRoute({
      method: "get",
      path: "/readyz",
      summary: "The database answers and its migrations are applied",
      responses: { 200: jsonResponse("ready", z.object({ status: z.literal("ready"), store: z.enum(["pglite", "postgres"]) })), 503: errorResponse("not ready") },
    }),
    async (c) => {
      const ready = await deps.store.ready().catch(() => false);
      return ready
        ? c.json({ status: "ready", store: deps.store.kind })
        : c.json({ error: { code: "not_ready", message: "The database is not reachable or not migrated." } }, 503);
    },
  );
  return app;
}
