// The notices: what happened that staff or a seeker are told about. A change writes a notice job in
// its own transaction; the outbox worker (src/notify) fans it out into one job per channel.
import type { NewJob } from "./store/outbox.ts";

export type StaffEvent = "requested" | "changed" | "cancelled" | "no_show" | "handoff" | "now";
export type SeekerEvent = "requested" | "changed" | "invitation" | "meeting_changed" | "reminder" | "join" | "rejected" | "cancelled_by_staff" | "cancelled" | "no_show" | "closure";

export interface StaffNoticePayload {
  event: StaffEvent;
  officeId: string;
  bookingId?: string;
  conversationId?: string;
  at: string;
}

export interface SeekerNoticePayload {
  event: SeekerEvent;
  bookingId: string;
  /** The invitation's SEQUENCE the notice was made for; a later change makes this one moot. */
  sequence?: number;
  /** The start the notice was made for (the join reminder); a booking that starts at another time since makes it moot. */
  startsAt?: string;
}

export function staffNoticeJob(event: StaffEvent, input: { officeId: string; bookingId?: string; conversationId?: string; at: Date; key: string }): NewJob {
  const payload: StaffNoticePayload = { event, officeId: input.officeId, bookingId: input.bookingId, conversationId: input.conversationId, at: input.at.toISOString() };
  return { kind: "staff.notice", idempotencyKey: `staff:${event}:${input.key}`, payload: { ...payload }, runAt: input.at };
}

/**
 * runAt: the app's clock, not the database's, decides when a job is due. A notice that can be sent
 * more than once for one booking carries what it was made for in its key: the invitation's sequence
 * (a changed meeting URL), or the start (the join reminder of a moved booking).
 */
export function seekerNoticeJob(event: SeekerEvent, bookingId: string, runAt: Date, madeFor: { sequence?: number; startsAt?: Date } = {}): NewJob {
  const { sequence } = madeFor;
  const startsAt = madeFor.startsAt?.toISOString();
  const key = `seeker:${event}:${bookingId}${sequence ? `:${sequence}` : ""}${startsAt ? `:${startsAt}` : ""}`;
  const payload: SeekerNoticePayload = { event, bookingId, ...(sequence !== undefined ? { sequence } : {}), ...(startsAt ? { startsAt } : {}) };
  return { kind: "seeker.notice", idempotencyKey: key, payload: { ...payload }, runAt };
}

/** What a person waiting for a freed slot (キャンセル待ち) is told: a slot offered, an offer run out, the waiting over. */
export type WaitlistEvent = "offer" | "lapsed" | "ended";

export interface WaitlistNoticePayload {
  event: WaitlistEvent;
  entryId: string;
  /** The hold an offer is about; a later offer to the same person carries another. */
  bookingId?: string;
}

export function waitlistNoticeJob(event: WaitlistEvent, entryId: string, runAt: Date, bookingId?: string): NewJob {
  const payload: WaitlistNoticePayload = { event, entryId, ...(bookingId ? { bookingId } : {}) };
  return { kind: "waitlist.notice", idempotencyKey: `waitlist:${event}:${entryId}${bookingId ? `:${bookingId}` : ""}`, payload: { ...payload }, runAt };
}

/** The value of an answer to a waitlist offer, as a button carries it: the place and the hold it was made with. */
export function waitlistAnswerValue(answer: "accept" | "decline", entryId: string, bookingId: string): string {
  return `waitlist:${answer}:${entryId}:${bookingId}`;
}

export function waitlistAnswerOf(value: string): { answer: "accept" | "decline"; entryId: string; bookingId: string } | null {
  const match = /^waitlist:(accept|decline):([0-9a-f-]{36}):([0-9a-f-]{36})$/.exec(value);
  return match ? { answer: match[1] as "accept" | "decline", entryId: match[2]!, bookingId: match[3]! } : null;
}
