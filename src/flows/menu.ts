import type { Turn } from "./context.ts";
import { say } from "./context.ts";
import type { Messages } from "../i18n/index.ts";
import type { Choice } from "../messages.ts";

export function menuChoices(m: Messages): Choice[] {
  return [
    { label: m.menu.book, value: "menu:book" },
    { label: m.menu.status, value: "menu:status" },
    { label: m.menu.change, value: "menu:change" },
    { label: m.menu.cancel, value: "menu:cancel" },
    { label: m.menu.now, value: "menu:now" },
    { label: m.menu.faq, value: "menu:faq" },
    { label: m.menu.human, value: "menu:human" },
  ];
}

export function showMenu(turn: Turn, text = turn.m.menu.prompt): void {
  turn.state.flow = undefined;
  turn.state.step = undefined;
  say(turn, text, { choices: menuChoices(turn.m) });
}
