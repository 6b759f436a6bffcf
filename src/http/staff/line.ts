// What staff see of the LINE channel: the month's messages against the plan's quota.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { lineQuota } from "../../bot/line/quota.ts";
import { lineRuntimeOf } from "../../bot/line/runtime.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { errorResponse, jsonResponse, route } from "../openapi.ts";
import type { StaffEnv } from "./auth.ts";
import { jstInstant, secured, signedIn } from "./openapi.ts";
import { jstIso } from "./present.ts";

const quota = createRoute({
  method: "get",
  path: "/quota",
  ...secured,
  summary: "The LINE channel's messages this month against the plan's quota (asked of LINE at most every five minutes).",
  responses: {
    200: jsonResponse(
      "limit is null when the plan sets none.",
      z.object({ limit: z.int().nullable(), used: z.int(), remaining: z.int().nullable(), usedRatio: z.number().nullable(), checkedAt: jstInstant }),
    ),
    401: signedIn[401],
    404: errorResponse("LINE is not configured (code line_not_configured)."),
    503: errorResponse("LINE did not answer (code line_unavailable)."),
  },
});

export function lineStaffRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<StaffEnv>();
  route(app, quota, async (c) => {
    const runtime = lineRuntimeOf(deps);
    // Without a channel there is no quota to show: the resource does not exist here.
    if (!runtime) throw new HttpError(404, "line_not_configured", "The LINE channel is not configured.");
    const quota = await lineQuota(runtime.client, deps.clock);
    if (!quota) throw new HttpError(503, "line_unavailable", "LINE did not answer; try again in a minute.");
    return c.json({
      limit: quota.limit,
      used: quota.used,
      remaining: quota.limit === null ? null : Math.max(0, quota.limit - quota.used),
      usedRatio: quota.limit === null || quota.limit === 0 ? null : Math.round((quota.used / quota.limit) * 1000) / 1000,
      checkedAt: jstIso(quota.at),
    });
  });
  return app;
}
