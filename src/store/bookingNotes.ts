// Staff-only notes on a booking: written by staff for each other, shown on the booking page, never
// sent to the seeker. Adding one is audited (the audit row names the note, not what it says).
import { asc, eq } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import type { Db, Executor } from "./db.ts";
import { bookingNotes, staffUsers } from "./schema.ts";

export interface BookingNote {
  id: string;
  body: string;
  createdAt: Date;
  /** The author's sign-in address; null once their account is gone. */
  staffEmail: string | null;
}

export async function addBookingNote(db: Db, input: { bookingId: string; staffId: string; body: string; now: Date }): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bookingNotes)
      .values({ bookingId: input.bookingId, staffId: input.staffId, body: input.body, createdAt: input.now })
      .returning({ id: bookingNotes.id });
    await writeAudit(tx, { at: input.now, actor: `staff:${input.staffId}`, action: "add_note", entity: "booking", entityId: input.bookingId, after: { noteId: row!.id } });
    return row!.id;
  });
}

export async function bookingNotesOf(ex: Executor, bookingId: string): Promise<BookingNote[]> {
  return ex
    .select({ id: bookingNotes.id, body: bookingNotes.body, createdAt: bookingNotes.createdAt, staffEmail: staffUsers.email })
    .from(bookingNotes)
    .leftJoin(staffUsers, eq(staffUsers.id, bookingNotes.staffId))
    .where(eq(bookingNotes.bookingId, bookingId))
    .orderBy(asc(bookingNotes.createdAt), asc(bookingNotes.id));
}
