// What a stored code reads as. The database keeps the code; each reader shows it in their own language.
import type { SeekerCatalogue } from "../catalogue.ts";
// Not yet rewritten in やさしい日本語: the sections given as japanese.… are the Japanese catalogue's own.
import { codes as japanese } from "../ja/codes.ts";

export const codes = {
  /** A booking's status as the seeker reads it: in the bot's answer about their bookings and on every booking card. */
  status: japanese.status,
  /** The help asked for at the session: the seeker's choice in the intake, and what staff read. */
  support: japanese.support,
  /** Why a booking was declined or ended: what the seeker is told, and what staff read. */
  reason: japanese.reason,
} satisfies SeekerCatalogue["codes"];
