// Vietnamese words as people type them: with or without their marks (chiều, chieu), in any case.

const VARIANTS: Record<string, string> = {
  a: "aàáảãạăằắẳẵặâầấẩẫậ",
  e: "eèéẻẽẹêềếểễệ",
  i: "iìíỉĩị",
  o: "oòóỏõọôồốổỗộơờớởỡợ",
  u: "uùúủũụưừứửữự",
  y: "yỳýỷỹỵ",
  d: "dđ",
};

const BASE = new Map<string, string>();
for (const [base, all] of Object.entries(VARIANTS)) for (const ch of all) BASE.set(ch, base);

/** A regex source for `word` that takes any marks, or none, on its vowels (and đ or d). */
export function vn(word: string): string {
  return [...word.toLowerCase()]
    .map((ch) => {
      const base = BASE.get(ch);
      if (base) return `[${VARIANTS[base]}]`;
      if (ch === " ") return "\\s+";
      return ch;
    })
    .join("");
}

/** A regex source for a choice of words, each taking any marks. */
export function vnAny(words: readonly string[]): string {
  return `(?:${words.map(vn).join("|")})`;
}

/** A word's letters without marks: chiều → chieu, Đ → d. */
export function fold(word: string): string {
  return [...word.toLowerCase()].map((ch) => BASE.get(ch) ?? ch).join("");
}
