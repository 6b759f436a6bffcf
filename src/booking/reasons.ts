// Why a booking left its course, stored as a code; each reader (staff, the seeker's notices) shows the
// label in their own language (src/i18n/*/codes.ts). A reason staff type in their own words stays text.

/** The reasons staff choose from when they decline a request. */
export const rejectReasonCodes = ["slot_unavailable", "not_eligible", "duplicate"] as const;
export type RejectReasonCode = (typeof rejectReasonCodes)[number];

/** Every coded reason: the ones staff choose, and the ones the product records itself. */
export const statusReasonCodes = [...rejectReasonCodes, "rescheduled", "seeker", "no_contact_10_minutes", "marked_by_staff"] as const;
export type StatusReasonCode = (typeof statusReasonCodes)[number];

export function isRejectReasonCode(value: unknown): value is RejectReasonCode {
  return (rejectReasonCodes as readonly unknown[]).includes(value);
}

export function isStatusReasonCode(value: unknown): value is StatusReasonCode {
  return (statusReasonCodes as readonly unknown[]).includes(value);
}
