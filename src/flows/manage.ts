// The flows about bookings already made: see them, cancel one, move one.
import { findOffice, type Office } from "../config.ts";
import { wordsFor } from "../i18n/index.ts";
import { cancelBySeeker, currentHold, detailsOf, releaseHold, requestBooking, type Booking } from "../store/bookings.ts";
import { actorOf, answersOf, keptOffice, requesterOf, limitsOf, say, yesOrNo, type Turn } from "./context.ts";
import { showMenu } from "./menu.ts";
import type { Flow } from "./registry.ts";
import { bookingSlot, bookingsInReach, chosenBooking, timeSlot } from "./sharedSlots.ts";
import { begin, defineFlow, drive, type SlotInput } from "./slots.ts";
import type { BookingCard } from "../messages.ts";
import { askWhen, explainRefusal, formatSlot, KEEP_BOOKING } from "./when.ts";
import { isTypedLabel } from "./typedLabels.ts";

export function bookingCard(turn: Turn, b: Booking): BookingCard {
  const office = findOffice(turn.config, b.officeId);
  const statusCode = b.status === "expired" ? "cancelled" : b.status;
  return {
    reference: b.reference,
    office: office?.name[turn.locale] ?? b.officeId,
    when: formatSlot(turn.locale, b.startsAt),
    status: wordsFor(turn.locale).codes.status[b.status],
    statusCode,
    ...(b.status === "confirmed" && b.meetingUrl ? { meetingUrl: b.meetingUrl } : {}),
  };
}

export async function showStatus(turn: Turn): Promise<void> {
  const list = await bookingsInReach(turn);
  if (list.length === 0) {
    showMenu(turn, turn.m.status.none, { find: true });
    return;
  }
  say(turn, turn.m.status.intro(list.length));
  for (const b of list) say(turn, `${formatSlot(turn.locale, b.startsAt)}\n${wordsFor(turn.locale).codes.status[b.status]}`, { booking: bookingCard(turn, b) });
  showMenu(turn);
}

const cancelFlow = defineFlow("cancel", [bookingSlot((turn) => turn.m.cancel)], finishCancel);

function startCancel(turn: Turn): Promise<void> {
  return begin(turn, cancelFlow, keptOffice(turn));
}

async function finishCancel(turn: Turn, input: SlotInput | null): Promise<void> {
  const target = await chosenBooking(turn);
  if (!target) return startCancel(turn);
  const reply = input ? yesOrNo(input) : null;
  const when = formatSlot(turn.locale, target.startsAt);
  if (reply === null) {
    say(turn, turn.m.cancel.confirm(when), {
      booking: bookingCard(turn, target),
      choices: [
        { label: turn.m.cancel.doIt, value: "yes" },
        { label: turn.m.cancel.keep, value: "no" },
      ],
    });
    return;
  }
  if (reply === "no") return showMenu(turn, turn.m.cancel.kept);
  const result = await cancelBySeeker(turn.db, { bookingId: target.id, now: turn.now, actor: actorOf(turn) });
  if (!result.ok) return showMenu(turn, turn.m.cancel.failed);
  turn.wakeOutbox();
  showMenu(turn, turn.m.cancel.done(when));
}

const officeOfBooking = (turn: Turn, b: Booking): Office => findOffice(turn.config, b.officeId)!;

const newTime = timeSlot({
  ask: async (turn) => {
    const target = await chosenBooking(turn);
    if (!target) return startChange(turn);
    say(turn, turn.m.change.current(formatSlot(turn.locale, target.startsAt)), { booking: bookingCard(turn, target) });
    askWhen(turn, officeOfBooking(turn, target));
  },
  // A time offered "with another counsellor" is taken with whoever is free.
  where: async (turn, anyone) => {
    const target = await chosenBooking(turn);
    if (!target) return void (await startChange(turn));
    return {
      office: officeOfBooking(turn, target),
      counsellorId: target.counsellorNamed && !anyone ? target.counsellorId : null,
      replacing: target.id,
      current: target.startsAt,
    };
  },
});

const changeFlow = defineFlow("change", [bookingSlot((turn) => turn.m.change), newTime], finishChange);

function startChange(turn: Turn): Promise<void> {
  return begin(turn, changeFlow, keptOffice(turn));
}

async function finishChange(turn: Turn, input: SlotInput | null): Promise<void> {
  const target = await chosenBooking(turn);
  if (!target) return startChange(turn);
  const answers = answersOf(turn.state);
  if (!input) {
    const from = formatSlot(turn.locale, target.startsAt);
    const to = formatSlot(turn.locale, new Date(answers.when!.startsAt));
    say(turn, turn.m.change.confirm(from, to), {
      choices: [
        { label: turn.m.change.doIt, value: "yes" },
        { label: turn.m.change.keep, value: "no" },
      ],
    });
    return;
  }
  const reply = yesOrNo(input);
  if (reply === "no") {
    await releaseHold(turn.db, turn.conversation.id, turn.now);
    return showMenu(turn, turn.m.change.kept);
  }
  if (reply === "yes") return submitChange(turn, target);
  // Anything else is another time.
  askTimeAgain(turn);
  return drive(turn, changeFlow, input);
}

function askTimeAgain(turn: Turn): void {
  delete answersOf(turn.state).when;
  turn.state.step = newTime.name;
}

async function submitChange(turn: Turn, target: Booking): Promise<void> {
  const office = officeOfBooking(turn, target);
  const hold = await currentHold(turn.db, turn.conversation.id);
  if (!hold) {
    askTimeAgain(turn);
    askWhen(turn, office);
    return;
  }
  const details = detailsOf(target);
  const result = await requestBooking(turn.db, {
    holdId: hold.id,
    office,
    replacing: target.id,
    details,
    now: turn.now,
    limits: limitsOf(turn.config),
    actor: actorOf(turn),
    holdMinutes: turn.config.HOLD_MINUTES,
    requester: requesterOf(turn, { email: target.email, emailVerified: details.emailVerified, phone: target.phone }),
  });
  if (!result.ok) {
    askTimeAgain(turn);
    await explainRefusal(turn, result.refusal, { office, replacing: target.id }, { alternatives: result.alternatives });
    return;
  }
  turn.wakeOutbox();
  say(turn, turn.m.change.done(formatSlot(turn.locale, result.booking.startsAt), result.booking.reference), { booking: bookingCard(turn, result.booking) });
  showMenu(turn);
}

export const status: Flow = { commands: ["status"], start: showStatus };

export const cancel: Flow = { commands: ["cancel"], start: startCancel, continue: (turn, input) => drive(turn, cancelFlow, input), resume: startCancel };

/** 「変更しない」 offered beside other times: the booking stays as it is. */
async function keepBooking(turn: Turn): Promise<void> {
  await releaseHold(turn.db, turn.conversation.id, turn.now);
  showMenu(turn, turn.m.change.kept);
}

/** 「変更しない」 tapped, or its label typed (beside other times, where a typed no would be read as a time). */
const keepsBooking = (input: SlotInput) =>
  input.kind === "choice" ? input.value === KEEP_BOOKING : input.kind === "text" && isTypedLabel(input.text, (m) => m.change.keep);

export const change: Flow = {
  commands: ["change"],
  start: startChange,
  continue: (turn, input) => (keepsBooking(input) ? keepBooking(turn) : drive(turn, changeFlow, input)),
  resume: startChange,
};
