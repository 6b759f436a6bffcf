// Staff act on bookings: read them, confirm with a meeting URL, reject, cancel, record the outcome,
// and book a follow-up agreed during a session (terms art. 6(4)).
import { Hono, type Context } from "hono";
import { z } from "zod";
import { findOffice, officeIdSchema } from "../../config.ts";
import { bookingStatuses } from "../../store/schema.ts";
import {
  findBooking,
  holdSlot,
  NO_SHOW_GRACE_MS,
  requestBooking,
  seekerNoticeJob,
  staffNoticeJob,
  transition,
  type Booking,
  type TransitionResult,
} from "../../store/bookings.ts";
import { writeAudit } from "../../store/audit.ts";
import { listBookings } from "../../store/staff.ts";
import type { NewJob } from "../../store/outbox.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { actorOf, assertOffice, body, parseOr400, type StaffEnv, type StaffPrincipal } from "./auth.ts";
import { bookingJson, personalFields } from "./present.ts";

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

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === "23505") return true;
  }
  return false;
}

function answer(c: Context, result: TransitionResult, deps: AppDeps) {
  if (result.ok) {
    deps.wakeOutbox();
    return c.json({ booking: bookingJson(result.booking, deps.config) });
  }
  if (result.reason === "not_found") throw new HttpError(404, "not_found", "No such booking.");
  throw new HttpError(409, "invalid_state", `This booking is ${result.status ?? "in another state"}; that action does not apply.`);
}

