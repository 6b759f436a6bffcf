// What staff see of the LINE channel: the month's messages against the plan's quota.
import { Hono } from "hono";
import { lineQuota } from "../../bot/line/quota.ts";
import { lineRuntimeOf } from "../../bot/line/runtime.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import type { StaffEnv } from "./auth.ts";
import { jstIso } from "./present.ts";

export function lineStaffRoutes(deps: AppDeps) {
  return new Hono<StaffEnv>().get("/quota", async (c) => {
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
}
