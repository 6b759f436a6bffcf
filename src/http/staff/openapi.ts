// What every staff route declares alike: how the caller signs in, and the answers shared by all.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "hono";
import { z } from "zod";
import { errorResponse } from "../openapi.ts";
import { SESSION_COOKIE } from "./auth.ts";

export const secured: { tags: string[]; security: Record<string, string[]>[] } = { tags: ["staff"], security: [{ staffBearer: [] }, { staffCookie: [] }] };

export const signedIn = {
  401: errorResponse("No staff session (code unauthorized)."),
  403: errorResponse("Another office's booking or chat, or not an admin (code forbidden)."),
};

export const uuidParams = z.object({ id: z.uuid() });

export const jstInstant = z.iso.datetime({ offset: true }).meta({ example: "2026-12-03T14:00:00.000+09:00" });

export function registerStaffSecurity<E extends Env>(app: OpenAPIHono<E>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "staffBearer", {
    type: "http",
    scheme: "bearer",
    description: "The token from POST /api/staff/login (valid 12 hours).",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "staffCookie", { type: "apiKey", in: "cookie", name: SESSION_COOKIE });
}
