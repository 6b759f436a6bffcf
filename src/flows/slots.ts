import { answersOf, yesOrNo, type AnswerKey, type Answers, type ConversationState, type FlowName, type Turn } from "./context.ts";
import type { BotMessage, Choice } from "../messages.ts";
import { isTypedLabel } from "./typedLabels.ts";

export type SlotInput =
  | { kind: "text"; text: string }
  | { kind: "choice"; value: string }
  | { kind: "datetime"; value: string }
  /** A value the user said yes to. */
  | { kind: "confirmed"; value: unknown };

/** An answer as the user gave it: typed, tapped or picked. */
export type GivenInput = Exclude<SlotInput, { kind: "confirmed" }>;

export type SlotOutcome =
  | { kind: "done"; value: unknown }
  /** Waits for another answer, after saying what was wrong and, with `ask`, asking again. */
  | { kind: "again"; say?: BotMessage; ask?: boolean }
  /** The flow ends here (consent declined, nothing to cancel); the slot said why. */
  | { kind: "end" };

export interface SlotDef {
  name: AnswerKey;
  /** Whether this slot is asked, given the answers so far. */
  applies?: (answers: Answers) => boolean;
  /** Answers without asking when it can (the only booking, what is on record), or ends the flow; undefined asks. */
  resolve?: (turn: Turn) => Promise<SlotOutcome | undefined>;
  ask: (turn: Turn) => Promise<void> | void;
  accept: (turn: Turn, input: GivenInput) => Promise<SlotOutcome> | SlotOutcome;
  /** A value the user said yes to is the answer, unless the slot still has to act on it (a time to hold). */
  acceptConfirmed?: (turn: Turn, value: unknown) => Promise<SlotOutcome> | SlotOutcome;
  /** Finds this slot's value inside a message written for another slot (「明日14時、山田です」). */
  extract?: (text: string, turn: Turn) => string | undefined;
  /** The summary row, or undefined to leave the slot out of it. */
  row?: (turn: Turn, answers: Answers) => string | undefined;
  /** Asked first, before anything personal: a message in plain English here switches to English. */
  opening?: boolean;
  /** Not offered for change from the summary. */
  fixed?: boolean;
  /** Answers that no longer hold when this one changes (a new counsellor needs a new time). */
  resets?: AnswerKey[];
  /** Undoes what this slot's answer took when the answer is forgotten (the held slot). */
  forget?: (turn: Turn) => Promise<void>;
}

export interface FlowDef {
  name: FlowName;
  slots: SlotDef[];
  /** After the last slot: the summary, submitting, and what comes next. */
  finish: (turn: Turn, input: SlotInput | null) => Promise<void>;
}

export const done = (value: unknown): SlotOutcome => ({ kind: "done", value });
export const again: SlotOutcome = { kind: "again" };
export const end: SlotOutcome = { kind: "end" };
/** Says what was wrong and waits for another answer. */
export const retry = (text: string, extra: Omit<BotMessage, "text"> = {}): SlotOutcome => ({ kind: "again", say: { text, ...extra } });
/** Says what was wrong, if anything, and asks the question again. */
export const askAgain = (text?: string): SlotOutcome => ({ kind: "again", ask: true, ...(text === undefined ? {} : { say: { text } }) });

export function defineFlow(name: FlowName, slots: SlotDef[], finish: FlowDef["finish"]): FlowDef {
  return { name, slots, finish };
}

const SUMMARY = "summary";

function nextSlot(flow: FlowDef, answers: Answers): SlotDef | undefined {
  return flow.slots.find((s) => (s.applies?.(answers) ?? true) && answers[s.name] === undefined);
}

/**
 * The generic engine: asks for the first missing slot, parses the answer, keeps it, and after the
 * last one hands over to the flow's finish (a summary where any answer can be changed).
 */
export async function drive(turn: Turn, flow: FlowDef, input: SlotInput | null): Promise<void> {
  const state = turn.state;
  const answers = answersOf(state);
  if (input?.kind === "text") prefillOthers(turn, flow, input.text);

  for (let guard = 0; guard < 2 * flow.slots.length + 2; guard++) {
    if (state.step === SUMMARY) return flow.finish(turn, input);
    const slot = flow.slots.find((s) => s.name === state.step) ?? nextSlot(flow, answers);
    if (!slot) {
      state.step = SUMMARY;
      continue;
    }
    state.step = slot.name;

    const given = input ?? takePrefill(state, slot);
    input = null;
    const answer = given && resolveConfirm(turn, given);
    const outcome = answer ? await accept(turn, slot, answer) : await slot.resolve?.(turn);
    if (!outcome) {
      await slot.ask(turn);
      return;
    }
    if (outcome.kind === "again") {
      if (outcome.say) turn.out.push(outcome.say);
      if (outcome.ask) continue;
      return;
    }
    if (outcome.kind === "end") {
      state.flow = undefined;
      state.step = undefined;
      return;
    }
    const changed = answers[slot.name] !== undefined && JSON.stringify(answers[slot.name]) !== JSON.stringify(outcome.value);
    (answers as Record<string, unknown>)[slot.name] = outcome.value;
    if (changed) for (const name of slot.resets ?? []) await forgetAnswer(turn, flow, name);
    state.history = [...(state.history ?? []).filter((h) => h !== slot.name), slot.name];
    // The next missing answer, or the summary when none is (so an edit returns to it).
    state.step = undefined;
  }
}

