// 臨時的利用 (terms art. 6-2): a session right away, for users whose consent is on record, when a
// counsellor of the office is free now. The phone number on record cannot be changed here.
import { currentTerms } from "../config.ts";
import { parsePhone } from "../nlu/index.ts";
import { staffNoticeJob } from "../notices.ts";
import { counsellorsAvailableNow, phoneOnRecord } from "../store/bookings.ts";
import { latestConsent } from "../store/conversations.ts";
import { enqueue } from "../store/outbox.ts";
import { answersOf, keptOffice, officeOf, say, yesNoChoices, yesOrNo, type Turn } from "./context.ts";
import { menuChoices, showMenu } from "./menu.ts";
import type { Flow } from "./registry.ts";
import { consentChoices, consentSlot, officeSlot } from "./sharedSlots.ts";
import { begin, defineFlow, done, drive, end, type SlotInput, type SlotOutcome } from "./slots.ts";

const bookChoice = (turn: Turn) => [{ label: turn.m.menu.book, value: "menu:book" }, ...menuChoices(turn.m).slice(1, 3)];

function endWith(turn: Turn, text: string): SlotOutcome {
  say(turn, text, { choices: bookChoice(turn) });
  return end;
}

/** Consent on record to the current terms, a counsellor free now and a phone to call back; the terms asked again if they changed. */
const consentOnRecord = consentSlot({
  resolve: async (turn) => {
    const office = officeOf(turn)!;
    const consent = await latestConsent(turn.db, { channel: turn.conversation.channel, userKey: turn.conversation.userKey });
    if (!consent) return endWith(turn, turn.m.now.needsConsent);
    if ((await counsellorsAvailableNow(turn.db, office.id, turn.now)).length === 0) return endWith(turn, turn.m.now.noneAvailable);
    if (!(await phoneOnRecord(turn.db, turn.conversation.id))) return endWith(turn, turn.m.now.noPhone);
    if (consent.termsVersion !== currentTerms(turn.config).version) return undefined;
    return done({ version: consent.termsVersion, at: consent.agreedAt.toISOString() });
  },
  ask: (turn) => {
    const terms = currentTerms(turn.config);
    say(turn, `${turn.m.now.termsChanged(terms.version)}\n${turn.m.intake.consentFullText(terms.url)}`, { choices: consentChoices(turn) });
  },
});

const nowFlow = defineFlow("now", [officeSlot, consentOnRecord], finish);

function startNow(turn: Turn): Promise<void> {
  return begin(turn, nowFlow, keptOffice(turn));
}

/** Checks again from the start: what was on record may have changed meanwhile. */
function checkAgain(turn: Turn): Promise<void> {
  delete answersOf(turn.state).consent;
  turn.state.step = undefined;
  return drive(turn, nowFlow, null);
}

async function finish(turn: Turn, input: SlotInput | null): Promise<void> {
  if (!input) {
    const phone = await phoneOnRecord(turn.db, turn.conversation.id);
    if (!phone) return checkAgain(turn);
    say(turn, turn.m.now.confirm(phone), { choices: yesNoChoices(turn.m) });
    return;
  }
  if (input.kind === "text" && parsePhone(input.text).ok) {
    say(turn, turn.m.now.phoneLocked);
    return checkAgain(turn);
  }
  if (yesOrNo(input) !== "yes") return showMenu(turn);
  const office = officeOf(turn)!;
  await enqueue(
    turn.db,
    staffNoticeJob("now", { officeId: office.id, conversationId: turn.conversation.id, at: turn.now, key: `${turn.conversation.id}:${turn.now.getTime()}` }),
  );
  turn.wakeOutbox();
  showMenu(turn, turn.m.now.requested);
}

export const now: Flow = { commands: ["now"], start: startNow, continue: (turn, input) => drive(turn, nowFlow, input) };
