// What staff can do to a booking, shared by the JSON staff API and the console: each action checks the
// caller's office, applies the ledger transition and queues the seeker's notice in the same
// transaction. Refusals are HttpErrors with a code the console turns into words.
import { createStaffBooking, type StaffBookingInput } from "../../booking/staffBooking.ts";
import { findOffice } from "../../config.ts";
import { seekerNoticeJob, staffNoticeJob } from "../../notices.ts";
import { auditTrail, writeAudit, type AuditTrailRow } from "../../store/audit.ts";
import { addBookingNote, bookingNotesOf, type BookingNote } from "../../store/bookingNotes.ts";
import { findBooking, nextSequence, NO_SHOW_GRACE_MS, transition, type Booking, type TransitionResult } from "../../store/bookings.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { actorOf, assertOffice, type StaffPrincipal } from "./auth.ts";
import { personalFields } from "../../booking/details.ts";
import type { RejectReasonCode } from "../../booking/reasons.ts";

export interface ConfirmInput {
  meetingUrl: string;
  accessCode?: string;
  counsellorId?: string;
}

/** Whatever a slot refusal offers instead, for a 409 that lists other times. */
export class SlotRefused extends HttpError {
  constructor(
    code: string,
    readonly alternatives: { startsAt: string; counsellorIds: string[] }[],
  ) {
    super(409, code, "That time cannot be booked.");
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === "23505") return true;
  }
  return false;
}

function settle(result: TransitionResult, deps: Pick<AppDeps, "wakeOutbox">): Booking {
  if (result.ok) {
    deps.wakeOutbox();
    return result.booking;
  }
  if (result.reason === "not_found") throw new HttpError(404, "not_found", "No such booking.");
  if (result.reason === "stale") throw new HttpError(409, "stale", "This booking changed meanwhile; reload it and try again.");
  throw new HttpError(409, "invalid_state", `This booking is ${result.status ?? "in another state"}; that action does not apply.`);
}

