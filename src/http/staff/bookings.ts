// Staff act on bookings: read them, confirm with a meeting URL, reject, cancel, record the outcome,
// and book a follow-up agreed during a session (terms art. 6(4)).
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { partialDetailsSchema } from "../../booking/details.ts";
import { officeIdSchema } from "../../config.ts";
import { bookingStatuses } from "../../store/schema.ts";
import { listBookings, type Booking } from "../../store/bookings.ts";
import type { AppDeps } from "../app.ts";
import { errorResponse, errorSchema, jsonBody, jsonResponse, route } from "../openapi.ts";
import { assertOffice, body, parseOr400, type StaffEnv } from "./auth.ts";
import { bookingActions, SlotRefused } from "./bookingActions.ts";
import { secured, signedIn, uuidParams } from "./openapi.ts";
import { bookingJson, readingLanguage, staffBookingSchema } from "./present.ts";
import { locales } from "../../i18n/locales.ts";

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: "an https:// URL" }).max(2000);
const reason = z.string().trim().min(1).max(500);
const uuid = z.uuid();

const listQuery = z.strictObject({
  office: officeIdSchema.optional(),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()) : undefined))
    .pipe(z.array(z.enum(bookingStatuses)).optional()),
  from: dateString.optional(),
  to: dateString.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  ...readingLanguage.shape,
});

const confirmBody = z.strictObject({
  meetingUrl: httpsUrl,
  accessCode: z.string().trim().min(1).max(100).optional(),
  counsellorId: z.string().min(1).max(100).optional(),
});

const followUpBody = z.strictObject({
  office: officeIdSchema,
  startsAt: z.iso.datetime({ offset: true }),
  counsellorId: z.string().min(1).max(100).optional(),
  /** The session in which the follow-up was agreed: its seeker, contacts and chat are reused. */
  fromBookingId: uuid.optional(),
  /** Without fromBookingId, name, email, phone and topic are required. */
  ...partialDetailsSchema.shape,
  locale: z.enum(locales).optional(),
  meetingUrl: httpsUrl.optional(),
  accessCode: z.string().trim().min(1).max(100).optional(),
});

const reasonBody = z.strictObject({ reason });
const emptyBody = z.strictObject({});
const oneBooking = z.object({ booking: staffBookingSchema });
const refusedSlot = errorSchema.extend({ alternatives: z.array(z.object({ startsAt: z.iso.datetime(), counsellorIds: z.array(z.string()) })) });

const list = createRoute({
  method: "get",
  path: "/",
  ...secured,
  summary: "Bookings of the caller's office (an admin: all, or ?office=). No personal details; names and reasons in Japanese unless ?lang= asks for another language.",
  request: { query: listQuery },
  responses: { 200: jsonResponse("The bookings, by start.", z.object({ bookings: z.array(staffBookingSchema) })), 400: errorResponse("Wrong filters."), ...signedIn },
});

const read = createRoute({
  method: "get",
  path: "/{id}",
  ...secured,
  summary: "One booking with the seeker's personal details (the read is audited), in Japanese unless ?lang= asks for another language.",
  request: { params: uuidParams, query: readingLanguage },
  responses: { 200: jsonResponse("The booking.", oneBooking), ...signedIn, 404: errorResponse("No such booking (also for a malformed id).") },
});

const followUp = createRoute({
  method: "post",
  path: "/",
  ...secured,
  summary: "Book a follow-up agreed during a session (terms art. 6(4)); with meetingUrl it is confirmed at once and the invitation sent.",
  request: { body: jsonBody(followUpBody) },
  responses: {
    201: jsonResponse("The booking.", oneBooking),
    400: errorResponse("A body of the wrong shape, or details missing without fromBookingId."),
    ...signedIn,
    404: errorResponse("No such fromBookingId."),
    409: jsonResponse("The time cannot be booked; the code is the rule's reason, with alternatives.", refusedSlot),
  },
});

