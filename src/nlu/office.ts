// Which office a message names: 「つきまち」「ヤングハローワーク」「長崎の窓口」, or an office's full name.
export interface NamedOffice {
  id: string;
  name: { ja: string; en: string };
}

/** The office a message names, or undefined; the broad 「長崎」 only when no other office is named. */
export function matchOffice(text: string, offices: readonly NamedOffice[]): string | undefined {
  const t = text.normalize("NFKC").toLowerCase();
  if (/つきまち|築町|tsukimachi/.test(t)) return "tsukimachi";
  if (/ヤング|young/.test(t)) return "young-nagasaki";
  const exact = offices.find((o) => t === o.name.ja.toLowerCase() || t === o.name.en.toLowerCase());
  if (exact) return exact.id;
  if (/長崎|nagasaki/.test(t)) return "nagasaki";
  return undefined;
}
