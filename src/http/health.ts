import { Hono } from "hono";
import type { AppDeps } from "./app.ts";

export function healthRoutes(deps: AppDeps) {
  return new Hono()
    .get("/healthz", (c) => c.json({ status: "ok" }))
    .get("/readyz", async (c) => {
      const ready = await deps.store.ready().catch(() => false);
      return ready
        ? c.json({ status: "ready", store: deps.store.kind })
        : c.json({ error: { code: "not_ready", message: "The database is not reachable or not migrated." } }, 503);
    });
}
