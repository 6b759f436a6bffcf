import { cleanInput } from "../cleanInput.ts";
import { detectIntent, parseWhen, type Intent } from "../nlu/index.ts";
import type { Conversation } from "../store/conversations.ts";
import type { ConversationState, FlowDeps, Turn } from "./context.ts";
import { say } from "./context.ts";
import { answerFaq, faqTopicOf, startFaq } from "./faq.ts";
import { acknowledgeWhileWithStaff, startHandoff } from "./handoff.ts";
import { abandonIntake, intake, startIntake } from "./intake.ts";
import { continueManage, showStatus, startManage } from "./manage.ts";
import { showMenu } from "./menu.ts";
import { messagesFor } from "./messages/index.ts";
import { continueNow, startNow } from "./now.ts";
import { drive, goBack, prefillOthers, type SlotInput } from "./slots.ts";
import type { BotMessage, Inbound, Locale } from "../messages.ts";

export const MAX_TEXT = 2000;
const BOOKING_WISH = /予約(し|を取|をと|をお願い|お願い|できますか|したい)|相談(し|を)?たい|\b(book|appointment|reserve|reservation)\b/i;
/** After this long without a word, an unfinished flow is offered to resume. */
const RESUME_AFTER_MS = 30 * 60_000;

export interface TurnResult {
  messages: BotMessage[];
  state: ConversationState;
  locale: Locale;
  mode: Conversation["mode"];
}

/** The boundary already cleaned the text (cleanInput); this also serves callers that did not. */
export function cleanText(text: string): string {
  return cleanInput(text).trim();
}

/** One turn of a conversation: what the user sent in, what the bot says back, and the new state. */
export async function converse(deps: FlowDeps & { resetAfterMs: number }, conversation: Conversation, inbound: Inbound): Promise<TurnResult> {
  const state = structuredClone((conversation.state ?? {}) as ConversationState);
  delete state.lastTurn;
  const turn: Turn = {
    ...deps,
    conversation,
    state,
    locale: conversation.locale,
    m: messagesFor(conversation.locale),
    out: [],
    mode: conversation.mode,
  };
  await respond(turn, inbound, deps.resetAfterMs);
  state.lastActiveAt = deps.now.toISOString();
  return { messages: turn.out, state, locale: turn.locale, mode: turn.mode };
}

function setLocale(turn: Turn, locale: Locale): void {
  turn.locale = locale;
  turn.m = messagesFor(locale);
}

async function respond(turn: Turn, inbound: Inbound, resetAfterMs: number): Promise<void> {
  const { state } = turn;
  let input: SlotInput | null = inbound.kind === "start" ? null : inbound.kind === "text" ? { kind: "text", text: cleanText(inbound.text) } : inbound;

  if (input?.kind === "text") {
    if (input.text.length > MAX_TEXT) return say(turn, turn.m.menu.tooLong(MAX_TEXT));
    if (input.text === "") return say(turn, turn.m.menu.empty);
  }
  if (turn.mode === "handoff") {
    // With a person now: the bot only acknowledges, unless the user asks for the bot back or for
    // something it can do alone (cancel, check, book), which ends the handoff.
    const wish = input ? commandOf(input) : null;
    const back = input?.kind === "choice" && input.value === "handoff:leave";
    if (!back && (wish === null || !LEAVES_HANDOFF.has(wish))) return acknowledgeWhileWithStaff(turn);
    turn.mode = "bot";
    if (back) return showMenu(turn);
  }

  const idle = state.lastActiveAt ? turn.now.getTime() - new Date(state.lastActiveAt).getTime() : 0;
  if (idle > resetAfterMs) {
    // Long gone: start fresh, and drop personal data the conversation no longer needs.
    if (state.flow === "intake") await abandonIntake(turn);
    state.flow = undefined;
    state.step = undefined;
    state.answers = {};
  }

  if (input?.kind === "text" && switchLocale(turn, input.text)) {
    if (!state.flow) return showMenu(turn, turn.m.menu.greeting);
    say(turn, turn.m.menu.switchedLocale);
    return resume(turn);
  }

  if (!input) {
    if (state.flow) return offerResume(turn);
    return showMenu(turn, turn.m.menu.greeting);
  }
  if (input.kind === "choice" && input.value.startsWith("resume:")) {
    if (input.value === "resume:yes" && state.flow) return resume(turn);
    return restart(turn);
  }
  if (state.flow && idle > RESUME_AFTER_MS) return offerResume(turn);

  const command = commandOf(input);
  if (command) return runCommand(turn, command);

  switch (state.flow) {
    case "intake":
      return drive(turn, intake, input);
    case "cancel":
    case "change":
      return continueManage(turn, input);
    case "now":
      return continueNow(turn, input);
    case "faq":
      if (input.kind !== "datetime" && answerFaq(turn, input)) return;
      break;
    default:
      break;
  }
  // No flow: a date or a wish to book means they want to book; what else they said is kept for later.
  if (input.kind === "text") {
    if (parseWhen(input.text, { now: turn.now }).length > 0 || BOOKING_WISH.test(input.text)) {
      state.step = undefined;
      prefillOthers(turn, intake, input.text);
      return startIntake(turn);
    }
    if (faqTopicOf(input.text) && answerFaq(turn, input)) return;
  }
  showMenu(turn, turn.m.menu.notUnderstood);
}

