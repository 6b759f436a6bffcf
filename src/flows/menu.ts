import type { Turn } from "./context.ts";
import { say } from "./context.ts";
import { catalogues, locales, type Messages } from "../i18n/index.ts";
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

/** 「言語 / Language」: the languages to choose from (the engine answers it, keeping any open question). */
export function languageMenuChoice(m: Messages): Choice {
  return { label: m.menu.language, value: LANGUAGE_MENU };
}

export const LANGUAGE_MENU = "menu:language";

/** Every language, each by its own name: choosing one switches from the next message on. */
export function languageChoices(): Choice[] {
  return locales.map((locale) => ({ label: catalogues[locale].formats.languageName, value: `locale:${locale}` }));
}

/** 「予約番号で探す」: for a booking made in another chat, on the phone, or at the counter. */
export function findChoice(m: Messages): Choice {
  return { label: m.find.choice, value: "menu:find" };
}

/** The menu; with `find`, led by finding a booking by its reference (none was found here). */
export function showMenu(turn: Turn, text = turn.m.menu.prompt, options: { find?: boolean } = {}): void {
  turn.state.flow = undefined;
  turn.state.step = undefined;
  say(turn, text, { choices: [...(options.find ? [findChoice(turn.m)] : []), ...menuChoices(turn.m), languageMenuChoice(turn.m)] });
}
