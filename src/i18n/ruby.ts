// Furigana. やさしい日本語 writes a kanji word's reading beside it, {漢字|かんじ}; the widget shows it as
// <ruby>漢字<rt>かんじ</rt></ruby>, and every other reader (LINE, mail, the .ics, the staff's screens,
// matching what a person typed against a label) reads the kanji alone, withoutRuby. Other locales never
// write the mark, so for them both are the text itself.

const RUBY = /\{([^{}|\n]+)\|([^{}|\n]+)\}/g;

/** The text with each {漢字|かんじ} as its kanji alone. */
export function withoutRuby(text: string): string {
  return text.includes("{") ? text.replace(RUBY, "$1") : text;
}

export type RubyPart = string | { base: string; reading: string };

/** The text cut into plain runs and kanji with their reading, in order, for a reader that can show furigana. */
export function rubyParts(text: string): RubyPart[] {
  const parts: RubyPart[] = [];
  let at = 0;
  for (const match of text.matchAll(RUBY)) {
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push({ base: match[1]!, reading: match[2]! });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
