// The catalogues of every locale. The widget does not come through here: it imports only its own words.
import { isSupportCode, supportCodes, type DetailField } from "../booking/details.ts";
import { isStatusReasonCode } from "../booking/reasons.ts";
import type { Catalogue, SeekerCatalogue } from "./catalogue.ts";
import { en } from "./en/index.ts";
import { ja } from "./ja/index.ts";
import { jaEasy } from "./ja-x-easy/index.ts";
import { vi } from "./vi/index.ts";
import { zhHans } from "./zh-Hans/index.ts";
import { staffLocales, type Locale, type StaffLocale } from "./locales.ts";
import { withoutRuby } from "./ruby.ts";

export type { Catalogue, SeekerCatalogue } from "./catalogue.ts";
/** What the bot says in a conversation. */
export type Messages = SeekerCatalogue["bot"];
/** The staff console's words. */
export type ConsoleWords = Catalogue["staff"];
export { browserLocale, defaultLocale, isLocale, isStaffLocale, locales, staffLocales, type Locale, type StaffLocale } from "./locales.ts";

/** What each seeker locale says: the bot, LINE, mail and notices to the seeker, the widget. */
export const catalogues: Record<Locale, SeekerCatalogue> = { ja, en, "ja-x-easy": jaEasy, "zh-Hans": zhHans, vi };

/** The whole catalogues of the staff locales, staff words included. */
export const staffCatalogues: Record<StaffLocale, Catalogue> = { ja, en };

export function wordsFor(locale: Locale): SeekerCatalogue {
  return catalogues[locale];
}

/** The words of a staff locale: the console, the staff's notices, the operator's CLI. */
export function staffWordsFor(locale: StaffLocale): Catalogue {
  return staffCatalogues[locale];
}

/** Each staff locale's text, in the order of `staffLocales`: for a reader whose language we cannot know. */
export function inEachLocale<T>(pick: (words: Catalogue) => T): T[] {
  return staffLocales.map((locale) => pick(staffCatalogues[locale]));
}

/** Each staff locale's text on one line, 「日本語 / English」; a full-width bracket keeps its own space: 「（今はオフ）/ Use…」. */
export function inEveryLocale(pick: (words: Catalogue) => string): string {
  return inEachLocale(pick).reduce((line, next) => `${line}${line.endsWith("）") ? "" : " "}/ ${next}`);
}

/** A stored support answer as a reader sees it: a known code's label in their language, else the text as typed. */
export function supportText(locale: Locale, stored: string | null | undefined): string | null {
  if (!stored) return null;
  return isSupportCode(stored) ? catalogues[locale].codes.support[stored] : stored;
}

/**
 * Why a booking was declined or ended, as a reader sees it: a coded reason's label in their language, else
 * the text staff wrote, then on its own line what staff added to a coded reason.
 */
export function reasonText(locale: Locale, b: { statusReason: string | null; statusDetail: string | null }): string | null {
  const reason = isStatusReasonCode(b.statusReason) ? catalogues[locale].codes.reason[b.statusReason] : b.statusReason;
  return [reason, b.statusDetail].filter(Boolean).join("\n") || null;
}

/** A stored detail as a reader sees it: a coded answer (the support asked for) in their language, else as stored. */
export function detailText(locale: Locale, name: DetailField, stored: string | null | undefined): string | null {
  return name === "support" ? supportText(locale, stored) : (stored ?? null);
}

/** A support answer as it is stored: a code stays a code, any locale's label of a code becomes the code, other text stays text. */
export function supportCode(text: string): string {
  const typed = text.trim();
  if (isSupportCode(typed)) return typed;
  return supportCodes.find((code) => Object.values(catalogues).some((c) => withoutRuby(c.codes.support[code]) === withoutRuby(typed))) ?? typed;
}
