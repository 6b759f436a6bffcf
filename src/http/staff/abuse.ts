// Suspected abuse: clients (web addresses) that took many slots lately. Admins only, since the
// addresses are access records of every office (terms art. 7); reading them is audited.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { writeAudit } from "../../store/audit.ts";
import { busyClients } from "../../store/bookingLimits.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { errorResponse, jsonResponse, route } from "../openapi.ts";
import { actorOf, parseOr400, type StaffEnv } from "./auth.ts";
import { jstInstant, secured, signedIn } from "./openapi.ts";
import { jstIso } from "./present.ts";

const query = z.strictObject({
  hours: z.coerce.number().int().min(1).max(24 * 30).default(24),
  /** Slots taken at least this many times (defaults to the limit of active requests per client). */
  min: z.coerce.number().int().min(1).max(10_000).optional(),
});

const clients = createRoute({
  method: "get",
  path: "/clients",
  ...secured,
  summary:
    "Suspected abuse (admins): web clients that held at least `min` slots in the last `hours`, with how many became requests and from how many sessions, emails and phones. The read is audited.",
  request: { query },
  responses: {
    200: jsonResponse(
      "The clients, busiest first.",
      z.object({
        since: jstInstant,
        min: z.int(),
        clients: z.array(
          z.object({ client: z.string(), holds: z.int(), requests: z.int(), sessions: z.int(), emails: z.int(), phones: z.int(), first: jstInstant, last: jstInstant }),
        ),
      }),
    ),
    400: errorResponse("Wrong filters."),
    ...signedIn,
  },
});

export function abuseRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const app = new OpenAPIHono<StaffEnv>();
  route(app, clients, async (c) => {
    const staff = c.get("staff");
    if (staff.role !== "admin") throw new HttpError(403, "forbidden", "Only an admin can see this.");
    const q = parseOr400(query, c.req.query());
    const now = clock();
    const since = new Date(now.getTime() - q.hours * 3_600_000);
    const min = q.min ?? config.REQUESTS_PER_CLIENT;
    const rows = await busyClients(store.db, { since, min });
    await writeAudit(store.db, { at: now, actor: actorOf(staff), action: "read_client_activity", entity: "clients", entityId: "*", after: { hours: q.hours, min, clients: rows.length } });
    return c.json({
      since: jstIso(since),
      min,
      clients: rows.map((r) => ({ ...r, first: jstIso(r.first), last: jstIso(r.last) })),
    });
  });
  return app;
}
