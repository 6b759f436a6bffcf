// The one cleaning step for every string that enters from outside (chat text, choices, staff forms,
// LINE events): what remains is text a person meant, that PostgreSQL stores and staff can read
// without being misled.

// Control characters (but tab and newline), zero-width characters, bidirectional embeddings,
// overrides, isolates and marks, the BOM, interlinear annotations and tag characters: they carry
// nothing a person meant to say and can hide or reorder text in what staff read. A zero-width
// joiner stays where it joins two emoji (👨‍👩‍👧).
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;
const STRAY_JOINER = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

// Half of a surrogate pair is not text, and PostgreSQL refuses it (and NUL) in jsonb and text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cleans one string; it does not trim (fields decide that), so cleaning twice changes nothing. */
export function cleanInput(text: string): string {
  return text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(STRAY_JOINER, "");
}

/** Cleans every string, object key included, of a parsed JSON value or query. */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === "string") return cleanInput(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanInput(k), cleanStrings(v)]));
  }
  return value;
}
