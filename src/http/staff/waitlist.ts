// The waitlist (キャンセル待ち) of one day, for staff: who waits in which order, for which window,
// and what is offered to whom now. No personal data: places are named by id and channel.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { officeIdSchema } from "../../config.ts";
import { isValidDate, parseDateString } from "../../jst.ts";
import { waitlistStatuses } from "../../store/schema.ts";
import { waitlistOfDay, type WaitlistRow } from "../../store/waitlist.ts";
import type { AppDeps } from "../app.ts";
import { errorResponse, jsonResponse, route } from "../openapi.ts";
import { assertOffice, parseOr400, type StaffEnv, type StaffPrincipal } from "./auth.ts";
import { jstInstant, secured, signedIn } from "./openapi.ts";
import { jstIso } from "./present.ts";

const dayQuery = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
    .refine((d) => {
      const { year, month, day } = parseDateString(d);
      return isValidDate(year, month, day);
    }, "not a real calendar date"),
  office: officeIdSchema.optional().meta({ description: "Default: the caller's office; an admin sees every office." }),
});

const placeSchema = z.object({
  id: z.uuid(),
  office: z.string(),
  counsellorId: z.string().nullable().meta({ description: "A named counsellor waited for; null: anyone." }),
  position: z.int().meta({ description: "1 for the first in the queue of the office for overlapping days." }),
  status: z.enum(waitlistStatuses),
  channel: z.enum(["web", "line"]),
  window: z.object({ fromDate: z.iso.date(), toDate: z.iso.date(), fromTime: z.string(), toTime: z.string() }),
  joinedAt: jstInstant,
  offer: z.object({ startsAt: jstInstant, expiresAt: jstInstant.nullable() }).nullable().meta({ description: "The freed slot held for this place now, until expiresAt." }),
});

const waitlistRoute = createRoute({
  method: "get",
  path: "/waitlist",
  ...secured,
  summary: "The waitlist of one day: places still waiting or with an offer open, in queue order, without personal data.",
  request: { query: dayQuery },
  responses: {
    200: jsonResponse("The places whose window covers the day.", z.object({ date: z.iso.date(), places: z.array(placeSchema) })),
    400: errorResponse("No date, or one that does not exist."),
    ...signedIn,
  },
});

function placeJson(r: WaitlistRow) {
  return {
    id: r.id,
    office: r.officeId,
    counsellorId: r.counsellorId,
    position: r.position,
    status: r.status,
    channel: r.channel,
    window: r.window,
    joinedAt: jstIso(r.createdAt),
    offer: r.offer ? { startsAt: jstIso(r.offer.startsAt), expiresAt: r.offer.expiresAt ? jstIso(r.offer.expiresAt) : null } : null,
  };
}

function officeFilter(staff: StaffPrincipal, office: string | undefined): string | undefined {
  if (office) assertOffice(staff, office);
  return office ?? (staff.role === "admin" ? undefined : staff.officeId!);
}

export function waitlistRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<StaffEnv>();
  route(app, waitlistRoute, async (c) => {
    const q = parseOr400(dayQuery, c.req.query());
    const rows = await waitlistOfDay(deps.store.db, { officeId: officeFilter(c.get("staff"), q.office), date: q.date });
    return c.json({ date: q.date, places: rows.map(placeJson) });
  });
  return app;
}
