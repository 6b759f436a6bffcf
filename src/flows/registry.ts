// Every flow the engine can run, declared once: the engine looks a flow up here and names none.
import type { Intent } from "../nlu/index.ts";
import type { ConversationState, FlowName, Turn } from "./context.ts";
import { faq } from "./faq.ts";
import { find } from "./find.ts";
import { handoff } from "./handoff.ts";
import { intakeFlow } from "./intake.ts";
import { cancel, change, status } from "./manage.ts";
import { now } from "./now.ts";
import { leaveWaitlistFlow, waitlist } from "./waitlist.ts";
import type { SlotInput } from "./slots.ts";

/** What a user can ask for at any point, by a menu choice or in words. */
export type Command = Intent | "now" | "find";

export interface Flow {
  /** The commands that open this flow. */
  commands: readonly Command[];
  start(turn: Turn): Promise<void> | void;
  /** The next message while this flow is open; false hands it back as if no flow were open. */
  continue?(turn: Turn, input: SlotInput): Promise<boolean | void> | boolean | void;
  /** Asks the open question again (after a pause or a change of language); without it, the menu. */
  resume?(turn: Turn): Promise<void> | void;
  /** Leaving it half-way (another command, a long silence): lets go of what it holds. */
  abandon?(turn: Turn): Promise<void>;
  /** Declining to resume after a pause starts it over; without it, the menu. */
  restart?(turn: Turn): Promise<void>;
  /** 「戻る」: asks the previous question again; false when there is none. */
  back?(turn: Turn): Promise<boolean>;
  /** Whether an opening question is open, where a message in plain English switches to English. */
  opening?(state: ConversationState): boolean;
  /** A message sent with no flow open: true when this flow took it up. */
  takeUnprompted?(turn: Turn, text: string): Promise<boolean> | boolean;
  /** A choice tapped at any point (an answer to a notice that came later): true when this flow took it. */
  takeChoice?(turn: Turn, value: string): Promise<boolean>;
}

export const flows: Record<FlowName, Flow> = { intake: intakeFlow, status, cancel, change, now, faq, handoff, find, waitlist, leaveWaitlist: leaveWaitlistFlow };

/** Tried in this order on a message sent with no flow open. */
export const unprompted: readonly Flow[] = [find, intakeFlow, faq];

export function flowOf(state: ConversationState): Flow | undefined {
  return state.flow ? flows[state.flow] : undefined;
}

export function flowOfCommand(command: Command): Flow | undefined {
  return Object.values(flows).find((flow) => flow.commands.includes(command));
}
