// Staff change the booking calendar at run time: closures (a typhoon day), counsellors' absences,
// and a seeker's no-show record (cleared so they may book online again).
import { Hono } from "hono";
import { z } from "zod";
import { findOffice, officeIdSchema, type Config } from "../../config.ts";
import { catalogues } from "../../i18n/index.ts";
import { isValidDate, minutesOf, parseDateString } from "../../jst.ts";
import { parseSeekerNumber } from "../../nlu/index.ts";
import { writeAudit } from "../../store/audit.ts";
import { seekerStanding } from "../../store/bookings.ts";
import {
  listAbsences,
  listClosures,
  type AbsenceRow,
  type AffectedBooking,
  type ClosureRow,
} from "../../store/calendar.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { AlreadyClosed, calendarActions } from "./calendarActions.ts";
import { actorOf, assertOffice, body, parseOr400, type StaffEnv, type StaffPrincipal } from "./auth.ts";
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
  /** Omitted: every office (admins only). */
  office: officeIdSchema.optional(),
  /** Cancel the bookings on that day and tell each seeker, offering other times (default: only list them). */
  tellSeekers: z.boolean().optional(),
});

const absenceBody = z
  .strictObject({
    counsellorId: z.string().min(1).max(100),
    date: realDate,
    from: clockTime.optional(),
    to: clockTime.optional(),
  })
  .refine((a) => !a.from || !a.to || minutesOf(a.from) < minutesOf(a.to), { message: "from must be before to", path: ["to"] });

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
    when: catalogues.ja.formats.slot(b.startsAt, new Date(b.startsAt.getTime() + 30 * 60_000)),
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

  return new Hono<StaffEnv>()
    .get("/closures", async (c) => {
      const q = parseOr400(rangeQuery, c.req.query());
      const rows = await listClosures(store.db, { officeId: officeFilter(c.get("staff"), q.office), from: q.from, to: q.to });
      return c.json({ closures: rows.map(closureJson) });
    })
    .get("/closures/affected", async (c) => {
      const staff = c.get("staff");
      const q = parseOr400(z.strictObject({ date: realDate, office: officeIdSchema.optional() }), c.req.query());
      const affected = await actions.previewClosure(staff, { office: q.office ?? null, date: q.date });
      return c.json({ affected: affected.map(affectedJson) });
    })
    .post("/closures", async (c) => {
      const staff = c.get("staff");
      const input = await body(c, closureBody);
      try {
        const result = await actions.addClosure(staff, { office: input.office ?? null, date: input.date, reason: input.reason, tellSeekers: input.tellSeekers });
        return c.json({ closure: closureJson(result.closure), affected: result.affected.map(affectedJson), told: input.tellSeekers ? result.affected.length : 0 }, 201);
      } catch (error) {
        if (error instanceof AlreadyClosed) return c.json({ error: { code: error.code, message: error.message }, closure: closureJson(error.closure) }, 409);
        throw error;
      }
    })
    .delete("/closures/:id", async (c) => {
      await actions.removeClosure(c.get("staff"), c.req.param("id"));
      return c.body(null, 204);
    })
    .get("/absences", async (c) => {
      const q = parseOr400(rangeQuery, c.req.query());
      const officeId = officeFilter(c.get("staff"), q.office);
      const counsellorIds = officeId ? (findOffice(config, officeId)?.counsellors.map((x) => x.id) ?? []) : undefined;
      const rows = await listAbsences(store.db, { counsellorIds, from: q.from, to: q.to });
      return c.json({ absences: rows.map((a) => absenceJson(a, config)) });
    })
    .post("/absences", async (c) => {
      const input = await body(c, absenceBody);
      const result = await actions.addAbsence(c.get("staff"), input);
      return c.json({ absence: absenceJson(result.absence, config), affected: result.affected.map(affectedJson) }, 201);
    })
    .delete("/absences/:id", async (c) => {
      await actions.removeAbsence(c.get("staff"), c.req.param("id"));
      return c.body(null, 204);
    })
    .post("/seekers/:seekerNumber/clear-no-shows", async (c) => {
      const seekerNumber = seekerNumberOf(c.req.param("seekerNumber"));
      await body(c, z.strictObject({}));
      await seekers.clear(c.get("staff"), seekerNumber);
      return c.body(null, 204);
    })
    .get("/seekers/:seekerNumber/standing", async (c) => {
      const staff = c.get("staff");
      const seekerNumber = seekerNumberOf(c.req.param("seekerNumber"));
      const q = parseOr400(z.strictObject({ office: officeIdSchema.optional() }), c.req.query());
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
}
