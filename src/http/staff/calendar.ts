// Staff change the booking calendar at run time: closures (a typhoon day), counsellors' absences,
// and a seeker's no-show record (cleared so they may book online again).
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { findOffice, officeIdSchema, type Config } from "../../config.ts";
import { catalogues, staffCatalogues } from "../../i18n/index.ts";
import { isValidDate, minutesOf, parseDateString } from "../../jst.ts";
import { parseSeekerNumber } from "../../nlu/index.ts";
import { slotEnd } from "../../schedule/index.ts";
import { writeAudit } from "../../store/audit.ts";
import { seekerStanding } from "../../store/bookings.ts";
import { bookingStatuses } from "../../store/schema.ts";
import {
  listAbsences,
  listClosures,
  type AbsenceRow,
  type AffectedBooking,
  type ClosureRow,
} from "../../store/calendar.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { errorResponse, errorSchema, jsonBody, jsonResponse, route } from "../openapi.ts";
import { AlreadyClosed, calendarActions } from "./calendarActions.ts";
import { actorOf, assertOffice, body, parseOr400, type StaffEnv, type StaffPrincipal } from "./auth.ts";
import { jstInstant, secured, signedIn, uuidParams } from "./openapi.ts";
import { jstIso } from "./present.ts";
import { seekerActions } from "./seekerActions.ts";

const realDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine((d) => {
    const { year, month, day } = parseDateString(d);
    return isValidDate(year, month, day);
  }, "not a real calendar date");
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:mm");

const rangeQuery = z
  .strictObject({ office: officeIdSchema.optional(), from: realDate.optional(), to: realDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["to"] });

const closureBody = z.strictObject({
  date: realDate,
  reason: z.string().trim().min(1).max(100),
  office: officeIdSchema.optional().meta({ description: "Omitted: every office (admins only)." }),
  tellSeekers: z
    .boolean()
    .optional()
    .meta({ description: "Cancel the affected bookings and tell each seeker, offering other times (default false: only list them)." }),
});

const absenceBody = z
  .strictObject({
    counsellorId: z.string().min(1).max(100),
    date: realDate,
    from: clockTime.optional().meta({ description: "Omitted: from the start of the day." }),
    to: clockTime.optional().meta({ description: "Omitted: to the end of the day. After from." }),
  })
  .refine((a) => !a.from || !a.to || minutesOf(a.from) < minutesOf(a.to), { message: "from must be before to", path: ["to"] });

const affectedQuery = z.strictObject({ date: realDate, office: officeIdSchema.optional().meta({ description: "Omitted: every office (admins only)." }) });
const standingQuery = z.strictObject({ office: officeIdSchema.optional().meta({ description: "Default: the caller's office; required for an admin." }) });
const seekerParams = z.object({ seekerNumber: z.string().meta({ description: `${staffCatalogues.ja.staff.fields.seekerNumber}, e.g. 42010-1234567.` }) });
const emptyBody = z.strictObject({});

const closureSchema = z.object({
  id: z.uuid(),
  office: officeIdSchema.nullable().meta({ description: "null: every office." }),
  date: z.iso.date(),
  reason: z.string(),
  createdAt: jstInstant,
});
const absenceSchema = z.object({
  id: z.uuid(),
  counsellor: z.object({ id: z.string(), name: z.string() }),
  office: z.string().nullable(),
  date: z.iso.date(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  createdAt: jstInstant,
});
const affectedSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    office: z.string(),
    counsellorId: z.string(),
    status: z.enum(bookingStatuses),
    startsAt: jstInstant,
    when: z.string(),
  })
  .meta({ description: "A requested or confirmed booking on the day: contact the seeker." });
const officeRefused = errorResponse("Another office, or every office by a non-admin (code forbidden).");

const listClosuresRoute = createRoute({
  method: "get",
  path: "/closures",
  ...secured,
  summary: "Closures (a typhoon day) of the caller's office and those of every office; an admin sees all, or ?office=.",
  request: { query: rangeQuery },
  responses: { 200: jsonResponse("The closures, by date.", z.object({ closures: z.array(closureSchema) })), 400: errorResponse("Wrong filters, or a date that does not exist."), ...signedIn },
});

const affectedRoute = createRoute({
  method: "get",
  path: "/closures/affected",
  ...secured,
  summary: "The requested and confirmed bookings a closure of that day would affect, before closing it.",
  request: { query: affectedQuery },
  responses: {
    200: jsonResponse("The affected bookings.", z.object({ affected: z.array(affectedSchema) })),
    400: errorResponse("No date, one that does not exist, or one in the past."),
    401: signedIn[401],
    403: officeRefused,
  },
});

