// The periodic sweep, one pass: no-shows (10 minutes after the start), holds that ran out, personal
// data idle conversations no longer need, bookings' personal data RETENTION_DAYS after their
// session, delivered inbox and outbox rows, and staff sessions, sign-in counters, chat limits and
// email codes that ran out; then the waitlist (キャンセル待ち): offers that ran out lapse, and free
// slots are offered to the first person waiting for them (after the holds above are let go).
import type { Config } from "../config.ts";
import { sweep } from "../store/bookings.ts";
import type { Db } from "../store/db.ts";
import { forgetOldCodes } from "../store/emailCodes.ts";
import { forgetOldWindows } from "../store/rateLimits.ts";
import { forgetIdle } from "../store/conversations.ts";
import { erasePastPersonalData, pruneDelivered } from "../store/retention.ts";
import { purgeSignIns } from "../store/staff.ts";
import { sweepWaitlist } from "../store/waitlist.ts";

export const SWEEP_EVERY_MS = 60_000;

export async function sweepOnce(db: Db, config: Pick<Config, "CONVERSATION_RESET_HOURS" | "RETENTION_DAYS" | "WAITLIST_OFFER_MINUTES" | "offices">, now: Date) {
  const idleSince = new Date(now.getTime() - config.CONVERSATION_RESET_HOURS * 3_600_000);
  const retainedSince = new Date(now.getTime() - config.RETENTION_DAYS * 86_400_000);
  const [bookings, forgotten, erased, pruned, signIns] = await Promise.all([
    sweep(db, now),
    forgetIdle(db, idleSince),
    erasePastPersonalData(db, { before: retainedSince, now }),
    pruneDelivered(db, { inboxBefore: idleSince, outboxBefore: retainedSince }),
    purgeSignIns(db, now),
    forgetOldWindows(db, now),
    forgetOldCodes(db, now),
  ]);
  const waitlist = await sweepWaitlist(db, { offices: config.offices, now, offerMinutes: config.WAITLIST_OFFER_MINUTES });
  return { bookings, forgotten, erased, pruned, signIns, waitlist };
}
