// Outbox jobs that failed for good (a mail server that refused, LINE down past the horizon): an
// admin lists them and sends one again. Payloads stay out of the listing: they carry personal data.
import { randomUUID } from "node:crypto";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { LINE_RETRY_KEY_MS } from "../../line/push.ts";
import { writeAudit } from "../../store/audit.ts";
import { outbox } from "../../store/schema.ts";
import { findJob, listJobs, requeueJob } from "../../store/outbox.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { errorResponse, jsonResponse, route } from "../openapi.ts";
import { actorOf, parseOr400, type StaffEnv, type StaffPrincipal } from "./auth.ts";
import { jstInstant, secured, signedIn } from "./openapi.ts";
import { jstIso } from "./present.ts";

const listQuery = z.strictObject({
  status: z.enum(["dead", "pending", "running"]).default("dead"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last id of the previous page. */
  before: z.coerce.number().int().positive().optional(),
});
const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

function assertAdmin(staff: StaffPrincipal): void {
  if (staff.role !== "admin") throw new HttpError(403, "forbidden", "Only an admin may see or requeue outbox jobs.");
}

const iso = (d: Date | null) => (d ? jstIso(d) : null);

const list = createRoute({
  method: "get",
  path: "/",
  ...secured,
  summary:
    "Outbox jobs (mail, LINE pushes, webhooks) by status, newest first: by default the dead ones, which ran out of retries or were refused for good. Admins only; no payloads.",
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      "The jobs.",
      z.object({
        jobs: z.array(
          z.object({
            id: z.int(),
            kind: z.string(),
            status: z.enum(outbox.status.enumValues),
            attempts: z.int(),
            createdAt: jstInstant,
            firstAttemptAt: jstInstant.nullable(),
            finishedAt: jstInstant.nullable(),
            lastError: z.string().nullable(),
          }),
        ),
      }),
    ),
    400: errorResponse("Wrong filters."),
    ...signedIn,
  },
});

const requeue = createRoute({
  method: "post",
  path: "/{id}/requeue",
  ...secured,
  summary: "Send a dead job again, with a fresh retry horizon (a LINE push whose retry key is older than 24 h gets a new key). Audited. Admins only.",
  request: { params: idParam },
  responses: {
    200: jsonResponse("Pending again.", z.object({ job: z.object({ id: z.int(), kind: z.string(), status: z.literal("pending"), freshRetryKey: z.boolean() }) })),
    ...signedIn,
    404: errorResponse("No such job."),
    409: errorResponse("The job is not dead (code invalid_state)."),
  },
});

export function outboxRoutes(deps: AppDeps) {
  const { store, clock } = deps;
  const app = new OpenAPIHono<StaffEnv>();
  route(app, list, async (c) => {
    assertAdmin(c.get("staff"));
    const q = parseOr400(listQuery, c.req.query());
    const rows = await listJobs(store.db, { status: q.status, limit: q.limit, beforeId: q.before });
    return c.json({
      jobs: rows.map((j) => ({ ...j, createdAt: iso(j.createdAt), firstAttemptAt: iso(j.firstAttemptAt), finishedAt: iso(j.finishedAt) })),
    });
  });
  route(app, requeue, async (c) => {
    const staff = c.get("staff");
    assertAdmin(staff);
    const parsed = idParam.safeParse(c.req.param());
    if (!parsed.success) throw new HttpError(404, "not_found", "No such job.");
    const now = clock();
    const requeued = await store.db.transaction(async (tx) => {
      const job = await findJob(tx, parsed.data.id);
      if (!job) throw new HttpError(404, "not_found", "No such job.");
      if (job.status !== "dead") throw new HttpError(409, "invalid_state", `The job is ${job.status}, not dead.`);
      // LINE forgets a retry key 24 h after its first use: past that, the push needs a new one.
      const payload = job.payload as Record<string, unknown>;
      const freshKey = job.kind === "line.push" && job.firstAttemptAt !== null && now.getTime() - job.firstAttemptAt.getTime() > LINE_RETRY_KEY_MS;
      await requeueJob(tx, job.id, now, freshKey ? { ...payload, retryKey: randomUUID() } : undefined);
      await writeAudit(tx, {
        at: now,
        actor: actorOf(staff),
        action: "outbox.requeue",
        entity: "outbox",
        entityId: String(job.id),
        before: { status: job.status, attempts: job.attempts },
        after: { status: "pending", freshRetryKey: freshKey },
      });
      return { id: job.id, kind: job.kind, status: "pending" as const, freshRetryKey: freshKey };
    });
    deps.wakeOutbox();
    return c.json({ job: requeued });
  });
  return app;
}
