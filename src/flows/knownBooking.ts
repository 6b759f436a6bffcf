// A seeker who already has a booking is told as soon as it is known — the conversation (a LINE
// user, a web session) made it, or the seeker number given has one — not after every detail.
import { findBooking, seekerStanding } from "../store/bookings.ts";
import { answersOf, limitsOf, officeOf, say, type Turn } from "./context.ts";
import { findChoice } from "./menu.ts";
import { inReach, upcomingBookings } from "./sharedSlots.ts";
import { askAgain, done, retry, textOf, type SlotDef, type SlotOutcome } from "./slots.ts";
import { formatSlot } from "./when.ts";
import { parseYesNo } from "../nlu/index.ts";
import { isTypedLabel } from "./typedLabels.ts";

const ANOTHER = "booking:another";

function seeOrChange(turn: Turn) {
  return [
    { label: turn.m.menu.status, value: "menu:status" },
    { label: turn.m.menu.change, value: "menu:change" },
  ];
}

/** Asked first: with a booking still to come, the seeker may see or change it, or ask for another. */
export const knownBookingSlot: SlotDef = {
  name: "anotherBooking",
  resolve: async (turn) => ((await upcomingBookings(turn)).length === 0 ? done(false) : undefined),
  ask: async (turn) => {
    const [first] = await upcomingBookings(turn);
    say(turn, turn.m.intake.alreadyBooked(first ? formatSlot(turn.locale, first.startsAt) : null), {
      choices: [...seeOrChange(turn), { label: turn.m.intake.bookAnother, value: ANOTHER }],
    });
  },
  accept: (_turn, input) => {
    const text = textOf(input);
    const another = text === ANOTHER || (input.kind === "text" && (parseYesNo(text) === "yes" || isTypedLabel(text, (m) => m.intake.bookAnother)));
    return another ? done(true) : askAgain();
  },
  fixed: true,
};

/**
 * Whether this seeker number already has the booking the rules allow at the office: then it is said
 * at once, and the number is asked again. Another conversation's booking is not described: whoever
 * types a number must not learn someone's time.
 */
export async function seekerNumberBooked(turn: Turn, seekerNumber: string): Promise<SlotOutcome | undefined> {
  const office = officeOf(turn);
  if (!office) return undefined;
  const standing = await seekerStanding(turn.db, { seekerNumber, officeId: office.id, now: turn.now, limits: limitsOf(turn.config) });
  const booking = standing.activeBookingId ? await findBooking(turn.db, standing.activeBookingId) : undefined;
  if (!booking) return undefined;
  delete answersOf(turn.state).seekerNumber;
  if (inReach(turn, booking)) {
    return retry(turn.m.refusal.seekerHasBooking(formatSlot(turn.locale, booking.startsAt)), { choices: seeOrChange(turn) });
  }
  return retry(turn.m.intake.seekerNumberBooked(office.phone), {
    choices: [findChoice(turn.m), { label: turn.m.menu.human, value: "menu:human" }, { label: turn.m.choice.stop, value: "stop" }],
  });
}