export function bookingRoutes(deps: AppDeps) {
  const { store, config, clock } = deps;
  const limits = { activeLimit: config.SEEKER_ACTIVE_LIMIT, noShowLimit: config.NO_SHOW_LIMIT, noShowWindowDays: config.NO_SHOW_WINDOW_DAYS };

  /** The booking, if it exists (404) and belongs to the caller's office (403). */
  async function visible(staff: StaffPrincipal, id: string): Promise<Booking> {
    const booking = await findBooking(store.db, id);
    if (!booking || booking.status === "held" || booking.status === "expired") throw new HttpError(404, "not_found", "No such booking.");
    assertOffice(staff, booking.officeId);
    return booking;
  }

  function move(c: Context<StaffEnv>, b: Booking, input: Omit<Parameters<typeof transition>[1], "bookingId" | "now" | "actor">) {
    const now = clock();
    return transition(store.db, { ...input, bookingId: b.id, now, actor: actorOf(c.get("staff")) });
  }


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
      const staff = c.get("staff");
      const b = await visible(staff, c.req.param("id"));
      await writeAudit(store.db, {
        at: clock(),
        actor: actorOf(staff),
        action: "read_personal_data",
        entity: "booking",
        entityId: b.id,
        after: { fields: personalFields.filter((f) => b[f] !== null) },
      });
      return c.json({ booking: bookingJson(b, config, { personal: true }) });
    })
    .post("/:id/confirm", async (c) => {
      const b = await visible(c.get("staff"), c.req.param("id"));
      const input = await body(c, confirmBody);
      const office = findOffice(config, b.officeId)!;
      if (input.counsellorId && !office.counsellors.some((x) => x.id === input.counsellorId)) {
        throw new HttpError(400, "invalid_request", "counsellorId: not a counsellor of this office");
      }
      try {
        const result = await move(c, b, {
          from: ["requested"],
          to: "confirmed",
          action: "confirm",
          futureOnly: true,
          set: { meetingUrl: input.meetingUrl, accessCode: input.accessCode ?? null, ...(input.counsellorId ? { counsellorId: input.counsellorId } : {}) },
          jobs: (after) => [seekerNoticeJob("invitation", after.id, clock())],
        });
        return answer(c, result, deps);
      } catch (error) {
        if (isUniqueViolation(error)) throw new HttpError(409, "slot_taken", "That counsellor already has a session at this time.");
        throw error;
      }
    })
    .post("/:id/reject", async (c) => {
      const b = await visible(c.get("staff"), c.req.param("id"));
      const input = await body(c, z.strictObject({ reason }));
      const result = await move(c, b, {
        from: ["requested"],
        to: "rejected",
        action: "reject",
        set: { statusReason: input.reason },
        jobs: (after) => [seekerNoticeJob("rejected", after.id, clock())],
      });
      return answer(c, result, deps);
    })
    .post("/:id/cancel", async (c) => {
      const b = await visible(c.get("staff"), c.req.param("id"));
      const input = await body(c, z.strictObject({ reason }));
      const result = await move(c, b, {
        from: ["requested", "confirmed"],
        to: "cancelled",
        action: "staff_cancel",
        futureOnly: true,
        set: { statusReason: input.reason },
        jobs: (after) => [seekerNoticeJob("cancelled_by_staff", after.id, clock())],
      });
      return answer(c, result, deps);
    })
    .post("/:id/attended", async (c) => {
      const b = await visible(c.get("staff"), c.req.param("id"));
      await body(c, z.strictObject({}));
      if (b.status === "confirmed" && clock() < b.startsAt) throw new HttpError(409, "invalid_state", "The session has not started yet.");
      return answer(c, await move(c, b, { from: ["confirmed"], to: "attended", action: "attended" }), deps);
    })
    .post("/:id/no-show", async (c) => {
      const b = await visible(c.get("staff"), c.req.param("id"));
      await body(c, z.strictObject({}));
      const now = clock();
      // The terms make it a no-show only once 10 minutes have passed without contact.
      if (b.status === "confirmed" && now.getTime() < b.startsAt.getTime() + NO_SHOW_GRACE_MS) {
        throw new HttpError(409, "invalid_state", "A no-show can be recorded from 10 minutes after the start.");
      }
      const result = await move(c, b, {
        from: ["confirmed"],
        to: "no_show",
        action: "no_show",
        set: { statusReason: "marked_by_staff" },
        jobs: (after) => [
          staffNoticeJob("no_show", { officeId: after.officeId, bookingId: after.id, at: now, key: after.id }),
          seekerNoticeJob("no_show", after.id, clock()),
        ],
      });
      return answer(c, result, deps);
    })
    .post("/", async (c) => {
      const staff = c.get("staff");
      const input = await body(c, followUpBody);
      assertOffice(staff, input.office);
      const office = findOffice(config, input.office);
      if (!office) throw new HttpError(400, "invalid_request", "office: not configured");
      if (input.counsellorId && !office.counsellors.some((x) => x.id === input.counsellorId)) {
        throw new HttpError(400, "invalid_request", "counsellorId: not a counsellor of this office");
      }
      const from = input.fromBookingId ? await visible(staff, input.fromBookingId) : undefined;
      const details = {
        requesterKind: input.requesterKind ?? from?.requesterKind ?? "seeker",
        name: input.name ?? from?.name,
        seekerNumber: input.seekerNumber ?? from?.seekerNumber ?? null,
        establishmentNumber: input.establishmentNumber ?? from?.establishmentNumber ?? null,
        email: input.email ?? from?.email,
        phone: input.phone ?? from?.phone,
        topic: input.topic ?? from?.topic,
        support: input.support ?? from?.support ?? null,
      };
      for (const field of ["name", "email", "phone", "topic"] as const) {
        if (!details[field]) throw new HttpError(400, "invalid_request", `${field}: required (or give fromBookingId)`);
      }
      const now = clock();
      const actor = actorOf(staff);
      const held = await holdSlot(store.db, {
        office,
        startsAt: new Date(input.startsAt),
        counsellorId: input.counsellorId,
        conversationId: from?.conversationId ?? crypto.randomUUID(),
        keepOtherHolds: true,
        channel: from && from.channel !== "staff" ? from.channel : "staff",
        locale: input.locale ?? from?.locale ?? "ja",
        seekerNumber: details.seekerNumber ?? undefined,
        now,
        holdMinutes: config.HOLD_MINUTES,
        limits,
        actor,
      });
      if (!held.ok) {
        return c.json(
          {
            error: { code: held.refusal.reason, message: "That time cannot be booked." },
            alternatives: held.alternatives.map((s) => ({ startsAt: new Date(s.startsAt).toISOString(), counsellorIds: s.counsellorIds })),
          },
          409,
        );
      }
      const requested = await requestBooking(store.db, {
        holdId: held.booking.id,
        office,
        details: details as Parameters<typeof requestBooking>[1]["details"],
        now,
        limits,
        actor,
        holdMinutes: config.HOLD_MINUTES,
      });
      if (!requested.ok) throw new HttpError(409, requested.refusal.reason, "That time cannot be booked.");
      let booking = requested.booking;
      if (input.meetingUrl) {
        const confirmed = await transition(store.db, {
          bookingId: booking.id,
          from: ["requested"],
          to: "confirmed",
          now,
          actor,
          action: "confirm",
          set: { meetingUrl: input.meetingUrl, accessCode: input.accessCode ?? null },
          jobs: (after) => [seekerNoticeJob("invitation", after.id, clock())],
        });
        if (confirmed.ok) booking = confirmed.booking;
      }
      deps.wakeOutbox();
      return c.json({ booking: bookingJson(booking, config) }, 201);
    });
}