export function bookingActions(deps: AppDeps) {
  const { store, config, clock } = deps;

  /** The booking, if it exists (404) and belongs to the caller's office (403). */
  async function visible(staff: StaffPrincipal, id: string): Promise<Booking> {
    const booking = /^[0-9a-f-]{36}$/i.test(id) ? await findBooking(store.db, id) : undefined;
    if (!booking || booking.status === "held" || booking.status === "expired") throw new HttpError(404, "not_found", "No such booking.");
    assertOffice(staff, booking.officeId);
    return booking;
  }

  type Move = Omit<Parameters<typeof transition>[1], "bookingId" | "now" | "actor">;
  async function move(staff: StaffPrincipal, b: Booking, input: Move, expectedUpdatedAt?: Date): Promise<Booking> {
    return settle(await transition(store.db, { ...input, bookingId: b.id, now: clock(), actor: actorOf(staff), expectedUpdatedAt }), deps);
  }

  return {
    visible,

    /** Opening a booking's details is a read of personal data, and the audit log says who read it. */
    async read(staff: StaffPrincipal, id: string): Promise<Booking> {
      const b = await visible(staff, id);
      await writeAudit(store.db, {
        at: clock(),
        actor: actorOf(staff),
        action: "read_personal_data",
        entity: "booking",
        entityId: b.id,
        after: { fields: personalFields.filter((f) => b[f] !== null) },
      });
      return b;
    },

    async confirm(staff: StaffPrincipal, b: Booking, input: ConfirmInput, expectedUpdatedAt?: Date): Promise<Booking> {
      const office = findOffice(config, b.officeId)!;
      if (input.counsellorId && !office.counsellors.some((x) => x.id === input.counsellorId)) {
        throw new HttpError(400, "invalid_request", "counsellorId: not a counsellor of this office");
      }
      try {
        return await move(
          staff,
          b,
          {
            from: ["requested"],
            to: "confirmed",
            action: "confirm",
            futureOnly: true,
            set: { meetingUrl: input.meetingUrl, accessCode: input.accessCode ?? null, ...(input.counsellorId ? { counsellorId: input.counsellorId } : {}) },
            jobs: (after) => [seekerNoticeJob("invitation", after.id, clock())],
          },
          expectedUpdatedAt,
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new HttpError(409, "slot_taken", "That counsellor already has a session at this time.");
        throw error;
      }
    },

    /**
     * Another counsellor of the office takes the session. The partial unique index refuses one who
     * already has a session at that time; the seeker is not told (the invitation names no counsellor).
     */
    async changeCounsellor(staff: StaffPrincipal, b: Booking, counsellorId: string, expectedUpdatedAt?: Date): Promise<Booking> {
      const office = findOffice(config, b.officeId)!;
      if (!office.counsellors.some((x) => x.id === counsellorId)) {
        throw new HttpError(400, "invalid_request", "counsellorId: not a counsellor of this office");
      }
      if (counsellorId === b.counsellorId) return b;
      try {
        return await move(
          staff,
          b,
          { from: ["requested", "confirmed"], action: "change_counsellor", futureOnly: true, set: { counsellorId, counsellorNamed: false } },
          expectedUpdatedAt,
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new HttpError(409, "slot_taken", "That counsellor already has a session at this time.");
        throw error;
      }
    },

    /**
     * A new meeting URL or access code for a confirmed session: the seeker gets an updated invitation
     * (the same calendar UID, a higher SEQUENCE) and a message in their chat.
     */
    async changeMeeting(staff: StaffPrincipal, b: Booking, input: { meetingUrl: string; accessCode?: string }, expectedUpdatedAt?: Date): Promise<Booking> {
      const accessCode = input.accessCode ?? null;
      if (b.status === "confirmed" && input.meetingUrl === b.meetingUrl && accessCode === b.accessCode) return b;
      return move(
        staff,
        b,
        {
          from: ["confirmed"],
          action: "change_meeting",
          futureOnly: true,
          set: { meetingUrl: input.meetingUrl, accessCode, sequence: nextSequence },
          jobs: (after) => [seekerNoticeJob("meeting_changed", after.id, clock(), { sequence: after.sequence })],
        },
        expectedUpdatedAt,
      );
    },

    /** A note for other staff; the seeker never sees it. */
    async addNote(staff: StaffPrincipal, b: Booking, body: string): Promise<void> {
      await addBookingNote(store.db, { bookingId: b.id, staffId: staff.id, body, now: clock() });
    },

    notes(b: Booking): Promise<BookingNote[]> {
      return bookingNotesOf(store.db, b.id);
    },

    /** Who did what to the booking and when, from the audit log. */
    history(b: Booking): Promise<AuditTrailRow[]> {
      return auditTrail(store.db, "booking", b.id);
    },

    /** A reason from the list is stored as its code, with what staff added beside it; a reason staff write is stored as written. */
    async reject(staff: StaffPrincipal, b: Booking, reason: string | { code: RejectReasonCode; detail?: string }, expectedUpdatedAt?: Date): Promise<Booking> {
      const set = typeof reason === "string" ? { statusReason: reason, statusDetail: null } : { statusReason: reason.code, statusDetail: reason.detail ?? null };
      return move(
        staff,
        b,
        { from: ["requested"], to: "rejected", action: "reject", set, jobs: (after) => [seekerNoticeJob("rejected", after.id, clock())] },
        expectedUpdatedAt,
      );
    },

    async cancel(staff: StaffPrincipal, b: Booking, reason: string, expectedUpdatedAt?: Date): Promise<Booking> {
      return move(
        staff,
        b,
        {
          from: ["requested", "confirmed"],
          to: "cancelled",
          action: "staff_cancel",
          futureOnly: true,
          set: { statusReason: reason, sequence: nextSequence },
          jobs: (after) => [seekerNoticeJob("cancelled_by_staff", after.id, clock())],
        },
        expectedUpdatedAt,
      );
    },

    async attended(staff: StaffPrincipal, b: Booking, expectedUpdatedAt?: Date): Promise<Booking> {
      if (b.status === "confirmed" && clock() < b.startsAt) throw new HttpError(409, "invalid_state", "The session has not started yet.");
      return move(staff, b, { from: ["confirmed"], to: "attended", action: "attended" }, expectedUpdatedAt);
    },

    async noShow(staff: StaffPrincipal, b: Booking, expectedUpdatedAt?: Date): Promise<Booking> {
      const now = clock();
      // The terms make it a no-show only once 10 minutes have passed without contact.
      if (b.status === "confirmed" && now.getTime() < b.startsAt.getTime() + NO_SHOW_GRACE_MS) {
        throw new HttpError(409, "invalid_state", "A no-show can be recorded from 10 minutes after the start.");
      }
      return move(
        staff,
        b,
        {
          from: ["confirmed"],
          to: "no_show",
          action: "no_show",
          set: { statusReason: "marked_by_staff" },
          jobs: (after) => [
            staffNoticeJob("no_show", { officeId: after.officeId, bookingId: after.id, at: now, key: after.id }),
            seekerNoticeJob("no_show", after.id, clock()),
          ],
        },
        expectedUpdatedAt,
      );
    },

    /** A booking staff make for someone (src/booking/staffBooking.ts), in the caller's office; its refusals as HTTP errors. */
    async create(staff: StaffPrincipal, input: StaffBookingInput): Promise<Booking> {
      assertOffice(staff, input.office);
      const result = await createStaffBooking(deps, { input, actor: actorOf(staff), readEarlier: (id) => visible(staff, id) });
      if (result.ok) return result.booking;
      const { refusal } = result;
      switch (refusal.reason) {
        case "unknown_office":
          throw new HttpError(400, "invalid_request", "office: not configured");
        case "unknown_counsellor":
          throw new HttpError(400, "invalid_request", "counsellorId: not a counsellor of this office");
        case "missing_detail":
          throw new HttpError(400, "invalid_request", `${refusal.field}: required (or give fromBookingId)`);
        case "slot_refused":
          throw new SlotRefused(refusal.slotReason, refusal.alternatives);
      }
    },
  };
}

export type BookingActions = ReturnType<typeof bookingActions>;
