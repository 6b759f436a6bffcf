// What staff can change in an office's calendar, shared by the JSON staff API and the console:
// closures (a typhoon day, told to each affected seeker), counsellors' absences, and a counsellor's
// "available now" for immediate sessions (terms art. 6-2). Each action checks the caller's office;
// refusals are HttpErrors whose code (and field) the console turns into words.
import { findOffice, type Office } from "../../config.ts";
import { jstDate } from "../../jst.ts";
import { setAvailableNow } from "../../store/bookings.ts";
import {
  addAbsence,
  addClosure,
  bookingsOnDay,
  findAbsence,
  findClosure,
  removeAbsence,
  removeClosure,
  type AbsenceRow,
  type AffectedBooking,
  type ClosureRow,
} from "../../store/calendar.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { actorOf, assertOffice, type StaffPrincipal } from "./auth.ts";

/** A bad value in one field, named so a form can show the message next to it. */
export class FieldRefused extends HttpError {
  constructor(
    readonly field: string,
    readonly reason: "past" | "unknown",
    message: string,
  ) {
    super(400, "invalid_request", `${field}: ${message}`);
  }
}

/** The day is closed already; the closure that closes it comes along. */
export class AlreadyClosed extends HttpError {
  constructor(readonly closure: ClosureRow) {
    super(409, "already_closed", "This office is already closed on that day.");
  }
}

export interface ClosureInput {
  /** null: every office (admins only). */
  office: string | null;
  date: string;
  reason: string;
  /** Cancel the bookings on that day and tell each seeker, offering other times. */
  tellSeekers?: boolean;
}

export interface AbsenceInput {
  counsellorId: string;
  date: string;
  from?: string;
  to?: string;
}

export function calendarActions(deps: Pick<AppDeps, "store" | "config" | "clock" | "wakeOutbox">) {
  const { store, config, clock } = deps;

  function officeOfCounsellor(counsellorId: string): Office | undefined {
    return config.offices.find((o) => o.counsellors.some((x) => x.id === counsellorId));
  }

  /** Who may close which offices: their own, or every office (null) for an admin. */
  function mayClose(staff: StaffPrincipal, office: string | null): void {
    if (office === null) {
      if (staff.role !== "admin") throw new HttpError(403, "forbidden", "Only an admin may close every office; give your office.");
      return;
    }
    if (!findOffice(config, office)) throw new FieldRefused("office", "unknown", "not configured");
    assertOffice(staff, office);
  }

  // A closure or absence for a past day changes nothing a seeker can book and would only confuse the list.
  function notPast(date: string): void {
    if (date < jstDate(clock())) throw new FieldRefused("date", "past", "in the past");
  }

  return {
    officeOfCounsellor,

    /** The bookings a closure would affect, before anything is stored: the console's confirm step. */
    async previewClosure(staff: StaffPrincipal, input: { office: string | null; date: string }): Promise<AffectedBooking[]> {
      mayClose(staff, input.office);
      notPast(input.date);
      return bookingsOnDay(store.db, input.office, input.date);
    },

    async addClosure(staff: StaffPrincipal, input: ClosureInput): Promise<{ closure: ClosureRow; affected: AffectedBooking[] }> {
      mayClose(staff, input.office);
      notPast(input.date);
      const result = await addClosure(store.db, {
        officeId: input.office,
        date: input.date,
        reason: input.reason,
        now: clock(),
        actor: actorOf(staff),
        tellSeekers: input.tellSeekers,
      });
      if (!result.ok) throw new AlreadyClosed(result.closure);
      if (input.tellSeekers && result.affected.length > 0) deps.wakeOutbox();
      return { closure: result.closure, affected: result.affected };
    },

    async removeClosure(staff: StaffPrincipal, id: string): Promise<ClosureRow> {
      const closure = await findClosure(store.db, id);
      if (!closure) throw new HttpError(404, "not_found", "No such closure.");
      assertOffice(staff, closure.officeId);
      if (!(await removeClosure(store.db, { id: closure.id, now: clock(), actor: actorOf(staff) }))) throw new HttpError(404, "not_found", "No such closure.");
      return closure;
    },

    async addAbsence(staff: StaffPrincipal, input: AbsenceInput): Promise<{ absence: AbsenceRow; affected: AffectedBooking[] }> {
      const office = officeOfCounsellor(input.counsellorId);
      if (!office) throw new FieldRefused("counsellorId", "unknown", "no such counsellor");
      assertOffice(staff, office.id);
      notPast(input.date);
      return addAbsence(store.db, { counsellorId: input.counsellorId, date: input.date, fromTime: input.from, toTime: input.to, now: clock(), actor: actorOf(staff) });
    },

    async removeAbsence(staff: StaffPrincipal, id: string): Promise<AbsenceRow> {
      const absence = await findAbsence(store.db, id);
      if (!absence) throw new HttpError(404, "not_found", "No such absence.");
      // A counsellor no longer in the settings belongs to no office: only an admin may tidy that up.
      assertOffice(staff, officeOfCounsellor(absence.counsellorId)?.id ?? null);
      if (!(await removeAbsence(store.db, { id: absence.id, now: clock(), actor: actorOf(staff) }))) throw new HttpError(404, "not_found", "No such absence.");
      return absence;
    },

    /** A counsellor can take a session right away for the next minutes (0 ends it). */
    async setAvailableNow(staff: StaffPrincipal, input: { counsellorId: string; minutes: number }): Promise<{ office: Office; until: Date | null }> {
      const office = officeOfCounsellor(input.counsellorId);
      if (!office) throw new HttpError(404, "not_found", "No such counsellor.");
      assertOffice(staff, office.id);
      const now = clock();
      const until = input.minutes === 0 ? null : new Date(now.getTime() + input.minutes * 60_000);
      await setAvailableNow(store.db, { counsellorId: input.counsellorId, until, now, actor: actorOf(staff) });
      return { office, until };
    },
  };
}

export type CalendarActions = ReturnType<typeof calendarActions>;
