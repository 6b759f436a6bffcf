// A fixed week of bookings with known outcomes and times, for the dashboard's exact figures.
import { bookings, auditLog, absences, closures } from "../../src/store/schema.ts";
import type { TestStore } from "./stores.ts";

const at = (iso: string) => new Date(iso);
type Status = (typeof bookings.$inferInsert)["status"];

interface Seed {
  ref: string;
  office?: string;
  counsellor: string;
  startsAt: string;
  status: Status;
  requestedAt?: string;
  confirmedAt?: string;
  createdAt: string;
}

// Nagasaki, the week of Monday 30 November 2026: six requests, two holds that never became one.
const seeds: Seed[] = [
  { ref: "A", counsellor: "nagasaki-1", startsAt: "2026-11-30T14:00:00+09:00", status: "attended", createdAt: "2026-11-24T09:55:00+09:00", requestedAt: "2026-11-24T10:00:00+09:00", confirmedAt: "2026-11-24T10:30:00+09:00" },
  { ref: "B", counsellor: "nagasaki-2", startsAt: "2026-11-30T14:00:00+09:00", status: "no_show", createdAt: "2026-11-25T08:58:00+09:00", requestedAt: "2026-11-25T09:00:00+09:00", confirmedAt: "2026-11-25T10:30:00+09:00" },
  { ref: "C", counsellor: "nagasaki-1", startsAt: "2026-12-01T10:00:00+09:00", status: "confirmed", createdAt: "2026-11-26T11:59:00+09:00", requestedAt: "2026-11-26T12:00:00+09:00", confirmedAt: "2026-11-26T14:00:00+09:00" },
  { ref: "D", counsellor: "nagasaki-1", startsAt: "2026-12-01T11:00:00+09:00", status: "rejected", createdAt: "2026-11-27T09:59:00+09:00", requestedAt: "2026-11-27T10:00:00+09:00" },
  { ref: "E", counsellor: "nagasaki-1", startsAt: "2026-12-03T10:00:00+09:00", status: "cancelled", createdAt: "2026-11-27T09:59:00+09:00", requestedAt: "2026-11-27T10:00:00+09:00", confirmedAt: "2026-11-27T11:00:00+09:00" },
  { ref: "F", counsellor: "nagasaki-1", startsAt: "2026-12-03T15:00:00+09:00", status: "requested", createdAt: "2026-11-30T08:59:00+09:00", requestedAt: "2026-11-30T09:00:00+09:00" },
  { ref: "G", counsellor: "nagasaki-1", startsAt: "2026-12-01T12:00:00+09:00", status: "held", createdAt: "2026-11-30T10:00:00+09:00" },
  { ref: "H", counsellor: "nagasaki-1", startsAt: "2026-12-01T12:00:00+09:00", status: "expired", createdAt: "2026-11-29T10:00:00+09:00" },
  // Young Hello Work: one request, made by staff without a request entry (counts from its creation).
  { ref: "Y", office: "young-nagasaki", counsellor: "young-1", startsAt: "2026-12-01T11:00:00+09:00", status: "requested", createdAt: "2026-11-28T11:00:00+09:00" },
];

/**
 * Also a closure of Nagasaki on Friday 4 December and counsellor A away all of Wednesday 2 December,
 * so that week Nagasaki has 82 − 24 − 12 = 46 bookable counsellor slots.
 */
export async function seedDashboardWeek(store: TestStore): Promise<void> {
  for (const s of seeds) {
    const startsAt = at(s.startsAt);
    const [row] = await store.db
      .insert(bookings)
      .values({
        reference: `SEED-${s.ref}`,
        officeId: s.office ?? "nagasaki",
        counsellorId: s.counsellor,
        status: s.status,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        channel: "web",
        createdAt: at(s.createdAt),
        updatedAt: at(s.createdAt),
      })
      .returning({ id: bookings.id });
    const entries = [
      s.requestedAt ? { action: "request", at: at(s.requestedAt) } : undefined,
      s.confirmedAt ? { action: "confirm", at: at(s.confirmedAt) } : undefined,
    ].filter((e) => e !== undefined);
    for (const e of entries) await store.db.insert(auditLog).values({ at: e.at, actor: "staff:seed", action: e.action, entity: "booking", entityId: row!.id });
  }
  await store.db.insert(closures).values({ officeId: "nagasaki", date: "2026-12-04", reason: "台風" });
  await store.db.insert(absences).values({ counsellorId: "nagasaki-1", date: "2026-12-02" });
}
