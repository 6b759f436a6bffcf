// Masking: numbers that are never the appointment (phones, seeker numbers, durations, amounts) are
// blanked before any parser sees them, keeping offsets.

const NOT_A_DATE: RegExp[] = [
  /\d+\s*日\s*(?=\d+(?:\.\d+)?\s*(?:時間|回|件|人|社|個))/g, // 1日8時間
  /\+?81[-\s]?\(?0?\d{1,4}\)?[-\s]?\d{1,4}[-\s]?\d{3,4}(?!\d)/g, // +81 phones
  /(?<![\d/.])\(?0\d{1,4}\)?\s*[-/.\s()]\s*\d{1,4}\s*[-/.\s)]\s*\d{3,4}(?![\d/.])/g, // domestic phones
  /(?<!\d)\d{5}\s*-\s*\d{1,8}(?!\d)/g, // seeker numbers
  /(?<!\d)\d{4}-\d{6}-\d(?!\d)/g, // establishment numbers
  /〒\s*\d{3}-?\d{4}|(?<![\d~])\d{3}-\d{4}(?![\d-])/g, // postal codes
  /(?<!\d)\d{4}[-\s]\d{4}[-\s]\d{4}[-\s]\d{2,4}(?!\d)/g, // card-like numbers
  /(?<![\d時:半]\s*)\d+(?:\.\d+)?\s*(?:分(?:間|程度|ほど|くらい|ぐらい|位|以内|以上|だけ|で|前|後)?)(?!\s*(?:から|~|頃|に|の|まで|希望|で))/g, // minutes as a duration
  /\d+(?:\.\d+)?時間(?:半)?(?!\s*:)/g, // hours as a duration
  /(?<!(?:から|その)\s*)\d+\s*(?:日間|日連続|日続け|週間(?![後先])|(?:か月|ヶ月|ケ月|カ月|ヵ月)(?!\s*[後先])|年間|年目|年前|年ぶり|日前|週前|歳|才|円|万|千|人|名|回目?(?!目?\s*の\s*[月火水木金土日]\s*曜)|件|社|枚|通|代|%|kg|cm|番|号|階|丁目|番地)/g, // counted things
  /(?<!\bin\s+)\b\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|years?)\b(?!\s*(?:later|after|before|earlier|from (?:now|today|tomorrow)))/gi, // English durations
  /\d{5,}/g, // long numbers
];

/** Circled and parenthesised list numbers (①, ⑵), which NFKC would turn into digits glued to the date. */
const LIST_NUMBERS = /[\u2460-\u24ff\u2776-\u2793]/g;

/** Before normalising: list numbers become spaces, keeping offsets. */
export function blankListNumbers(text: string): string {
  return text.replace(LIST_NUMBERS, " ");
}

/** For Chinese and Vietnamese: only numbers of a known shape (a slash is a date there: 03/12/2026). */
const NOT_A_DATE_ANYWHERE: RegExp[] = [
  /\+?81[-\s]?\(?0?\d{1,4}\)?[-\s]?\d{1,4}[-\s]?\d{3,4}(?!\d)/g, // +81 phones
  /(?<![\d/.])\(?0\d{1,4}\)?\s*[-\s()]\s*\d{1,4}\s*[-\s)]\s*\d{3,4}(?![\d/.])/g, // domestic phones
  /(?<!\d)\d{5}\s*-\s*\d{1,8}(?!\d)/g, // seeker numbers
  /(?<!\d)\d{4}-\d{6}-\d(?!\d)/g, // establishment numbers
  /〒\s*\d{3}-?\d{4}|(?<![\d~])\d{3}-\d{4}(?![\d-])/g, // postal codes
  /(?<!\d)\d{4}[-\s]\d{4}[-\s]\d{4}[-\s]\d{2,4}(?!\d)/g, // card-like numbers
  /\d{5,}/g, // long numbers
];

/** Numbers that are no date blanked; `japaneseOrEnglish` adds the durations and counts those languages write. */
export function mask(text: string, japaneseOrEnglish = true): string {
  let masked = text;
  for (const pattern of japaneseOrEnglish ? NOT_A_DATE : NOT_A_DATE_ANYWHERE) {
    if (!pattern.test(masked)) continue;
    pattern.lastIndex = 0;
    masked = masked.replace(pattern, (m) => (/^20\d{6}$/.test(m) ? m : " ".repeat(m.length)));
  }
  return masked;
}