const addClosureRoute = createRoute({
  method: "post",
  path: "/closures",
  ...secured,
  summary:
    "Close an office for a day; the chat refuses that day at once with the reason. Bookings already on it are listed as affected; with tellSeekers they are also cancelled and each seeker is told (mail and chat) with other free times.",
  request: { body: jsonBody(closureBody) },
  responses: {
    201: jsonResponse("Stored.", z.object({ closure: closureSchema, affected: z.array(affectedSchema), told: z.int() })),
    400: errorResponse("A body of the wrong shape, a date that does not exist, or one in the past (code invalid_request)."),
    401: signedIn[401],
    403: officeRefused,
    409: jsonResponse("The office is already closed that day (code already_closed).", errorSchema.extend({ closure: closureSchema })),
  },
});

const removeClosureRoute = createRoute({
  method: "delete",
  path: "/closures/{id}",
  ...secured,
  summary: "Reopen: remove a closure.",
  request: { params: uuidParams },
  responses: { 204: { description: "Removed." }, ...signedIn, 404: errorResponse("No such closure (also for a malformed id).") },
});

const listAbsencesRoute = createRoute({
  method: "get",
  path: "/absences",
  ...secured,
  summary: "Absences of the caller's office's counsellors; an admin sees all, or ?office=.",
  request: { query: rangeQuery },
  responses: { 200: jsonResponse("The absences, by date.", z.object({ absences: z.array(absenceSchema) })), 400: errorResponse("Wrong filters."), ...signedIn },
});

const addAbsenceRoute = createRoute({
  method: "post",
  path: "/absences",
  ...secured,
  summary:
    "A counsellor is away for a day, or from/to a time; their slots stop being offered at once. Bookings it overlaps are listed as affected, not cancelled.",
  request: { body: jsonBody(absenceBody) },
  responses: {
    201: jsonResponse("Stored.", z.object({ absence: absenceSchema, affected: z.array(affectedSchema) })),
    400: errorResponse("A body of the wrong shape, an unknown counsellor, from not before to, or a past date (code invalid_request)."),
    ...signedIn,
  },
});

const removeAbsenceRoute = createRoute({
  method: "delete",
  path: "/absences/{id}",
  ...secured,
  summary: "Remove an absence.",
  request: { params: uuidParams },
  responses: { 204: { description: "Removed." }, ...signedIn, 404: errorResponse("No such absence (also for a malformed id).") },
});

const clearNoShowsRoute = createRoute({
  method: "post",
  path: "/seekers/{seekerNumber}/clear-no-shows",
  ...secured,
  summary: "Clear a seeker's no-show record: earlier no-shows stop counting and a suspension is lifted at every office (admins only; audited).",
  request: { params: seekerParams, body: jsonBody(emptyBody, { required: false }) },
  responses: { 204: { description: "Cleared." }, 400: errorResponse("Not a seeker number."), ...signedIn },
});

const standingRoute = createRoute({
  method: "get",
  path: "/seekers/{seekerNumber}/standing",
  ...secured,
  summary: "Whether a seeker may book online at an office: no-shows counted (office staff: at their office only), suspension, active booking (the read is audited).",
  request: { params: seekerParams, query: standingQuery },
  responses: {
    200: jsonResponse("The standing.", z.object({ noShows: z.int(), suspended: z.boolean(), activeBookingId: z.uuid().nullable() })),
    400: errorResponse("Not a seeker number, or no office."),
    ...signedIn,
  },
});

function closureJson(c: ClosureRow) {
  return { id: c.id, office: c.officeId, date: c.date, reason: c.reason, createdAt: jstIso(c.createdAt) };
}

function absenceJson(a: AbsenceRow, config: Pick<Config, "offices">) {
  const office = config.offices.find((o) => o.counsellors.some((x) => x.id === a.counsellorId));
  const counsellor = office?.counsellors.find((x) => x.id === a.counsellorId);
  return {
    id: a.id,
    counsellor: { id: a.counsellorId, name: counsellor?.name.ja ?? a.counsellorId },
    office: office?.id ?? null,
    date: a.date,
    from: a.fromTime,
    to: a.toTime,
    createdAt: jstIso(a.createdAt),
  };
}

function affectedJson(b: AffectedBooking) {
  return {
    id: b.id,
    reference: b.reference,
    office: b.officeId,
    counsellorId: b.counsellorId,
    status: b.status,
    startsAt: jstIso(b.startsAt),
    when: catalogues.ja.formats.slot(b.startsAt, slotEnd(b.startsAt)),
  };
}

