// What a staff password must be: long enough, and not guessable by a maintained strength estimator
// (zxcvbn-ts, with common passwords, English words and Japanese words in romaji).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as ja from "@zxcvbn-ts/language-ja";

export const MIN_PASSWORD_LENGTH = 12;
/**
 * zxcvbn's 0–4 scale. 4 means at least 10^10 guesses: staff accounts read personal data, and a
 * stolen hash must hold against an offline attack, not only against our sign-in throttle.
 */
export const MIN_PASSWORD_SCORE = 4;

// Building the dictionaries takes about half a second: only when a password is first judged.
let estimator: ZxcvbnFactory | undefined;
function estimatorOf(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // A long password is strong by its length; scoring thousands of characters would take seconds.
    maxLength: 128,
  });
  return estimator;
}

export type PasswordProblem = "too_short" | "invisible_characters" | "too_guessable";

/** `hints`: why it is refused and what would help, in English (for a guessable one, zxcvbn's words). */
export type PasswordVerdict = { ok: true } | { ok: false; problem: PasswordProblem; hints: string[] };

// Invisible and control characters cannot be typed reliably and would be dropped by the input
// cleaning at sign-in, so a password must not need them.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Judges a new password; `related` are words of the account (its email address) that must not carry it. */
export function checkPassword(password: string, related: string[] = []): PasswordVerdict {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { ok: false, problem: "too_short", hints: [`Use at least ${MIN_PASSWORD_LENGTH} characters.`] };
  if (INVISIBLE.test(password)) return { ok: false, problem: "invisible_characters", hints: ["Use only visible characters and spaces."] };
  const words = related.flatMap((r) => [r, ...r.split(/[@._+-]+/)]).filter((w) => w.length >= 3);
  const result = estimatorOf().check(password.normalize("NFKC"), words);
  if (result.score < MIN_PASSWORD_SCORE) {
    const hints = [result.feedback.warning, ...result.feedback.suggestions].filter((h): h is string => Boolean(h));
    return { ok: false, problem: "too_guessable", hints: hints.length > 0 ? hints : ["Add more words that are not easy to guess."] };
  }
  return { ok: true };
}
