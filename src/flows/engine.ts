import { cleanInput } from "../cleanInput.ts";
import { asksForLanguage, asksForLanguageList, detectIntent, looksEnglish } from "../nlu/index.ts";
import type { Conversation } from "../store/conversations.ts";
import type { ConversationState, FlowDeps, Turn } from "./context.ts";
import { forgetFlowAnswers, say } from "./context.ts";
import { acknowledgeWhileWithStaff } from "./handoff.ts";
import { openManageLink } from "./find.ts";
import { LANGUAGE_MENU, languageChoices, showMenu } from "./menu.ts";
import { isLocale, wordsFor } from "../i18n/index.ts";
import { flowOf, flowOfCommand, flows, unprompted, type Command } from "./registry.ts";
import type { SlotInput } from "./slots.ts";
import { choiceOfTypedLabel } from "./typedLabels.ts";
import type { BotMessage, Inbound, Locale } from "../messages.ts";

export const MAX_TEXT = 2000;
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
    m: wordsFor(conversation.locale).bot,
    out: [],
    mode: conversation.mode,
  };
  await respond(turn, inbound, deps.resetAfterMs);
  forgetFlowAnswers(state);
  state.lastActiveAt = deps.now.toISOString();
  return { messages: turn.out, state, locale: turn.locale, mode: turn.mode };
}

function setLocale(turn: Turn, locale: Locale): void {
  turn.locale = locale;
  turn.m = wordsFor(locale).bot;
}

async function respond(turn: Turn, inbound: Inbound, resetAfterMs: number): Promise<void> {
  const { state } = turn;
  let input: SlotInput | null = inbound.kind === "start" ? null : inbound.kind === "text" ? { kind: "text", text: cleanText(inbound.text) } : inbound;

  if (input?.kind === "text") {
    if (input.text.length > MAX_TEXT) return say(turn, turn.m.menu.tooLong(MAX_TEXT));
    if (input.text === "") return say(turn, turn.m.menu.empty);
    const tapped = choiceOfTypedLabel(input.text);
    if (tapped) input = { kind: "choice", value: tapped };
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
    await flowOf(state)?.abandon?.(turn);
    state.flow = undefined;
    state.step = undefined;
    state.answers = {};
    delete state.attached;
  }

  if (input && asksForLanguages(input)) {
    say(turn, turn.m.menu.chooseLanguage, { choices: languageChoices() });
    return;
  }
  if (input && switchLocale(turn, input)) {
    if (!state.flow) return showMenu(turn, turn.m.menu.greeting);
    say(turn, turn.m.menu.switchedLocale);
    return resume(turn);
  }

  if (!input) {
    if (inbound.kind === "start" && inbound.manageToken !== undefined) return openManageLink(turn, inbound.manageToken);
    if (state.flow) return offerResume(turn);
    return showMenu(turn, turn.m.menu.greeting);
  }
  if (input.kind === "choice" && input.value.startsWith("resume:")) {
    if (input.value === "resume:yes" && state.flow) return resume(turn);
    return restart(turn);
  }
  // An answer to something sent later (a waitlist offer) is taken whatever the conversation was doing.
  if (input.kind === "choice") {
    for (const flow of Object.values(flows)) if (await flow.takeChoice?.(turn, input.value)) return;
  }
  if (state.flow && idle > RESUME_AFTER_MS) return offerResume(turn);

  const command = commandOf(input);
  if (command) return runCommand(turn, command);

  const open = flowOf(state);
  if (open?.continue && (await open.continue(turn, input)) !== false) return;
  // No flow: a date or a wish to book means they want to book; a question may be a FAQ.
  if (input.kind === "text") {
    for (const flow of unprompted) if (await flow.takeUnprompted?.(turn, input.text)) return;
  }
  showMenu(turn, turn.m.menu.notUnderstood);
}

const COMMANDS = new Set<Command>(["cancel", "change", "status", "human", "back", "restart", "stop", "help", "book", "faq", "now", "find", "waitlist", "leaveWaitlist"]);
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
  const open = flowOf(turn.state);
  if (command === "back") {
    if (await open?.back?.(turn)) return;
    return showMenu(turn);
  }
  // Anything else leaves the open flow, which lets go of what it holds.
  await open?.abandon?.(turn);
  if (command === "stop") {
    turn.state.flow = undefined;
    return showMenu(turn, turn.m.menu.bye);
  }
  const flow = flowOfCommand(command);
  return flow ? flow.start(turn) : showMenu(turn);
}

async function resume(turn: Turn): Promise<void> {
  const open = flowOf(turn.state);
  return open?.resume ? open.resume(turn) : showMenu(turn);
}

async function restart(turn: Turn): Promise<void> {
  const open = flowOf(turn.state);
  return open?.restart ? open.restart(turn) : showMenu(turn);
}

function offerResume(turn: Turn): void {
  say(turn, turn.m.menu.resume, {
    choices: [
      { label: turn.m.menu.resumeYes, value: "resume:yes" },
      { label: turn.m.menu.resumeNo, value: "resume:no" },
    ],
  });
}

/** The menu's 「言語 / Language」, or the word typed alone. */
function asksForLanguages(input: SlotInput): boolean {
  return input.kind === "choice" ? input.value === LANGUAGE_MENU : input.kind === "text" && asksForLanguageList(input.text);
}

/**
 * A language chosen (the widget's menu, the bot's language choices: `locale:<tag>`) or named
 * (「English」「英語」「日本語」) switches from this answer on, keeping the answers; a first message in
 * plain English switches too.
 */
function switchLocale(turn: Turn, input: SlotInput): boolean {
  if (input.kind === "choice" && input.value.startsWith("locale:")) {
    const chosen = input.value.slice("locale:".length);
    if (!isLocale(chosen)) return false;
    setLocale(turn, chosen);
    return true;
  }
  if (input.kind !== "text") return false;
  const text = input.text;
  const asked = asksForLanguage(text);
  if (asked && asked !== turn.locale) return setLocale(turn, asked), true;
  const early = !turn.state.flow || (flowOf(turn.state)?.opening?.(turn.state) ?? false);
  if (early && turn.locale === "ja" && looksEnglish(text)) setLocale(turn, "en");
  return false;
}
