import { wordsFor } from "../i18n/index.ts";
// The questions more than one flow asks, defined once: the office, consent to the terms, which
// booking, and a time to hold.
import { currentTerms, findOffice, officeIds } from "../config.ts";
import { matchOffice, parseConsent } from "../nlu/index.ts";
import { bookingsOfConversation, findBooking, type Booking } from "../store/bookings.ts";
import { recordConsent } from "../store/conversations.ts";
import { answersOf, officeChoices, officeOf, say, type Turn } from "./context.ts";
import { menuChoices, showMenu } from "./menu.ts";
import { again, askAgain, done, end, textOf, type GivenInput, type SlotDef, type SlotOutcome } from "./slots.ts";
import { answerWhen, isAnyCounsellorChoice, withoutAnyMarker, type Held, type WhenInput, type WhenOptions } from "./when.ts";
import { MAX_CHOICE_LABEL, type Choice } from "../messages.ts";

export const officeSlot: SlotDef = {
  name: "office",
  ask: (turn) => say(turn, turn.m.intake.askOffice, { choices: officeChoices(turn) }),
  accept: (turn, input) => {
    const text = textOf(input);
    const id = text.startsWith("office:") ? text.slice(7) : matchOffice(text, turn.config.offices);
    if (id && (officeIds as readonly string[]).includes(id) && findOffice(turn.config, id)) return done(id);
    return askAgain(turn.m.intake.officeUnknown);
  },
  row: (turn, a) => (a.office ? findOffice(turn.config, a.office)?.name[turn.locale] : undefined),
  opening: true,
  fixed: true,
  resets: ["counsellor", "when"],
};

/** 「同意する」 tapped or written, or a plain yes or no. */
function consentAnswer(input: GivenInput): "yes" | "no" | null {
  const t = textOf(input);
  if (t === "consent:yes") return "yes";
  if (t === "consent:no") return "no";
  return input.kind === "text" ? parseConsent(t) : null;
}

export function consentChoices(turn: Turn): Choice[] {
  return [
    { label: turn.m.intake.consentAgree, value: "consent:yes" },
    { label: turn.m.intake.consentDecline, value: "consent:no" },
  ];
}

/** Consent to the current terms, recorded with its version; how it is asked differs by flow. */
export function consentSlot(question: Pick<SlotDef, "ask" | "resolve">): SlotDef {
  return {
    name: "consent",
    ...question,
    accept: async (turn, input) => {
      const reply = consentAnswer(input);
      if (reply === "yes") {
        const terms = currentTerms(turn.config);
        await recordConsent(turn.db, {
          termsVersion: terms.version,
          channel: turn.conversation.channel,
          userKey: turn.conversation.userKey,
          conversationId: turn.conversation.id,
          agreedAt: turn.now,
        });
        say(turn, turn.m.intake.consentRecorded);
        return done({ version: terms.version, at: turn.now.toISOString() });
      }
      if (reply === "no") {
        say(turn, turn.m.intake.consentDeclined(officeOf(turn)?.phone ?? null), { choices: menuChoices(turn.m) });
        turn.state.answers = {};
        turn.state.prefill = undefined;
        return end;
      }
      return askAgain();
    },
  };
}

/** The conversation's bookings, and those attached to it, from 10 minutes before now (for 「予約の確認」). */
export function bookingsInReach(turn: Turn): Promise<Booking[]> {
  return bookingsOfConversation(turn.db, turn.conversation.id, turn.now, turn.state.attached ?? []);
}

/** Whether this conversation made the booking or was shown to belong to it. */
export function inReach(turn: Turn, b: Booking): boolean {
  return b.conversationId === turn.conversation.id || (turn.state.attached ?? []).includes(b.id);
}

/** The conversation's bookings still to come. */
export async function upcomingBookings(turn: Turn): Promise<Booking[]> {
  return (await bookingsInReach(turn)).filter((b) => b.startsAt > turn.now);
}

function bookingChoices(turn: Turn, list: Booking[]): Choice[] {
  return list.slice(0, 12).map((b) => ({ label: wordsFor(turn.locale).formats.bookingChoice(b.startsAt).slice(0, MAX_CHOICE_LABEL), value: `booking:${b.id}` }));
}

/** Which of the conversation's coming bookings: taken without asking when there is one, the flow ends when there is none. */
export function bookingSlot(words: (turn: Turn) => { none: string; askWhich: string }): SlotDef {
  return {
    name: "booking",
    resolve: async (turn) => {
      const list = await upcomingBookings(turn);
      if (list.length === 0) {
        showMenu(turn, words(turn).none, { find: true });
        return end;
      }
      return list.length === 1 ? done(list[0]!.id) : undefined;
    },
    ask: async (turn) => say(turn, words(turn).askWhich, { choices: bookingChoices(turn, await upcomingBookings(turn)) }),
    accept: async (turn, input) => {
      const id = input.kind === "choice" && input.value.startsWith("booking:") ? input.value.slice(8) : undefined;
      const b = id ? await findBooking(turn.db, id) : undefined;
      return b && inReach(turn, b) ? done(b.id) : askAgain();
    },
  };
}

/** The booking the open flow is about, while it is still this conversation's. */
export async function chosenBooking(turn: Turn): Promise<Booking | undefined> {
  const id = answersOf(turn.state).booking;
  const b = id ? await findBooking(turn.db, id) : undefined;
  return b && inReach(turn, b) ? b : undefined;
}

/**
 * A time, held as soon as it is given. `where` says for which office and counsellor (`anyone` when the
 * user took a time offered with whoever is free); `taken` may still turn the held time down.
 */
export function timeSlot(
  definition: Pick<SlotDef, "ask" | "extract" | "row" | "forget"> & {
    where: (turn: Turn, anyone: boolean) => Promise<WhenOptions | undefined> | WhenOptions | undefined;
    taken?: (turn: Turn, held: Held, anyone: boolean) => Promise<SlotOutcome> | SlotOutcome;
  },
): SlotDef {
  const { where, taken, ...slot } = definition;
  const accept = async (turn: Turn, input: WhenInput): Promise<SlotOutcome> => {
    const anyone = isAnyCounsellorChoice(input);
    const options = await where(turn, anyone);
    // No options: the flow started over (its booking went away) and has said so.
    if (!options) return again;
    const held = await answerWhen(turn, withoutAnyMarker(input), options);
    if (!held) return again;
    return taken ? taken(turn, held, anyone) : done(held);
  };
  return { name: "when", ...slot, accept, acceptConfirmed: (turn, value) => accept(turn, { kind: "confirmed", value }) };
}
