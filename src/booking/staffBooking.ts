// A booking staff make for someone: a phone or counter request, or a follow-up agreed during a session
// (terms art. 6(4)). The ledger steps are the chat's (hold, then request, with the same rules and
// limits); when staff already give the meeting URL it is confirmed at once. Who may do it, and how a
// refusal reads, is the caller's: the staff API and the console both come through bookingActions.create.
import type { z } from "zod";
import { findOffice, type Config, type OfficeId } from "../config.ts";
import { supportCode } from "../i18n/index.ts";
import type { Locale } from "../i18n/locales.ts";
import { seekerNoticeJob } from "../notices.ts";
import type { SlotRefusalReason } from "../schedule/index.ts";
import { holdSlot, requestBooking, transition, type Booking } from "../store/bookings.ts";
import type { Store } from "../store/db.ts";
import { detailNames, detailsFrom, isOptionalDetail, missingDetail, type DetailField, type DetailValues, type partialDetailsSchema } from "./details.ts";

export type StaffBookingInput = z.infer<typeof partialDetailsSchema> & {
  office: OfficeId;
  startsAt: string;
  counsellorId?: string;
  /** The session in which a follow-up was agreed: its person, contacts, channel and chat are reused. */
  fromBookingId?: string;
  locale?: Locale;
  meetingUrl?: string;
  accessCode?: string;
};


export type StaffBookingRefusal =
  | { reason: "unknown_office" }
  | { reason: "unknown_counsellor" }
  | { reason: "missing_detail"; field: DetailField }
  | { reason: "slot_refused"; slotReason: SlotRefusalReason | "hold_lost"; alternatives: { startsAt: string; counsellorIds: string[] }[] };

export type StaffBookingResult = { ok: true; booking: Booking } | { ok: false; refusal: StaffBookingRefusal };

export interface StaffBookingDeps {
  store: Store;
  config: Config;
  clock: () => Date;
  /** Called once the booking's notices are queued, so they go out now. */
  wakeOutbox: () => void;
}

export interface StaffBookingRequest {
  input: StaffBookingInput;
  /** Who books, for the audit log ('staff:<id>'). */
  actor: string;
  /**
   * Reads the booking named by fromBookingId with the caller's rights; a refusal it throws passes
   * through. Called after the office and counsellor are checked.
   */
  readEarlier: (id: string) => Promise<Booking>;
}

/** The details given, each missing one taken from the earlier booking. */
function completeDetails(input: StaffBookingInput, from: Booking | undefined): Partial<DetailValues> {
  const given = Object.fromEntries(detailNames.map((name) => [name, input[name] ?? from?.[name] ?? (isOptionalDetail(name) ? null : undefined)]));
  return {
    ...given,
    requesterKind: input.requesterKind ?? from?.requesterKind ?? "seeker",
    // A label staff type (or see prefilled from the earlier booking) is stored as its code.
    support: input.support ? supportCode(input.support) : (from?.support ?? null),
  };
}

export async function createStaffBooking(deps: StaffBookingDeps, { input, actor, readEarlier }: StaffBookingRequest): Promise<StaffBookingResult> {
  const { store, config, clock } = deps;
  const office = findOffice(config, input.office);
  if (!office) return { ok: false, refusal: { reason: "unknown_office" } };
  if (input.counsellorId && !office.counsellors.some((x) => x.id === input.counsellorId)) return { ok: false, refusal: { reason: "unknown_counsellor" } };
  const from = input.fromBookingId ? await readEarlier(input.fromBookingId) : undefined;
  const details = completeDetails(input, from);
  const missing = missingDetail(details);
  if (missing) return { ok: false, refusal: { reason: "missing_detail", field: missing } };

  const limits = { activeLimit: config.SEEKER_ACTIVE_LIMIT, noShowLimit: config.NO_SHOW_LIMIT, noShowWindowDays: config.NO_SHOW_WINDOW_DAYS };
  const now = clock();
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
    const alternatives = held.alternatives.map((s) => ({ startsAt: new Date(s.startsAt).toISOString(), counsellorIds: s.counsellorIds }));
    return { ok: false, refusal: { reason: "slot_refused", slotReason: held.refusal.reason, alternatives } };
  }
  const requested = await requestBooking(store.db, {
    holdId: held.booking.id,
    office,
    details: detailsFrom(details),
    now,
    limits,
    actor,
    holdMinutes: config.HOLD_MINUTES,
  });
  if (!requested.ok) return { ok: false, refusal: { reason: "slot_refused", slotReason: requested.refusal.reason, alternatives: [] } };
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
  return { ok: true, booking };
}
