// What a stored code reads as. The database keeps the code; each reader shows it in their own language.
import type { Catalogue } from "../catalogue.ts";

export const codes = {
  status: {
    requested: "Received (time being arranged)",
    confirmed: "Confirmed (invitation sent)",
    held: "Held",
    attended: "Done",
    no_show: "Missed without notice",
    cancelled: "Cancelled",
    rejected: "Could not be arranged",
    expired: "Expired",
  },
  support: {
    interpreter: "Interpreter",
    assistant: "Assistant joins",
  },
  reason: {
    slot_unavailable: "No counsellor is free at that time",
    not_eligible: "Not eligible for online counselling",
    duplicate: "A duplicate of another request",
    rescheduled: "Moved to another time",
    seeker: "Cancelled by the seeker",
    no_contact_10_minutes: "No contact by 10 minutes after the start",
    marked_by_staff: "Recorded by staff",
  },
} satisfies Catalogue["codes"];
