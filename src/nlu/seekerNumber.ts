// 求職番号: 5 digits (office of registration), a hyphen, up to 8 digits. Nagasaki's offices start 42.
import { normalizeField } from "./normalize.ts";

export type SeekerNumberResult =
  | { ok: true; value: string; confirm?: "unfamiliar_prefix" }
  | { ok: false; reason: "empty" | "invalid_format" | "looks_like_phone" };

const LABEL = /求職者?番号|求職no\.?|番号|seeker\s*(?:number|no\.?)|number|は|が|:|です|になります|。|、|!|\s/gi;

export function parseSeekerNumber(text: string): SeekerNumberResult {
  const normalized = normalizeField(text);
  if (normalized === "") return { ok: false, reason: "empty" };
  const hyphenated = /(?<![\d-])(\d{5})\s*-\s*(\d{1,8})(?![\d-])/.exec(normalized);
  if (hyphenated) return accept(hyphenated[1]!, hyphenated[2]!);
  const compact = normalized.replace(LABEL, "");
  if (/^0[5789]0\d{8}$/.test(compact) || /^0\d{9}$/.test(compact) || /^0\d{1,4}-\d{1,4}-\d{3,4}$/.test(compact)) {
    return { ok: false, reason: "looks_like_phone" };
  }
  const digits = /^(\d{5})(\d{1,8})$/.exec(compact);
  if (digits) return accept(digits[1]!, digits[2]!);
  return { ok: false, reason: "invalid_format" };
}

function accept(office: string, serial: string): SeekerNumberResult {
  const value = `${office}-${serial}`;
  return office.startsWith("42") ? { ok: true, value } : { ok: true, value, confirm: "unfamiliar_prefix" };
}

/** A seeker number inside a longer message, when it needs no confirmation. */
export function findSeekerNumber(text: string): string | undefined {
  const match = /(?<![\d-])\d{5}\s*[-‐‑‒–—―ー−－]?\s*\d{6,8}(?![\d-])/.exec(text.normalize("NFKC"));
  if (!match) return undefined;
  const parsed = parseSeekerNumber(match[0]);
  return parsed.ok && !parsed.confirm ? parsed.value : undefined;
}

/** 「まだ登録していません」: no seeker number yet. */
export function saysNotRegistered(text: string): boolean {
  return /未登録|登録して(い)?ない|まだ登録|not registered/i.test(text);
}
