import type { DetailValues } from "../booking/details.ts";
import type { Config, Office, OfficeId } from "../config.ts";
import { findOffice } from "../config.ts";
import { parseYesNo } from "../nlu/index.ts";
import type { Requester } from "../store/bookingLimits.ts";
import type { SeekerLimits } from "../store/bookings.ts";
import type { Conversation } from "../store/conversations.ts";
import type { Db } from "../store/db.ts";
import type { Messages } from "../i18n/index.ts";
import { MAX_CHOICE_LABEL, type BotMessage, type Choice, type Locale } from "../messages.ts";

export type FlowName = "intake" | "status" | "cancel" | "change" | "now" | "faq" | "handoff" | "find" | "waitlist" | "leaveWaitlist";

/**
 * The booking details the intake asks, each under its field's name in src/booking/details.ts (the kind of
 * requester is asked as "requester"); null means "asked, and none" (not registered, no help needed).
 */
type DetailAnswers = Partial<Omit<DetailValues, "requesterKind"> & { requester: DetailValues["requesterKind"] }>;

/** What the flows collect (the intake most). Values are normalised; null means "asked, and none" (no preference). */
export interface Answers extends DetailAnswers {
  office?: OfficeId;
  consent?: { version: string; at: string };
  counsellor?: string | null;
  when?: { startsAt: string; holdId: string; counsellorId: string };
  /** The address proven with a one-time code (web); a changed email needs a new code. */
  emailVerified?: string;
  /** The booking a cancel or change is about. */
  booking?: string;
  /** Told of a booking still to come, the user asked for another (false: there was none). */
  anotherBooking?: boolean;
  /** A booking reference to look up, canonical (NG-3K7P9Q). */
  reference?: string;
  /** The email or phone given with it: `email:<address>` or `phone:<digits>`. */
  contact?: string;
}

export type AnswerKey = keyof Answers;

/** A value waiting for the user's yes (or the offered alternative) before it is kept. */
export interface PendingConfirm {
  slot: string;
  value: unknown;
  alternative?: unknown;
}

/** The whole conversation state, stored as jsonb. */
export interface ConversationState {
  flow?: FlowName;
  /** The slot or sub-step being asked. */
  step?: string;
  answers?: Answers;
  /** Values found in an earlier message for slots not asked yet. */
  prefill?: Partial<Record<AnswerKey, string>>;
  confirm?: PendingConfirm;
  /** Slots answered, in order, for 「戻る」. */
  history?: AnswerKey[];
  /** A one-time code sent to this address and not yet typed back. */
  emailCheck?: { codeId: string; email: string };
  lastActiveAt?: string;
  /**
   * Bookings made elsewhere that this conversation may see, change and cancel: found by reference
   * and contact details, or opened from a mail's link. Forgotten with the conversation's answers.
   */
  attached?: string[];
  /** The last turn run for a keyed event (a LINE webhook event), so running it again repeats its replies. */
  lastTurn?: { key: string; messages: BotMessage[] };
}

export interface FlowDeps {
  db: Db;
  config: Config;
  now: Date;
  wakeOutbox: () => void;
  /** The web client's address key (limits per client); null on LINE. */
  client?: string | null;
}

/** One turn: the deps, the conversation, its state (changed in place) and the replies. */
export interface Turn extends FlowDeps {
  conversation: Conversation;
  state: ConversationState;
  locale: Locale;
  m: Messages;
  out: BotMessage[];
  mode: Conversation["mode"];
}

export function say(turn: Turn, text: string, extra: Omit<BotMessage, "text"> = {}): void {
  turn.out.push({ text, ...extra });
}

export function limitsOf(config: Config): SeekerLimits {
  return { activeLimit: config.SEEKER_ACTIVE_LIMIT, noShowLimit: config.NO_SHOW_LIMIT, noShowWindowDays: config.NO_SHOW_WINDOW_DAYS };
}

/** Who asks, for the limits per person and per client; the conversation is the LINE user or web session. */
export function requesterOf(turn: Turn, contact: { email?: string | null; emailVerified?: boolean; phone?: string | null } = {}): Requester {
  const c = turn.config;
  return {
    limits: { perPerson: c.REQUESTS_PER_PERSON, perClient: c.REQUESTS_PER_CLIENT, holdsPerClient: c.HOLDS_PER_CLIENT },
    client: turn.client ?? null,
    email: contact.email,
    emailVerified: contact.emailVerified,
    phone: contact.phone,
  };
}

export function actorOf(turn: Turn): string {
  return `seeker:${turn.conversation.channel}:${turn.conversation.id}`;
}

export function officeOf(turn: Turn): Office | undefined {
  const id = turn.state.answers?.office ?? turn.conversation.officeId ?? undefined;
  return id ? findOffice(turn.config, id) : undefined;
}

export function yesNoChoices(m: Messages): Choice[] {
  return [
    { label: m.choice.yes, value: "yes" },
    { label: m.choice.no, value: "no" },
  ];
}

/** A yes or a no, tapped (the values of yesNoChoices) or written; null when it is neither. */
export function yesOrNo(input: { kind: string; value?: unknown; text?: string }): "yes" | "no" | null {
  if (input.kind === "choice") return input.value === "yes" || input.value === "confirm:yes" ? "yes" : input.value === "no" ? "no" : null;
  return input.kind === "text" && typeof input.text === "string" ? parseYesNo(input.text) : null;
}

export function officeChoices(turn: Turn): Choice[] {
  return turn.config.offices.map((o) => ({ label: o.name[turn.locale].slice(0, MAX_CHOICE_LABEL), value: `office:${o.id}` }));
}

/** The one answer that outlives a flow: the office the conversation is about. */
export function keptOffice(turn: Turn): Answers {
  const office = turn.state.answers?.office ?? (turn.conversation.officeId as OfficeId | null) ?? undefined;
  return office ? { office } : {};
}

/** With no flow open, only the office is kept: a flow's answers never leak into the next one. */
export function forgetFlowAnswers(state: ConversationState): void {
  if (state.flow || !state.answers) return;
  state.answers = state.answers.office ? { office: state.answers.office } : {};
}

export function answersOf(state: ConversationState): Answers {
  state.answers ??= {};
  return state.answers;
}