export function calendarRoutes(deps: AppDeps) {
  const { store, config, clock } = deps;
  const actions = calendarActions(deps);
  const limits = { activeLimit: config.SEEKER_ACTIVE_LIMIT, noShowLimit: config.NO_SHOW_LIMIT, noShowWindowDays: config.NO_SHOW_WINDOW_DAYS };
  const seekers = seekerActions(deps);

  /** The office a listing is about: ?office= if the caller may see it, else their own (an admin: every office). */
  function officeFilter(staff: StaffPrincipal, office: string | undefined): string | undefined {
    if (office) assertOffice(staff, office);
    return office ?? (staff.role === "admin" ? undefined : staff.officeId!);
  }

  function seekerNumberOf(raw: string): string {
    const parsed = parseSeekerNumber(raw);
    if (!parsed.ok) throw new HttpError(400, "invalid_request", "seekerNumber: not a seeker number (5 digits, a hyphen, up to 8 digits)");
    return parsed.value;
  }

  const app = new OpenAPIHono<StaffEnv>();
  route(app, listClosuresRoute, async (c) => {
    const q = parseOr400(rangeQuery, c.req.query());
    const rows = await listClosures(store.db, { officeId: officeFilter(c.get("staff"), q.office), from: q.from, to: q.to });
    return c.json({ closures: rows.map(closureJson) });
  });
  route(app, affectedRoute, async (c) => {
    const staff = c.get("staff");
    const q = parseOr400(affectedQuery, c.req.query());
    const affected = await actions.previewClosure(staff, { office: q.office ?? null, date: q.date });
    return c.json({ affected: affected.map(affectedJson) });
  });
  route(app, addClosureRoute, async (c) => {
    const staff = c.get("staff");
    const input = await body(c, closureBody);
    try {
      const result = await actions.addClosure(staff, { office: input.office ?? null, date: input.date, reason: input.reason, tellSeekers: input.tellSeekers });
      return c.json({ closure: closureJson(result.closure), affected: result.affected.map(affectedJson), told: input.tellSeekers ? result.affected.length : 0 }, 201);
    } catch (error) {
      if (error instanceof AlreadyClosed) return c.json({ error: { code: error.code, message: error.message }, closure: closureJson(error.closure) }, 409);
      throw error;
    }
  });
  route(app, removeClosureRoute, async (c) => {
    await actions.removeClosure(c.get("staff"), c.req.param("id")!);
    return c.body(null, 204);
  });
  route(app, listAbsencesRoute, async (c) => {
    const q = parseOr400(rangeQuery, c.req.query());
    const officeId = officeFilter(c.get("staff"), q.office);
    const counsellorIds = officeId ? (findOffice(config, officeId)?.counsellors.map((x) => x.id) ?? []) : undefined;
    const rows = await listAbsences(store.db, { counsellorIds, from: q.from, to: q.to });
    return c.json({ absences: rows.map((a) => absenceJson(a, config)) });
  });
  route(app, addAbsenceRoute, async (c) => {
    const input = await body(c, absenceBody);
    const result = await actions.addAbsence(c.get("staff"), input);
    return c.json({ absence: absenceJson(result.absence, config), affected: result.affected.map(affectedJson) }, 201);
  });
  route(app, removeAbsenceRoute, async (c) => {
    await actions.removeAbsence(c.get("staff"), c.req.param("id")!);
    return c.body(null, 204);
  });
  route(app, clearNoShowsRoute, async (c) => {
    const seekerNumber = seekerNumberOf(c.req.param("seekerNumber")!);
    await body(c, emptyBody);
    await seekers.clear(c.get("staff"), seekerNumber);
    return c.body(null, 204);
  });
  route(app, standingRoute, async (c) => {
    const staff = c.get("staff");
    const seekerNumber = seekerNumberOf(c.req.param("seekerNumber")!);
    const q = parseOr400(standingQuery, c.req.query());
    const officeId = q.office ?? staff.officeId;
    if (!officeId) throw new HttpError(400, "invalid_request", "office: required for an admin");
    assertOffice(staff, officeId);
    const now = clock();
    const standing = await seekerStanding(store.db, { seekerNumber, officeId, now, limits });
    await writeAudit(store.db, {
      at: now,
      actor: actorOf(staff),
      action: "read_personal_data",
      entity: "seeker",
      entityId: seekerNumber,
      after: { fields: ["noShows", "suspended", "activeBookingId"], office: officeId },
    });
    // Office staff see their own office's no-shows; whether the seeker may book (suspended) counts them all.
    const noShows = staff.role === "admin" ? standing.noShows : standing.noShowsHere;
    return c.json({ noShows, suspended: standing.suspended, activeBookingId: standing.activeBookingId ?? null });
  });
  return app;
}
