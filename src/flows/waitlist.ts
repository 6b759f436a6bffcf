// キャンセル待ち in the chat: joining from a refusal (the intake's answers are kept with the place),
// seeing and leaving one's places, and answering an offer of a freed slot, which goes on as the
// usual request from that hold.
import { findOffice, type OfficeId } from "../config.ts";
import { wordsFor } from "../i18n/index.ts";
import { waitlistAnswerOf } from "../notices.ts";
import { slotEnd } from "../schedule/index.ts";
import { acceptOffer, declineOffer, joinWaitlist, leaveWaitlist, MAX_PLACES, placesOf, type OfferAnswerRefusal } from "../store/waitlist.ts";
import { releaseHold } from "../store/bookings.ts";
import { actorOf, answersOf, keptOffice, officeOf, say, type Answers, type Turn } from "./context.ts";
import { intake } from "./intake.ts";
import { menuChoices, showMenu } from "./menu.ts";
import type { Flow } from "./registry.ts";
import { drive } from "./slots.ts";
import { formatSlot } from "./when.ts";
import { joinedWindow, leaveChoiceValue, leftEntry, SHOW_WAITLIST, windowLabel } from "./waitlistChoices.ts";
import { MAX_CHOICE_LABEL, type Choice } from "../messages.ts";

const placeWindow = (e: { fromDate: string; toDate: string; fromTime: string; toTime: string }) => e;

/** The seeker's places, each with its number and any offer open to them. */
async function showPlaces(turn: Turn): Promise<void> {
  const places = await placesOf(turn.db, turn.conversation.id);
  const m = turn.m.waitlist;
  if (places.length === 0) return showMenu(turn, m.none);
  const formats = wordsFor(turn.locale).formats;
  const lines = places.map(({ entry, position, hold }) =>
    hold && entry.offerExpiresAt ? m.offered(formatSlot(turn.locale, hold.startsAt), formats.instant(entry.offerExpiresAt)) : m.place(windowLabel(turn.locale, placeWindow(entry)), position),
  );
  const answers: Choice[] = places.flatMap(({ entry, hold }) =>
    hold
      ? [
          { label: wordsFor(turn.locale).notices.waitlist.accept, value: `waitlist:accept:${entry.id}:${hold.id}` },
          { label: wordsFor(turn.locale).notices.waitlist.decline, value: `waitlist:decline:${entry.id}:${hold.id}` },
        ]
      : [],
  );
  say(turn, [m.heading, ...lines].join("\n"), { choices: [...answers, ...leaveChoices(turn, places.map((p) => p.entry)), ...menuChoices(turn.m).slice(0, 3)] });
}

function leaveChoices(turn: Turn, entries: { id: string; fromDate: string; fromTime: string }[]): Choice[] {
  const m = turn.m.waitlist;
  if (entries.length === 1) return [{ label: m.leave, value: leaveChoiceValue(entries[0]!.id) }];
  const formats = wordsFor(turn.locale).formats;
  return entries.map((e) => ({ label: m.leaveOne(formats.shortInstant(new Date(`${e.fromDate}T${e.fromTime}:00+09:00`))).slice(0, MAX_CHOICE_LABEL), value: leaveChoiceValue(e.id) }));
}

/** 「キャンセル待ちをやめる」 typed: the only place is left at once; with several, which one is asked. */
async function leaveByWords(turn: Turn): Promise<void> {
  const places = await placesOf(turn.db, turn.conversation.id);
  if (places.length === 0) return showMenu(turn, turn.m.waitlist.none);
  if (places.length === 1) return leave(turn, places[0]!.entry.id);
  say(turn, turn.m.waitlist.askLeaveWhich, { choices: leaveChoices(turn, places.map((p) => p.entry)) });
}

async function leave(turn: Turn, entryId: string): Promise<void> {
  const left = await leaveWaitlist(turn.db, { entryId, conversationId: turn.conversation.id, now: turn.now, actor: actorOf(turn) });
  if (!left) return showMenu(turn, turn.m.waitlist.none);
  showMenu(turn, turn.m.waitlist.left(windowLabel(turn.locale, placeWindow(left))));
}

