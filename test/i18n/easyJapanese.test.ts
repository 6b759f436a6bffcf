// やさしい日本語: sentence length over the ja-x-easy catalogue. The guideline's goal: no sentence over 30
// characters, 20 or fewer on average. A sentence ends at 。？！ or a line break; furigana marks count as
// their kanji, and the spaces between phrases, bullets and brackets around an example are not counted.
// Functions (texts built around a name or a date) are measured with sample values.
import { describe, expect, it } from "vitest";
import { catalogues, reasonText, supportCode, supportText } from "../../src/i18n/index.ts";
import { withoutRuby } from "../../src/i18n/ruby.ts";
import { LINE_MAX_ACTION_LABEL } from "../../src/line/render.ts";
import { testConfig } from "../helpers/config.ts";

const office = testConfig().offices[0]!;
const samples: Record<string, unknown> = { string: "12月3日(木) 午後2時", number: 10, date: new Date("2026-12-03T14:00:00+09:00") };

const argumentsOf: Record<string, unknown[]> = { "widget.dateTime": [2026, 12, 3, "木", "14:00"] };

/** Every text of a catalogue part with its path; a function is called with a sample for each parameter. */
function texts(value: unknown, path: string): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}.${i}`));
  if (typeof value === "function") {
    if (path in argumentsOf) return texts(value(...argumentsOf[path]!), path);
    try {
      const args = Array.from({ length: value.length }, () => samples.string);
      return texts(value(...args), path);
    } catch {
      try {
        return texts(value(office, samples.string, samples.string), path);
      } catch {
        return [];
      }
    }
  }
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

function sentences(text: string): string[] {
  return withoutRuby(text)
    .split(/[。？！?!\n]/)
    .map((s) => s.replace(/^[・\s　]+/, "").replace(/[\s　]/g, "").replace(/（例[^）]*）/g, ""))
    .filter((s) => s.length > 0 && !/^https?:/.test(s));
}

function measure(paths: string[]) {
  const easy = catalogues["ja-x-easy"];
  const all = paths.flatMap((p) => texts(p.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], easy), p));
  const lengths = all.flatMap((t) => sentences(t.text).map((s) => ({ path: t.path, s, n: [...s].length })));
  const average = lengths.reduce((sum, l) => sum + l.n, 0) / lengths.length;
  return { count: lengths.length, average, longest: Math.max(...lengths.map((l) => l.n)), over30: lengths.filter((l) => l.n > 30) };
}

/**
 * The paths of the ja-x-easy catalogue written for the guideline: everything that is not the Japanese
 * catalogue's own value. A section still given as `japanese.…` (a reference to the Japanese catalogue)
 * is not counted; once none is left, this is the whole catalogue.
 */
function rewrittenPaths(easy: unknown, japanese: unknown, path: string): string[] {
  if (easy === japanese) return [];
  const plain = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (plain(easy) && plain(japanese)) {
    return Object.entries(easy as Record<string, unknown>).flatMap(([k, v]) => rewrittenPaths(v, (japanese as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return [path];
}

const parts = ["bot", "notices", "codes", "line", "mail", "widget"] as const;
const rewritten = parts.flatMap((part) => rewrittenPaths(catalogues["ja-x-easy"][part], catalogues.ja[part], part));

describe("やさしい日本語", () => {
  it("keeps every sentence of the rewritten parts within 30 characters, 20 or fewer on average", () => {
    const m = measure(rewritten);
    console.log(`ja-x-easy rewritten parts: ${m.count} sentences, average ${m.average.toFixed(1)}, longest ${m.longest}`);
    expect(m.over30.map((l) => `${l.path}: ${l.s}`)).toEqual([]);
    expect(m.average).toBeLessThanOrEqual(20);
  });

  it("measures the whole catalogue (the README states the figures)", () => {
    const m = measure([...parts]);
    console.log(`ja-x-easy whole catalogue: ${m.count} sentences, average ${m.average.toFixed(1)}, longest ${m.longest}, over 30: ${m.over30.length}`);
    expect(m.count).toBeGreaterThan(300);
  });

  it("says in its consent summary that the Japanese terms govern", () => {
    expect(withoutRuby(catalogues["ja-x-easy"].bot.intake.consentFullText("https://example.jp/terms"))).toContain("日本語の きまりが 正しい きまりです");
  });

  it("writes furigana marks only where the widget or the chat shows them, never in mail", () => {
    const mailTexts = texts(catalogues["ja-x-easy"].mail, "mail").filter((t) => /\{[^{}|]+\|/.test(t.text));
    expect(mailTexts).toEqual([]);
  });

  it("shows the seeker the codes in やさしい日本語, understands a support label typed back, and leaves staff reading Japanese", () => {
    const easy = catalogues["ja-x-easy"].codes;
    expect(supportCode(easy.support.interpreter)).toBe("interpreter");
    expect(supportCode(withoutRuby(easy.support.assistant))).toBe("assistant");
    expect(withoutRuby(supportText("ja-x-easy", "interpreter")!)).toBe("通訳が 必要");
    expect(supportText("ja", "interpreter")).toBe("通訳が必要");
    const declined = { statusReason: "slot_unavailable", statusDetail: null };
    expect(withoutRuby(reasonText("ja-x-easy", declined)!)).toBe("その 日と 時間は 相談員が あいて いません");
    expect(reasonText("ja", declined)).toBe("その日時は相談員の都合がつきません");
  });

  it("writes LINE's own words without furigana marks (LINE cannot show them) and within LINE's limits", () => {
    const line = catalogues["ja-x-easy"].line;
    expect(texts(line, "line").filter((t) => /\{[^{}|]+\|/.test(t.text))).toEqual([]);
    for (const label of [line.pickDateTime, line.join]) expect(label.length).toBeLessThanOrEqual(LINE_MAX_ACTION_LABEL);
  });
});
