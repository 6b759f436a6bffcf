// The lists of languages, as BCP 47 tags. Two audiences:
// - `locales`: every language a seeker may use (the bot, LINE, mail, notices, the widget). A new one
//   needs a catalogue folder of the seeker's parts only (see catalogue.ts) and its tag here; the type
//   checker then names every string the new catalogue still lacks, and every table keyed by locale.
// - `staffLocales`: the staff console's and the operator's languages, and those of a line written for
//   a reader whose language we cannot know (inEveryLocale). Staff always read Japanese (English if
//   they choose it); they see the seeker's language beside the booking.
export const staffLocales = ["ja", "en"] as const;

export const locales = [...staffLocales, "ja-x-easy", "zh-Hans", "vi"] as const;

export type Locale = (typeof locales)[number];
export type StaffLocale = (typeof staffLocales)[number];

/** What a conversation, a booking and the widget start in. */
export const defaultLocale = "ja" satisfies Locale & StaffLocale;

export function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value);
}

export function isStaffLocale(value: unknown): value is StaffLocale {
  return (staffLocales as readonly unknown[]).includes(value);
}

/**
 * The first of a browser's languages (navigator.languages) that we speak: an exact tag, else the
 * same language with the same script or none named (zh-CN and zh-SG read zh-Hans; zh-TW does not),
 * else undefined. ja-x-easy is chosen by a person, never guessed.
 */
export function browserLocale(languages: readonly string[]): Locale | undefined {
  for (const tag of languages) {
    const wanted = tag.toLowerCase();
    const exact = locales.find((locale) => locale.toLowerCase() === wanted);
    if (exact) return exact;
    const [language, ...rest] = wanted.split("-");
    const script = rest.find((part) => part.length === 4) ?? SIMPLIFIED_REGIONS[`${language}-${rest[0] ?? ""}`] ?? (language === "zh" && rest.length === 0 ? "hans" : undefined);
    const match = locales.find((locale) => {
      const [l, s] = locale.toLowerCase().split("-");
      if (l !== language || s === "x") return false;
      return s === undefined || s.length !== 4 || s === script;
    });
    if (match) return match;
  }
  return undefined;
}

// Chinese written in simplified characters where the browser names only a region.
const SIMPLIFIED_REGIONS: Record<string, string> = { "zh-cn": "hans", "zh-sg": "hans", "zh-my": "hans" };
