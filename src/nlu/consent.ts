import { parseYesNo } from "./yesNo.ts";

/** 「同意します」 or 「同意しません」 written out, or a plain yes or no; null when it is neither. */
export function parseConsent(text: string): "yes" | "no" | null {
  const t = text.trim();
  if (/^(同意します|同意する|agree|i agree)[。.!！]?$/i.test(t)) return "yes";
  if (/^(同意しません|同意しない|i do not agree|disagree)[。.!！]?$/i.test(t)) return "no";
  return parseYesNo(text);
}
