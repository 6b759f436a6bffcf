// Which language a person asks for, or writes in: 「English」「英語」「日本語」「中文」「Tiếng Việt」, or a sentence in plain English.
import { isLocale, type Locale } from "../i18n/locales.ts";

/** By language code; a code takes effect once it is one of the locales (src/i18n/locales.ts). */
const ASKS_FOR: Record<string, RegExp> = {
  en: /^(english|in english|英語|えいご|英语|tiếng anh|tieng anh)$/,
  ja: /^(日本語|にほんご|japanese|日语|日文|tiếng nhật|tieng nhat)$/,
  "ja-x-easy": /^(やさしい\s*(日本語|にほんご)|easy\s*japanese|plain\s*japanese)$/,
  "zh-Hans": /^(中文|简体中文|简体|汉语|普通话|chinese|simplified chinese|中国語|ちゅうごくご|tiếng trung|tieng trung)$/,
  vi: /^(tiếng việt|tieng viet|vietnamese|ベトナム語|べとなむご|越南语|越南文|việt|viet)$/,
};

/** The language a whole message names (「英語」, 'Japanese', 中文, tiếng Việt), or undefined. */
export function asksForLanguage(text: string): Locale | undefined {
  const t = text.normalize("NFC").trim().toLowerCase();
  return Object.keys(ASKS_FOR).find((code): code is Locale => isLocale(code) && ASKS_FOR[code]!.test(t));
}

/** A wish to see the languages: 「言語」「ことば」「Language」 alone. */
export function asksForLanguageList(text: string): boolean {
  return /^(言語|げんご|ことば|语言|ngôn ngữ|ngon ngu|language|languages|言語\s*\/\s*language|language\s*\/\s*言語)[?？]?$/.test(text.normalize("NFC").trim().toLowerCase());
}

const PRINTABLE_ASCII = /^[\x20-\x7E\s]+$/;

/** Vietnamese typed without its marks, which is printable ASCII too: toi muon dat lich. */
const UNMARKED_VIETNAMESE = /\b(?:toi|muon|dat lich|lich hen|tu van|khong|duoc|xin chao|cam on|thu (?:hai|ba|tu|nam|sau|bay))\b/;

/** A message of two or more English words and nothing else (an email address is no sentence, nor Vietnamese without its marks). */
export function looksEnglish(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (UNMARKED_VIETNAMESE.test(t)) return false;
  const words = t.match(/[a-z]{2,}/g) ?? [];
  return PRINTABLE_ASCII.test(t) && words.length >= 2 && !t.includes("@");
}