function action(path: string, summary: string, input: z.ZodType, conflict = "The booking's state does not allow this (code invalid_state).") {
  return createRoute({
    method: "post",
    path,
    ...secured,
    summary,
    request: { params: uuidParams, body: jsonBody(input) },
    responses: {
      200: jsonResponse("The booking after the change.", oneBooking),
      400: errorResponse("A body of the wrong shape (code invalid_request)."),
      ...signedIn,
      404: errorResponse("No such booking (also for a malformed id)."),
      409: errorResponse(conflict),
    },
  });
}

const confirm = action(
  "/{id}/confirm",
  "Confirm a request; the seeker gets the invitation (mail with .ics, and LINE or web chat) and a reminder is scheduled.",
  confirmBody,
  "invalid_state, or slot_taken when the counsellor is busy then.",
);
const reject = action("/{id}/reject", "Decline a request; the seeker is told why and offered other times.", reasonBody);
const cancel = action("/{id}/cancel", "Cancel a request or session before it starts; the seeker is told.", reasonBody);
const attended = action("/{id}/attended", "Record that the session took place (from its start).", emptyBody);
const noShow = action("/{id}/no-show", "Record a no-show (from 10 minutes after the start); staff and the seeker are told.", emptyBody);

export function bookingRoutes(deps: AppDeps) {
  const { store, config } = deps;
  const actions = bookingActions(deps);
  const json = (c: Context, b: Booking) => c.json({ booking: bookingJson(b, config) });

  const app = new OpenAPIHono<StaffEnv>();
  route(app, list, async (c) => {
    const staff = c.get("staff");
    const q = parseOr400(listQuery, c.req.query());
    if (q.office) assertOffice(staff, q.office);
    const officeId = q.office ?? (staff.role === "admin" ? undefined : staff.officeId!);
    const rows = await listBookings(store.db, { officeId, statuses: q.status, from: q.from, to: q.to, limit: q.limit });
    return c.json({ bookings: rows.map((b) => bookingJson(b, config, { locale: q.lang })) });
  });
  route(app, read, async (c) => {
    const { lang } = parseOr400(readingLanguage, c.req.query());
    const b = await actions.read(c.get("staff"), c.req.param("id")!);
    return c.json({ booking: bookingJson(b, config, { personal: true, locale: lang }) });
  });
  route(app, confirm, async (c) => {
    const staff = c.get("staff");
    const b = await actions.visible(staff, c.req.param("id")!);
    return json(c, await actions.confirm(staff, b, await body(c, confirmBody)));
  });
  route(app, reject, async (c) => {
    const staff = c.get("staff");
    const b = await actions.visible(staff, c.req.param("id")!);
    const input = await body(c, reasonBody);
    return json(c, await actions.reject(staff, b, input.reason));
  });
  route(app, cancel, async (c) => {
    const staff = c.get("staff");
    const b = await actions.visible(staff, c.req.param("id")!);
    const input = await body(c, reasonBody);
    return json(c, await actions.cancel(staff, b, input.reason));
  });
  route(app, attended, async (c) => {
    const staff = c.get("staff");
    const b = await actions.visible(staff, c.req.param("id")!);
    await body(c, emptyBody);
    return json(c, await actions.attended(staff, b));
  });
  route(app, noShow, async (c) => {
    const staff = c.get("staff");
    const b = await actions.visible(staff, c.req.param("id")!);
    await body(c, emptyBody);
    return json(c, await actions.noShow(staff, b));
  });
  route(app, followUp, async (c) => {
    const input = await body(c, followUpBody);
    try {
      return c.json({ booking: bookingJson(await actions.create(c.get("staff"), input), config) }, 201);
    } catch (error) {
      if (error instanceof SlotRefused) {
        return c.json({ error: { code: error.code, message: error.message }, alternatives: error.alternatives }, 409);
      }
      throw error;
    }
  });
  return app;
}
