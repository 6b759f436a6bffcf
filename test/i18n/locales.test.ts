import { describe, expect, it } from "vitest";
import { browserLocale, isStaffLocale, locales, staffLocales } from "../../src/i18n/locales.ts";

describe("the languages", () => {
  it("lets seekers use every staff language and more, with BCP 47 tags", () => {
    expect(staffLocales.every((locale) => (locales as readonly string[]).includes(locale))).toBe(true);
    expect(locales).toContain("ja-x-easy");
    for (const locale of locales) expect(Intl.getCanonicalLocales(locale)).toEqual([locale]);
    expect(isStaffLocale("ja-x-easy")).toBe(false);
  });

  it.each([
    [["ja-JP", "en-US"], "ja"],
    [["en-GB", "ja"], "en"],
    [["fr-FR", "en-US"], "en"],
    [["EN"], "en"],
    [["fr-FR", "de"], undefined],
    [[], undefined],
  ] as const)("takes the browser's first language it speaks: %j → %s", (languages, locale) => {
    expect(browserLocale(languages)).toBe(locale);
  });

  it("never guesses やさしい日本語 from a browser (a person chooses it)", () => {
    expect(browserLocale(["ja-JP"])).toBe("ja");
    expect(browserLocale(["ja-x-easy"])).toBe("ja-x-easy");
  });
});
