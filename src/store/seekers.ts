// A seeker as staff look them up by seeker number: their bookings and when their no-show record was cleared.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "./db.ts";
import { bookings, seekerClearances, staffUsers } from "./schema.ts";
import type { Booking } from "./bookings.ts";

/** Every booking made under a (normalised) seeker number, newest session first; holds are not bookings. */
export async function bookingsOfSeeker(ex: Executor, input: { seekerNumber: string; officeIds?: string[]; limit?: number }): Promise<Booking[]> {
  return ex
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.seekerNumber, input.seekerNumber),
        inArray(bookings.status, ["requested", "confirmed", "attended", "no_show", "cancelled", "rejected"]),
        input.officeIds ? inArray(bookings.officeId, input.officeIds) : undefined,
      ),
    )
    .orderBy(desc(bookings.startsAt))
    .limit(input.limit ?? 200);
}

export interface Clearance {
  clearedAt: Date;
  /** The admin's sign-in address; null once their account is gone. */
  staffEmail: string | null;
}

export async function clearancesOf(ex: Executor, seekerNumber: string): Promise<Clearance[]> {
  return ex
    .select({ clearedAt: seekerClearances.clearedAt, staffEmail: staffUsers.email })
    .from(seekerClearances)
    .leftJoin(staffUsers, sql`${seekerClearances.clearedBy} = ${staffUsers.id}::text`)
    .where(eq(seekerClearances.seekerNumber, seekerNumber))
    .orderBy(desc(seekerClearances.clearedAt));
}
