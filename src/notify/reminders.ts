// The reminder goes out on the business day before a session, at a configured time in Asia/Tokyo.
import type { Office } from "../config.ts";
import { jstDate, jstInstant } from "../jst.ts";
import { previousBusinessDay, type Closure } from "../schedule/index.ts";
import { seekerNoticeJob } from "../notices.ts";
import type { NewJob } from "../store/outbox.ts";

/** When to remind about a session: reminderTime on the last business day before its day. */
export function reminderAt(office: Pick<Office, "id">, startsAt: Date, reminderTime: string, closures: readonly Closure[]): Date {
  return jstInstant(previousBusinessDay(office.id, jstDate(startsAt), closures), reminderTime);
}

/** The reminder job, or none when its time has already passed (confirmed on the day before, late). */
export function reminderJob(input: { bookingId: string; office: Pick<Office, "id">; startsAt: Date; reminderTime: string; closures: readonly Closure[]; now: Date }): NewJob | undefined {
  const at = reminderAt(input.office, input.startsAt, input.reminderTime, input.closures);
  if (at <= input.now) return undefined;
  return seekerNoticeJob("reminder", input.bookingId, at);
}
