// Booking references as seekers copy or type them: NG-3K7P9Q, ng 3k7p9q, ＮＧ－３Ｋ７Ｐ９Ｑ, NG3K7P9Q.
// The canonical form is what the store keeps: two capital letters, a hyphen, six letters or digits.

const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF70_]/g;
const WHOLE = /^([A-Z]{2})\s*-?\s*([A-Z0-9]{6})$/;
// Inside a longer message only the written form with its hyphen counts: six letters after any two are too common.
const INSIDE = /(?:^|[^A-Z0-9])([A-Z]{2})\s?-\s?([A-Z0-9]{6})(?![A-Z0-9])/;

const canonical = (text: string) => text.normalize("NFKC").toUpperCase().replace(DASHES, "-");

/** The reference a message consists of (with or without the words around it stripped), or undefined. */
export function parseReference(text: string): string | undefined {
  const s = canonical(text)
    .replace(/^(?:予約番号|番号|REFERENCE|REF\.?|NO\.?)\s*[:：は]?\s*/, "")
    .replace(/(?:です|になります)?[。.!！\s]*$/, "")
    .trim();
  const m = WHOLE.exec(s) ?? INSIDE.exec(s);
  return m ? `${m[1]}-${m[2]}` : undefined;
}

/** A reference written inside a longer message (「NG-3K7P9Q の予約を変えたい」). */
export function findReference(text: string): string | undefined {
  const m = INSIDE.exec(canonical(text));
  return m ? `${m[1]}-${m[2]}` : undefined;
}
