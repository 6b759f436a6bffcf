// Japanese phone numbers, written back with hyphens the way Japanese offices do (095-862-8643).
import { normalizeField } from "./normalize.ts";

export type PhoneKind = "mobile" | "landline" | "ip" | "tollfree";

export type PhoneResult =
  | { ok: true; value: string; digits: string; kind: PhoneKind }
  | { ok: false; reason: "empty" | "invalid_format" | "too_short" | "too_long" | "not_japanese" };

// Area codes whose length differs from the common 3 digits; the rest fall back to 3-3-4.
const TWO_DIGIT_AREAS = ["03", "06"];
const FOUR_DIGIT_AREAS = ["0920", "0950", "0955", "0956", "0957", "0959", "0942", "0944", "0952", "0954"];

export function parsePhone(text: string): PhoneResult {
  let s = normalizeField(text)
    .replace(/(?:電話番号|電話|携帯|tel|phone|番号)\s*[:は]?/gi, "")
    .replace(/(?:です|になります|まで|。|\.$)/g, "")
    .trim();
  if (s === "") return { ok: false, reason: "empty" };
  if (/[^\d\s\-+()./]/.test(s)) return { ok: false, reason: "invalid_format" };
  let international = false;
  if (/^\+|^00/.test(s)) {
    const m = /^(?:\+|00)\s*(\d{1,3})/.exec(s);
    if (!m || m[1] !== "81" && !m[1]!.startsWith("81")) return { ok: false, reason: "not_japanese" };
    s = s.replace(/^(?:\+|00)\s*81\s*[-\s]?\s*(?:\(0\)\s*)?/, "0").replace(/^00/, "0");
    international = true;
  }
  const groups = s.split(/[\s\-()./]+/).filter(Boolean);
  const digits = groups.join("");
  if (!/^0\d+$/.test(digits)) return { ok: false, reason: "invalid_format" };
  if (digits.length < 10) return { ok: false, reason: "too_short" };
  if (digits.length > 11) return { ok: false, reason: "too_long" };

  if (/^0[789]0/.test(digits)) return digits.length === 11 ? ok(split(digits, [3, 4, 4]), digits, "mobile") : { ok: false, reason: digits.length < 11 ? "too_short" : "too_long" };
  if (digits.startsWith("050")) return digits.length === 11 ? ok(split(digits, [3, 4, 4]), digits, "ip") : { ok: false, reason: "too_short" };
  if (digits.startsWith("0120")) return digits.length === 10 ? ok(split(digits, [4, 3, 3]), digits, "tollfree") : { ok: false, reason: "too_long" };
  if (digits.startsWith("0800")) return digits.length === 11 ? ok(split(digits, [4, 3, 4]), digits, "tollfree") : { ok: false, reason: "too_short" };
  if (digits.length !== 10) return { ok: false, reason: "too_long" };
  // A landline typed with its own grouping keeps it (the area code is the seeker's to know).
  if (!international && groups.length === 3 && groups[0]!.startsWith("0") && groups[2]!.length === 4) return ok(groups.join("-"), digits, "landline");
  const area = TWO_DIGIT_AREAS.find((a) => digits.startsWith(a)) ? 2 : FOUR_DIGIT_AREAS.find((a) => digits.startsWith(a)) ? 4 : 3;
  return ok(split(digits, [area, 6 - area, 4]), digits, "landline");
}

function split(digits: string, sizes: number[]): string {
  const parts: string[] = [];
  let i = 0;
  for (const n of sizes) {
    parts.push(digits.slice(i, i + n));
    i += n;
  }
  return parts.join("-");
}

function ok(value: string, digits: string, kind: PhoneKind): PhoneResult {
  return { ok: true, value, digits, kind };
}

/** A phone number inside a longer message. */
export function findPhone(text: string): string | undefined {
  const match = /(?<![\d-])(?:\+81|0)\d{1,4}[-‐ー−－\s]?\d{1,4}[-‐ー−－\s]?\d{3,4}(?![\d-])/.exec(text.normalize("NFKC"));
  if (!match) return undefined;
  const parsed = parsePhone(match[0]);
  return parsed.ok ? parsed.value : undefined;
}