type Command = Intent | "now";
const COMMANDS = new Set<Command>(["cancel", "change", "status", "human", "back", "restart", "stop", "help", "book", "faq", "now"]);
const LEAVES_HANDOFF = new Set<Command>(["stop", "book", "status", "cancel", "change", "restart"]);

function commandOf(input: SlotInput): Command | null {
  if (input.kind === "choice") {
    const menu = input.value.startsWith("menu:") ? (input.value.slice(5) as Command) : null;
    if (menu) return COMMANDS.has(menu) ? menu : null;
    if (input.value === "stop") return "stop";
    if (input.value === "back") return "back";
    return null;
  }
  return input.kind === "text" ? detectIntent(input.text) : null;
}

async function runCommand(turn: Turn, command: Command): Promise<void> {
  const { state } = turn;
  if (command === "back") {
    if (state.flow === "intake" && (await goBack(turn, intake))) return;
    return showMenu(turn);
  }
  // Anything else leaves the intake; its hold is released and its answers forgotten.
  if (state.flow === "intake") await abandonIntake(turn);
  switch (command) {
    case "book":
    case "restart":
      return startIntake(turn);
    case "stop":
      state.flow = undefined;
      return showMenu(turn, turn.m.menu.bye);
    case "status":
      return showStatus(turn);
    case "cancel":
    case "change":
      return startManage(turn, command);
    case "human":
      return startHandoff(turn);
    case "now":
      return startNow(turn);
    case "faq":
    case "help":
      return startFaq(turn);
  }
}

async function resume(turn: Turn): Promise<void> {
  if (turn.state.flow === "intake") return drive(turn, intake, null);
  if (turn.state.flow === "cancel" || turn.state.flow === "change") return startManage(turn, turn.state.flow);
  return showMenu(turn);
}

async function restart(turn: Turn): Promise<void> {
  if (turn.state.flow === "intake") {
    await abandonIntake(turn);
    say(turn, turn.m.menu.restarted);
    return startIntake(turn);
  }
  return showMenu(turn);
}

function offerResume(turn: Turn): void {
  say(turn, turn.m.menu.resume, {
    choices: [
      { label: turn.m.menu.resumeYes, value: "resume:yes" },
      { label: turn.m.menu.resumeNo, value: "resume:no" },
    ],
  });
}

const ENGLISH_WORDS = /^[\x20-\x7E\s]+$/;

/** 「English」「英語」 and 「日本語」 switch; a first message in plain English switches too. */
function switchLocale(turn: Turn, text: string): boolean {
  const t = text.trim().toLowerCase();
  if (/^(english|in english|英語|えいご)$/.test(t) && turn.locale !== "en") return setLocale(turn, "en"), true;
  if (/^(日本語|にほんご|japanese)$/.test(t) && turn.locale !== "ja") return setLocale(turn, "ja"), true;
  const early = !turn.state.flow || (turn.state.flow === "intake" && (turn.state.step === "office" || turn.state.step === "requester"));
  const words = t.match(/[a-z]{2,}/g) ?? [];
  if (early && turn.locale === "ja" && ENGLISH_WORDS.test(t) && words.length >= 2 && !t.includes("@")) {
    setLocale(turn, "en");
    return false;
  }
  return false;
}
