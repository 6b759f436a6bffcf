// The flows about bookings already made: see them, cancel one, move one.
import { findOffice } from "../config.ts";
import { bookingsOfConversation, cancelBySeeker, currentHold, findBooking, releaseHold, requestBooking, type Booking } from "../store/bookings.ts";
import { actorOf, requesterOf, limitsOf, say, yesOrNo, type Turn } from "./context.ts";
import { showMenu } from "./menu.ts";
import type { Flow } from "./registry.ts";
import type { BookingCard, Choice } from "../messages.ts";
import { answerWhen, explainRefusal, formatSlot, isAnyCounsellorChoice, pickerBounds, withoutAnyMarker, type WhenInput } from "./when.ts";

export function bookingCard(turn: Turn, b: Booking): BookingCard {
  const office = findOffice(turn.config, b.officeId);
  const statusCode = b.status === "expired" ? "cancelled" : b.status;
  return {
    reference: b.reference,
    office: office?.name[turn.locale] ?? b.officeId,
    when: formatSlot(turn.locale, b.startsAt),
    status: turn.m.status[b.status],
    statusCode,
    ...(b.status === "confirmed" && b.meetingUrl ? { meetingUrl: b.meetingUrl } : {}),
  };
}

function bookingChoices(turn: Turn, list: Booking[], prefix: string): Choice[] {
  return list.slice(0, 12).map((b) => ({ label: formatSlot(turn.locale, b.startsAt).replace(/～.*$/, "").slice(0, 20), value: `${prefix}:${b.id}` }));
}

export async function showStatus(turn: Turn): Promise<void> {
  const list = await bookingsOfConversation(turn.db, turn.conversation.id, turn.now);
  if (list.length === 0) {
    showMenu(turn, turn.m.status.none);
    return;
  }
  say(turn, turn.m.status.intro(list.length));
  for (const b of list.slice(0, 3)) say(turn, `${formatSlot(turn.locale, b.startsAt)}\n${turn.m.status[b.status]}`, { booking: bookingCard(turn, b) });
  showMenu(turn);
}

/** Starts a cancel or a change: which booking, when there is more than one. */
export async function startManage(turn: Turn, flow: "cancel" | "change"): Promise<void> {
  const list = (await bookingsOfConversation(turn.db, turn.conversation.id, turn.now)).filter((b) => b.startsAt > turn.now);
  const words = flow === "cancel" ? turn.m.cancel : turn.m.change;
  if (list.length === 0) {
    showMenu(turn, words.none);
    return;
  }
  turn.state.flow = flow;
  if (list.length === 1) return chooseBooking(turn, flow, list[0]!);
  turn.state.step = "which";
  say(turn, words.askWhich, { choices: bookingChoices(turn, list, "booking") });
}

async function chooseBooking(turn: Turn, flow: "cancel" | "change", b: Booking): Promise<void> {
  turn.state.targetBookingId = b.id;
  const when = formatSlot(turn.locale, b.startsAt);
  if (flow === "cancel") {
    turn.state.step = "confirm";
    say(turn, turn.m.cancel.confirm(when), {
      booking: bookingCard(turn, b),
      choices: [
        { label: turn.m.cancel.doIt, value: "yes" },
        { label: turn.m.cancel.keep, value: "no" },
      ],
    });
    return;
  }
  turn.state.step = "when";
  const office = findOffice(turn.config, b.officeId)!;
  say(turn, turn.m.change.current(when), { booking: bookingCard(turn, b) });
  say(turn, turn.m.intake.askWhen, { datePicker: pickerBounds(office, turn.now) });
}

export async function continueManage(turn: Turn, input: WhenInput): Promise<void> {
  const flow = turn.state.flow as "cancel" | "change";
  if (turn.state.step === "which") {
    const id = input.kind === "choice" && input.value.startsWith("booking:") ? input.value.slice(8) : undefined;
    const b = id ? await findBooking(turn.db, id) : undefined;
    if (!b || b.conversationId !== turn.conversation.id) return startManage(turn, flow);
    return chooseBooking(turn, flow, b);
  }
  const target = turn.state.targetBookingId ? await findBooking(turn.db, turn.state.targetBookingId) : undefined;
  if (!target || target.conversationId !== turn.conversation.id) return startManage(turn, flow);
  return flow === "cancel" ? continueCancel(turn, input, target) : continueChange(turn, input, target);
}

