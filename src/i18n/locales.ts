// The one list of languages. Adding one: a catalogue folder beside this file and its code here; the
// type checker then names every string the new catalogue still lacks.
export const locales = ["ja", "en"] as const;

export type Locale = (typeof locales)[number];

/** What a conversation, a booking and the widget start in. */
export const defaultLocale: Locale = "ja";

export function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value);
}
