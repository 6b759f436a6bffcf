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
} satisfies Catalogue["codes"];
