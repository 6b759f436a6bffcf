import { wordsFor } from "../i18n/index.ts";
import { findOffice, type OfficeId } from "../config.ts";
import { staffNoticeJob } from "../notices.ts";
import { setConversationMode } from "../store/conversations.ts";
import { enqueue } from "../store/outbox.ts";
import { say, type Turn } from "./context.ts";
import type { Flow } from "./registry.ts";

/** 「人と話したい」: the conversation goes to staff, who are told; the bot only acknowledges until released. */
export async function startHandoff(turn: Turn): Promise<void> {
  const officeId = turn.state.answers?.office ?? turn.conversation.officeId ?? turn.config.offices[0]!.id;
  // The staff of the office told are the ones who see the conversation.
  turn.state.answers = { ...turn.state.answers, office: officeId as OfficeId };
  await turn.db.transaction(async (tx) => {
    await setConversationMode(tx, turn.conversation.id, "handoff", turn.now);
    await enqueue(
      tx,
      staffNoticeJob("handoff", { officeId, conversationId: turn.conversation.id, at: turn.now, key: `${turn.conversation.id}:${turn.now.getTime()}` }),
    );
  });
  turn.mode = "handoff";
  turn.state.flow = undefined;
  turn.state.step = undefined;
  turn.wakeOutbox();
  const office = findOffice(turn.config, officeId);
  const leave = { choices: [{ label: turn.m.handoff.leave, value: "handoff:leave" }] };
  say(turn, turn.m.handoff.started, office ? {} : leave);
  if (office) say(turn, turn.m.handoff.officeHours(wordsFor(turn.locale).formats.timeRange(office.openingHours.from, office.openingHours.to)), leave);
}

export function acknowledgeWhileWithStaff(turn: Turn): void {
  say(turn, turn.m.handoff.waiting, { choices: [{ label: turn.m.handoff.leave, value: "handoff:leave" }] });
}

export const handoff: Flow = { commands: ["human"], start: startHandoff };
