// Which language a person asks for, or writes in: 「English」「英語」「日本語」, or a sentence in plain English.
import type { Locale } from "../i18n/locales.ts";

const ASKS_FOR: Record<Locale, RegExp> = {
  en: /^(english|in english|英語|えいご)$/,
  ja: /^(日本語|にほんご|japanese)$/,
  "ja-x-easy": /^(やさしい\s*(日本語|にほんご)|easy\s*japanese|plain\s*japanese)$/,
};

/** The language a whole message names (「英語」, 'Japanese'), or undefined. */
export function asksForLanguage(text: string): Locale | undefined {
  const t = text.trim().toLowerCase();
  return (Object.keys(ASKS_FOR) as Locale[]).find((locale) => ASKS_FOR[locale].test(t));
}

const PRINTABLE_ASCII = /^[\x20-\x7E\s]+$/;

/** A message of two or more English words and nothing else (an email address is no sentence). */
export function looksEnglish(text: string): boolean {
  const t = text.trim().toLowerCase();
  const words = t.match(/[a-z]{2,}/g) ?? [];
  return PRINTABLE_ASCII.test(t) && words.length >= 2 && !t.includes("@");
}