function accept(turn: Turn, slot: SlotDef, input: SlotInput): Promise<SlotOutcome> | SlotOutcome {
  if (input.kind !== "confirmed") return slot.accept(turn, input);
  return slot.acceptConfirmed ? slot.acceptConfirmed(turn, input.value) : done(input.value);
}

/** Opens a flow with the answers it keeps from before, and asks its first question. */
export async function begin(turn: Turn, flow: FlowDef, keep: Answers): Promise<void> {
  turn.state.flow = flow.name;
  turn.state.step = undefined;
  turn.state.answers = keep;
  turn.state.history = undefined;
  return drive(turn, flow, null);
}

/** The text of a typed or tapped answer. */
export function textOf(input: GivenInput): string {
  return input.kind === "text" ? input.text : input.kind === "choice" ? input.value : "";
}

function takePrefill(state: Turn["state"], slot: SlotDef): SlotInput | null {
  const text = state.prefill?.[slot.name];
  if (text === undefined) return null;
  delete state.prefill![slot.name];
  return { kind: "text", text };
}

/** A yes to a pending confirmation becomes the confirmed value; a no (null) asks again; anything else is a new answer. */
function resolveConfirm(turn: Turn, input: SlotInput): SlotInput | null {
  const pending = turn.state.confirm;
  if (!pending || pending.slot !== turn.state.step) return input;
  turn.state.confirm = undefined;
  if (input.kind === "choice" && input.value === "confirm:alt") return { kind: "confirmed", value: pending.alternative };
  // 「書いたとおりでよい」 typed instead of tapped keeps the value as written, as the tap does.
  const keepsTyped = pending.value !== undefined && input.kind === "text" && isTypedLabel(input.text, (m) => m.intake.emailKeepTyped);
  const reply = keepsTyped ? "yes" : yesOrNo(input);
  if (reply === "yes") return { kind: "confirmed", value: pending.value };
  if (reply === "no") return null;
  return input;
}

/** Other slots' values found in this message are kept for when those slots come up. */
export function prefillOthers(turn: Turn, flow: FlowDef, text: string): void {
  const answers = answersOf(turn.state);
  for (const slot of flow.slots) {
    if (slot.name === turn.state.step || answers[slot.name] !== undefined || !slot.extract) continue;
    const found = slot.extract(text, turn);
    if (found !== undefined) {
      turn.state.prefill = { ...turn.state.prefill, [slot.name]: found };
    }
  }
}

async function forgetAnswer(turn: Turn, flow: FlowDef, name: AnswerKey): Promise<void> {
  const answers = answersOf(turn.state);
  if (answers[name] === undefined) return;
  delete answers[name];
  turn.state.history = (turn.state.history ?? []).filter((h) => h !== name);
  await flow.slots.find((s) => s.name === name)?.forget?.(turn);
}

/** 「戻る」: forget the last answer and ask that slot again. */
export async function goBack(turn: Turn, flow: FlowDef): Promise<boolean> {
  const history = turn.state.history ?? [];
  const last = history[history.length - 1];
  if (!last) return false;
  turn.state.history = history.slice(0, -1);
  await forgetAnswer(turn, flow, last);
  turn.state.step = last;
  turn.state.confirm = undefined;
  await drive(turn, flow, null);
  return true;
}

/** Opens one answer for change from the summary: only those the summary offered. */
export async function edit(turn: Turn, flow: FlowDef, name: string): Promise<boolean> {
  if (!editChoices(turn, flow).some((c) => c.value === `edit:${name}`)) return false;
  const slot = flow.slots.find((s) => s.name === name)!;
  turn.state.step = slot.name;
  await slot.ask(turn);
  return true;
}

/** Summary rows of the slots that have one. */
export function summaryRows(turn: Turn, flow: FlowDef): { label: string; value: string; slot: AnswerKey }[] {
  const answers = answersOf(turn.state);
  const rows: { label: string; value: string; slot: AnswerKey }[] = [];
  for (const slot of flow.slots) {
    if (!(slot.applies?.(answers) ?? true) || !slot.row) continue;
    const value = slot.row(turn, answers);
    if (value !== undefined) rows.push({ label: (turn.m.rows as Record<string, string>)[slot.name] ?? slot.name, value, slot: slot.name });
  }
  return rows;
}

export function editChoices(turn: Turn, flow: FlowDef): Choice[] {
  return summaryRows(turn, flow)
    .filter((r) => !flow.slots.find((s) => s.name === r.slot)?.fixed)
    .map((r) => ({ label: r.label, value: `edit:${r.slot}` }));
}

/** Whether the open question is one of the flow's opening ones. */
export function isOpening(flow: FlowDef, state: ConversationState): boolean {
  return flow.slots.some((s) => s.opening && s.name === state.step);
}
