// 臨時的利用 (terms art. 6-2): a session right away, for users whose consent is on record, when a
// counsellor of the office is free now. The phone number on record cannot be changed here.
import { currentTerms, findOffice } from "../config.ts";
import { parsePhone } from "../nlu/index.ts";
import { staffNoticeJob } from "../notices.ts";
import { counsellorsAvailableNow, phoneOnRecord } from "../store/bookings.ts";
import { latestConsent, recordConsent } from "../store/conversations.ts";
import { enqueue } from "../store/outbox.ts";
import { officeChoices, officeOf, say, yesNoChoices, yesOrNo, type Turn } from "./context.ts";
import { consentAnswer } from "./intake.ts";
import { menuChoices, showMenu } from "./menu.ts";
import type { Flow } from "./registry.ts";
import type { WhenInput } from "./when.ts";

const bookChoice = (turn: Turn) => [{ label: turn.m.menu.book, value: "menu:book" }, ...menuChoices(turn.m).slice(1, 3)];

export async function startNow(turn: Turn): Promise<void> {
  turn.state.flow = "now";
  turn.state.step = undefined;
  const office = officeOf(turn);
  if (!office) {
    turn.state.step = "office";
    say(turn, turn.m.intake.askOffice, {
      choices: officeChoices(turn),
    });
    return;
  }
  const consent = await latestConsent(turn.db, { channel: turn.conversation.channel, userKey: turn.conversation.userKey });
  if (!consent) return endWith(turn, turn.m.now.needsConsent);
  if ((await counsellorsAvailableNow(turn.db, office.id, turn.now)).length === 0) return endWith(turn, turn.m.now.noneAvailable);
  const phone = await phoneOnRecord(turn.db, turn.conversation.id);
  if (!phone) return endWith(turn, turn.m.now.noPhone);
  const terms = currentTerms(turn.config);
  if (consent.termsVersion !== terms.version) {
    turn.state.step = "terms";
    say(turn, `${turn.m.now.termsChanged(terms.version)}\n${turn.m.intake.consentFullText(terms.url)}`, {
      choices: [
        { label: turn.m.intake.consentAgree, value: "consent:yes" },
        { label: turn.m.intake.consentDecline, value: "consent:no" },
      ],
    });
    return;
  }
  turn.state.step = "confirm";
  say(turn, turn.m.now.confirm(phone), { choices: yesNoChoices(turn.m) });
}

function endWith(turn: Turn, text: string): void {
  turn.state.flow = undefined;
  turn.state.step = undefined;
  say(turn, text, { choices: bookChoice(turn) });
}

export async function continueNow(turn: Turn, input: WhenInput): Promise<void> {
  const value = input.kind === "choice" ? input.value : input.kind === "text" ? input.text : "";
  if (turn.state.step === "office") {
    const id = value.startsWith("office:") ? value.slice(7) : undefined;
    if (id && findOffice(turn.config, id)) turn.state.answers = { ...turn.state.answers, office: id as never };
    return startNow(turn);
  }
  if (turn.state.step === "terms") {
    if (consentAnswer(input) !== "yes") return showMenu(turn, turn.m.intake.consentDeclined(officeOf(turn)?.phone ?? null));
    await recordConsent(turn.db, {
      termsVersion: currentTerms(turn.config).version,
      channel: turn.conversation.channel,
      userKey: turn.conversation.userKey,
      conversationId: turn.conversation.id,
      agreedAt: turn.now,
    });
    return startNow(turn);
  }
  if (input.kind === "text" && parsePhone(value).ok) {
    say(turn, turn.m.now.phoneLocked);
    return startNow(turn);
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

export const now: Flow = { commands: ["now"], start: startNow, continue: continueNow };
