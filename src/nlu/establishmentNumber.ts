// 事業所番号: 4-6-1 digits (4201-123456-7); employers registered outside Nagasaki start otherwise.
import { normalizeField } from "./normalize.ts";

export type EstablishmentNumberResult =
  | { ok: true; value: string; confirm?: "unfamiliar_prefix" }
  | { ok: false; reason: "empty" | "invalid_format" };

export function parseEstablishmentNumber(text: string): EstablishmentNumberResult {
  const normalized = normalizeField(text);
  if (normalized === "") return { ok: false, reason: "empty" };
  const m =
    /(?<![\d-])(\d{4})\s*-\s*(\d{6})\s*-\s*(\d)(?![\d-])/.exec(normalized) ??
    /(?<![\d-])(\d{4})(\d{6})(\d)(?![\d-])/.exec(normalized.replace(/\s/g, ""));
  if (!m) return { ok: false, reason: "invalid_format" };
  const value = `${m[1]}-${m[2]}-${m[3]}`;
  return m[1]!.startsWith("42") ? { ok: true, value } : { ok: true, value, confirm: "unfamiliar_prefix" };
}
