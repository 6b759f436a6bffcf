// The catalogues of every locale. The widget does not come through here: it imports only its own words.
import type { Catalogue } from "./catalogue.ts";
import { en } from "./en/index.ts";
import { ja } from "./ja/index.ts";
import { locales, type Locale } from "./locales.ts";

export type { Catalogue } from "./catalogue.ts";
/** What the bot says in a conversation. */
export type Messages = Catalogue["bot"];
/** The staff console's words. */
export type ConsoleWords = Catalogue["staff"];
export { defaultLocale, isLocale, locales, type Locale } from "./locales.ts";

export const catalogues: Record<Locale, Catalogue> = { ja, en };

export function wordsFor(locale: Locale): Catalogue {
  return catalogues[locale];
}

/** Each locale's text, in the order of `locales`: for a reader whose language we cannot know. */
export function inEachLocale<T>(pick: (words: Catalogue) => T): T[] {
  return locales.map((locale) => pick(catalogues[locale]));
}

/** Each locale's text on one line, 「日本語 / English」; a full-width bracket keeps its own space: 「（今はオフ）/ Use…」. */
export function inEveryLocale(pick: (words: Catalogue) => string): string {
  return inEachLocale(pick).reduce((line, next) => `${line}${line.endsWith("）") ? "" : " "}/ ${next}`);
}
