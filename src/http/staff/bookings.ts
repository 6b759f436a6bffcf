// Staff act on bookings: read them, confirm with a meeting URL, reject, cancel, record the outcome,
// and book a follow-up agreed during a session (terms art. 6(4)).
import { Hono, type Context } from "hono";
import { z } from "zod";
import { officeIdSchema } from "../../config.ts";
import { bookingStatuses } from "../../store/schema.ts";
import { listBookings, type Booking } from "../../store/bookings.ts";
import type { AppDeps } from "../app.ts";
import { assertOffice, body, parseOr400, type StaffEnv } from "./auth.ts";
import { bookingActions, SlotRefused } from "./bookingActions.ts";
import { bookingJson } from "./present.ts";

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
  requesterKind: z.enum(["seeker", "employer"]).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  seekerNumber: z.string().trim().min(1).max(20).optional(),
  establishmentNumber: z.string().trim().min(1).max(20).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().trim().min(1).max(30).optional(),
  topic: z.string().trim().min(1).max(1000).optional(),
  support: z.string().trim().min(1).max(500).optional(),
  locale: z.enum(["ja", "en"]).optional(),
  meetingUrl: httpsUrl.optional(),
  accessCode: z.string().trim().min(1).max(100).optional(),
});

export function bookingRoutes(deps: AppDeps) {
  const { store, config } = deps;
  const actions = bookingActions(deps);
  const json = (c: Context, b: Booking) => c.json({ booking: bookingJson(b, config) });

  return new Hono<StaffEnv>()
    .get("/", async (c) => {
      const staff = c.get("staff");
      const q = parseOr400(listQuery, c.req.query());
      if (q.office) assertOffice(staff, q.office);
      const officeId = q.office ?? (staff.role === "admin" ? undefined : staff.officeId!);
      const rows = await listBookings(store.db, { officeId, statuses: q.status, from: q.from, to: q.to, limit: q.limit });
      return c.json({ bookings: rows.map((b) => bookingJson(b, config)) });
    })
    .get("/:id", async (c) => {
      const b = await actions.read(c.get("staff"), c.req.param("id"));
      return c.json({ booking: bookingJson(b, config, { personal: true }) });
    })
    .post("/:id/confirm", async (c) => {
      const staff = c.get("staff");
      const b = await actions.visible(staff, c.req.param("id"));
      return json(c, await actions.confirm(staff, b, await body(c, confirmBody)));
    })
    .post("/:id/reject", async (c) => {
      const staff = c.get("staff");
      const b = await actions.visible(staff, c.req.param("id"));
      const input = await body(c, z.strictObject({ reason }));
      return json(c, await actions.reject(staff, b, input.reason));
    })
    .post("/:id/cancel", async (c) => {
      const staff = c.get("staff");
      const b = await actions.visible(staff, c.req.param("id"));
      const input = await body(c, z.strictObject({ reason }));
      return json(c, await actions.cancel(staff, b, input.reason));
    })
    .post("/:id/attended", async (c) => {
      const staff = c.get("staff");
      const b = await actions.visible(staff, c.req.param("id"));
      await body(c, z.strictObject({}));
      return json(c, await actions.attended(staff, b));
    })
    .post("/:id/no-show", async (c) => {
      const staff = c.get("staff");
      const b = await actions.visible(staff, c.req.param("id"));
      await body(c, z.strictObject({}));
      return json(c, await actions.noShow(staff, b));
    })
    .post("/", async (c) => {
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
}
