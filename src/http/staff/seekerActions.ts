// What staff can look up and do about one seeker, shared by the JSON staff API and the console: their
// bookings (within the offices the caller sees), their no-show record, and clearing it (admins only).
import { writeAudit } from "../../store/audit.ts";
import { clearNoShows, seekerStanding, type Booking } from "../../store/bookings.ts";
import { bookingsOfSeeker, clearancesOf, type Clearance } from "../../store/seekers.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { actorOf, type StaffPrincipal } from "./auth.ts";

export interface SeekerRecord {
  seekerNumber: string;
  bookings: Booking[];
  /** No-shows that count now (within the window, since the last clearance), across offices. */
  noShows: number;
  /** Online requests are refused until an admin clears the record. */
  suspended: boolean;
  clearances: Clearance[];
}

export function seekerActions(deps: AppDeps) {
  const { store, config, clock } = deps;
  const limits = { activeLimit: config.SEEKER_ACTIVE_LIMIT, noShowLimit: config.NO_SHOW_LIMIT, noShowWindowDays: config.NO_SHOW_WINDOW_DAYS };

  return {
    /** A seeker's record; looking it up is an audited read of personal data. */
    async lookup(staff: StaffPrincipal, seekerNumber: string): Promise<SeekerRecord> {
      const now = clock();
      const officeIds = staff.role === "admin" ? undefined : [staff.officeId!];
      // The no-show count does not depend on the office; the office only matters for the active booking.
      const officeId = staff.officeId ?? config.offices[0]!.id;
      const [bookings, standing, clearances] = await Promise.all([
        bookingsOfSeeker(store.db, { seekerNumber, officeIds }),
        seekerStanding(store.db, { seekerNumber, officeId, now, limits }),
        clearancesOf(store.db, seekerNumber),
      ]);
      await writeAudit(store.db, {
        at: now,
        actor: actorOf(staff),
        action: "read_personal_data",
        entity: "seeker",
        entityId: seekerNumber,
        after: { fields: ["bookings", "noShows", "suspended"], bookings: bookings.length },
      });
      return { seekerNumber, bookings, noShows: standing.noShows, suspended: standing.suspended, clearances };
    },

    /** Clears the no-show record so the seeker may book online again: an admin's decision, audited. */
    async clear(staff: StaffPrincipal, seekerNumber: string): Promise<void> {
      if (staff.role !== "admin") throw new HttpError(403, "forbidden", "Only an admin may clear a seeker's no-show record.");
      // clearNoShows writes the audit row (actor staff:<id>) in the same transaction.
      await clearNoShows(store.db, { seekerNumber, staffId: staff.id, now: clock() });
    },
  };
}