/** Joining from the time question of the intake: the answers so far are kept with the place, and the intake ends. */
async function join(turn: Turn, value: string): Promise<void> {
  const m = turn.m.waitlist;
  const w = joinedWindow(value);
  const office = officeOf(turn);
  if (!w || turn.state.flow !== "intake" || !office) return showMenu(turn, m.cannotJoin);
  const { when: _held, ...kept } = answersOf(turn.state);
  const joined = await joinWaitlist(turn.db, {
    office,
    counsellorId: kept.counsellor ?? null,
    window: w,
    conversationId: turn.conversation.id,
    channel: turn.conversation.channel,
    locale: turn.locale,
    answers: kept as Record<string, unknown>,
    now: turn.now,
    actor: actorOf(turn),
  });
  if (!joined.ok && joined.reason === "too_many") {
    say(turn, m.tooMany(MAX_PLACES), { choices: [{ label: m.see, value: SHOW_WAITLIST }] });
    return;
  }
  // Waiting instead: whatever the intake held is let go, and its answers now live with the place.
  await releaseHold(turn.db, turn.conversation.id, turn.now);
  turn.state.flow = undefined;
  turn.state.step = undefined;
  turn.state.answers = keptOffice(turn);
  turn.state.history = undefined;
  turn.state.prefill = undefined;
  turn.state.confirm = undefined;
  const label = windowLabel(turn.locale, w);
  const text = joined.ok ? m.joined(joined.position, label, turn.config.WAITLIST_OFFER_MINUTES) : m.alreadyWaiting(joined.position, label);
  say(turn, text, { choices: [{ label: m.see, value: SHOW_WAITLIST }, ...menuChoices(turn.m)] });
}

const refusalWords = (turn: Turn, reason: OfferAnswerRefusal): string => {
  const m = turn.m.waitlist;
  if (reason === "expired") return m.expired;
  if (reason === "already_accepted") return m.alreadyAccepted;
  if (reason === "other_session") return m.otherSession;
  return m.notFound;
};

/** An answer to an offer: yes takes the hold and goes on with the request where the seeker left it. */
async function answerOffer(turn: Turn, value: string): Promise<void> {
  const answer = waitlistAnswerOf(value)!;
  const base = { entryId: answer.entryId, bookingId: answer.bookingId, conversationId: turn.conversation.id, now: turn.now, actor: actorOf(turn) };
  if (answer.answer === "decline") {
    const declined = await declineOffer(turn.db, base);
    return showMenu(turn, declined.ok ? turn.m.waitlist.declined : refusalWords(turn, declined.reason));
  }
  const accepted = await acceptOffer(turn.db, { ...base, holdMinutes: turn.config.HOLD_MINUTES });
  if (!accepted.ok) return showMenu(turn, refusalWords(turn, accepted.reason));
  const { hold, entry } = accepted;
  const office = findOffice(turn.config, entry.officeId);
  if (!office) return showMenu(turn, turn.m.waitlist.notFound);
  // The open flow, if any, is set aside without releasing: the store already let go of its hold.
  const saved = (entry.answers ?? {}) as Answers;
  turn.state.flow = "intake";
  turn.state.step = undefined;
  turn.state.history = undefined;
  turn.state.prefill = undefined;
  turn.state.confirm = undefined;
  turn.state.emailCheck = undefined;
  turn.state.answers = {
    ...saved,
    office: office.id as OfficeId,
    when: { startsAt: hold.startsAt.toISOString(), holdId: hold.id, counsellorId: hold.counsellorId },
  };
  say(turn, turn.m.waitlist.accepted(wordsFor(turn.locale).formats.slot(hold.startsAt, slotEnd(hold.startsAt)), turn.config.HOLD_MINUTES));
  await drive(turn, intake, null);
}

/** Takes the waitlist's own choices, from any point in the conversation; false for any other value. */
async function takeChoice(turn: Turn, value: string): Promise<boolean> {
  const leaving = leftEntry(value);
  if (value.startsWith("waitlist:join:")) await join(turn, value);
  else if (waitlistAnswerOf(value)) await answerOffer(turn, value);
  else if (leaving) await leave(turn, leaving);
  else return false;
  return true;
}

export const waitlist: Flow = {
  commands: ["waitlist"],
  start: showPlaces,
  takeChoice,
};

export const leaveWaitlistFlow: Flow = {
  commands: ["leaveWaitlist"],
  start: leaveByWords,
};