async function continueCancel(turn: Turn, input: WhenInput, target: Booking): Promise<void> {
  const reply = yesOrNo(input);
  if (reply === null) return chooseBooking(turn, "cancel", target);
  turn.state.targetBookingId = undefined;
  if (reply === "no") return showMenu(turn, turn.m.cancel.kept);
  const result = await cancelBySeeker(turn.db, { bookingId: target.id, now: turn.now, actor: actorOf(turn) });
  if (!result.ok) return showMenu(turn, turn.m.cancel.failed);
  turn.wakeOutbox();
  showMenu(turn, turn.m.cancel.done(formatSlot(turn.locale, target.startsAt)));
}

async function continueChange(turn: Turn, input: WhenInput, target: Booking): Promise<void> {
  const office = findOffice(turn.config, target.officeId)!;
  if (turn.state.step === "confirm") {
    const reply = yesOrNo(input);
    if (reply === "no") {
      await releaseHold(turn.db, turn.conversation.id, turn.now);
      turn.state.targetBookingId = undefined;
      return showMenu(turn, turn.m.change.kept);
    }
    if (reply === "yes") return submitChange(turn, target, office);
    turn.state.step = "when";
  }
  if (input.kind === "choice" && input.value === "no") return showMenu(turn, turn.m.change.kept);
  // A time offered "with another counsellor" is taken with whoever is free.
  const anyone = isAnyCounsellorChoice(input);
  const held = await answerWhen(turn, withoutAnyMarker(input), {
    office,
    counsellorId: target.counsellorNamed && !anyone ? target.counsellorId : null,
    replacing: target.id,
  });
  if (!held) return;
  if (held.startsAt === target.startsAt.toISOString()) {
    await releaseHold(turn.db, turn.conversation.id, turn.now);
    say(turn, turn.m.change.sameSlot, { datePicker: pickerBounds(office, turn.now) });
    return;
  }
  turn.state.step = "confirm";
  const from = formatSlot(turn.locale, target.startsAt);
  const to = formatSlot(turn.locale, new Date(held.startsAt));
  say(turn, turn.m.change.confirm(from, to), {
    choices: [
      { label: turn.m.change.doIt, value: "yes" },
      { label: turn.m.change.keep, value: "no" },
    ],
  });
}

async function submitChange(turn: Turn, target: Booking, office: NonNullable<ReturnType<typeof findOffice>>): Promise<void> {
  const hold = await currentHold(turn.db, turn.conversation.id);
  if (!hold) {
    turn.state.step = "when";
    say(turn, turn.m.intake.askWhen, { datePicker: pickerBounds(office, turn.now) });
    return;
  }
  const result = await requestBooking(turn.db, {
    holdId: hold.id,
    office,
    replacing: target.id,
    details: {
      requesterKind: target.requesterKind,
      name: target.name ?? "",
      seekerNumber: target.seekerNumber,
      establishmentNumber: target.establishmentNumber,
      email: target.email ?? "",
      phone: target.phone ?? "",
      topic: target.topic ?? "",
      support: target.support,
      emailVerified: target.emailVerifiedAt !== null,
    },
    now: turn.now,
    limits: limitsOf(turn.config),
    actor: actorOf(turn),
    holdMinutes: turn.config.HOLD_MINUTES,
    requester: requesterOf(turn, { email: target.email, emailVerified: target.emailVerifiedAt !== null, phone: target.phone }),
  });
  if (!result.ok) {
    turn.state.step = "when";
    await explainRefusal(turn, result.refusal, { office, replacing: target.id }, { alternatives: result.alternatives });
    return;
  }
  turn.wakeOutbox();
  turn.state.targetBookingId = undefined;
  say(turn, turn.m.change.done(formatSlot(turn.locale, result.booking.startsAt), result.booking.reference), { booking: bookingCard(turn, result.booking) });
  showMenu(turn);
}

export const status: Flow = { commands: ["status"], start: showStatus };

export const cancel: Flow = {
  commands: ["cancel"],
  start: (turn) => startManage(turn, "cancel"),
  continue: continueManage,
  resume: (turn) => startManage(turn, "cancel"),
};

export const change: Flow = {
  commands: ["change"],
  start: (turn) => startManage(turn, "change"),
  continue: continueManage,
  resume: (turn) => startManage(turn, "change"),
};
