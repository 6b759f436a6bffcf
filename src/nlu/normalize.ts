// Text as seekers type it → one canonical form the parsers can match, with a map back to the
// original offsets (so a reading's span points at what the seeker actually wrote).

export interface NormalizedText {
  text: string;
  /** map[i] is the offset in the original text of normalized character i; map[text.length] is the end. */
  map: number[];
}

type Replacer = (match: string, groups: string[]) => string;

/** Apply a regex replacement while keeping the offset map in step. */
function rewrite(input: NormalizedText, pattern: RegExp, replace: Replacer | string): NormalizedText {
  const source = input.text;
  let text = "";
  const map: number[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (const m of source.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    for (let i = last; i < start; i++) {
      text += source[i];
      map.push(input.map[i]!);
    }
    const out = typeof replace === "string" ? replace : replace(m[0], m.slice(1) as string[]);
    if (out.length === m[0].length) {
      for (let i = 0; i < out.length; i++) map.push(input.map[start + i]!);
    } else {
      for (let i = 0; i < out.length; i++) map.push(input.map[start]!);
    }
    text += out;
    last = end;
  }
  if (last === 0 && text === "") return input;
  for (let i = last; i < source.length; i++) {
    text += source[i];
    map.push(input.map[i]!);
  }
  map.push(input.map[source.length]!);
  return { text, map };
}

/** NFKC, one character at a time so offsets stay traceable. */
function nfkc(original: string): NormalizedText {
  const composed = original.normalize("NFKC");
  if (composed.length === original.length) {
    return { text: composed, map: Array.from({ length: original.length + 1 }, (_, i) => i) };
  }
  let text = "";
  const map: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const n = ch.normalize("NFKC");
    for (let i = 0; i < n.length; i++) map.push(offset);
    text += n;
    offset += ch.length;
  }
  map.push(original.length);
  return { text, map };
}

const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D\uFF70]/g;
const LONG_VOWEL_BETWEEN_DIGITS = /(?<=\d\s*)[ー一](?=\s*\d)/g;
const TILDES = /[\u301C\u3030\uFF5E\u223C\u2053]/g;

/** Kanji numerals as used in dates and times (十二月三日, 二時半, 二十五日). */
const KANJI_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function kanjiNumberToInt(s: string): number | null {
  if (/^[〇零一二三四五六七八九]+$/.test(s) && s.length > 1 && !s.includes("十")) {
    return Number([...s].map((c) => KANJI_DIGIT[c]).join(""));
  }
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九〇])?$/.exec(s);
  if (!m || s === "") return null;
  if (!m[2]) return m[1] ? KANJI_DIGIT[m[1]]! : m[3] ? KANJI_DIGIT[m[3]]! : null;
  const tens = m[1] ? KANJI_DIGIT[m[1]]! : 1;
  const ones = m[3] ? KANJI_DIGIT[m[3]]! : 0;
  return tens * 10 + ones;
}

// Only before a date/time unit, so words like 一緒 or 三井 stay as they are. 一日/一時 alone are
// left when they are idioms (一日も早く, 一時的).
const KANJI_NUMBER_UNIT = /(?<![一二三四五六七八九十〇])([〇零一二三四五六七八九十]{1,3})(?=\s*(?:月(?!曜)|日(?![本曜])|時(?![的期代々])|分|半|週間|年|ヶ月|か月))/g;

// Colloquial kana for date words, longest first.
const KANA_WORDS: Array<[RegExp, string]> = [
  [/しあさって/g, "明々後日"],
  [/あさって/g, "明後日"],
  [/みょうごにち/g, "明後日"],
  [/あした|あす(?=[はのにでかもなー、,\s]|$)|みょうにち/g, "明日"],
  [/きょう(?=[はのにでかも、,\s]|$)|ほんじつ/g, "今日"],
  [/さらいしゅう/g, "再来週"],
  [/らいしゅう/g, "来週"],
  [/こんしゅう/g, "今週"],
  [/さらいげつ/g, "再来月"],
  [/らいげつ/g, "来月"],
  [/こんげつ/g, "今月"],
  [/ごぜんちゅう/g, "午前中"],
  [/ごぜん/g, "午前"],
  [/ごご/g, "午後"],
  [/ゆうがた/g, "夕方"],
  [/ひるすぎ/g, "昼過ぎ"],
  [/(?<=^|[のはにで、,\s\p{Script=Han}])おひる/gu, "お昼"],
  [/あさいち|あさ一|朝いち/g, "朝イチ"],
  [/午後いち|ごごいち/g, "午後イチ"],
  [/(?<=^|[のはにで、,\s\p{Script=Han}])あさ(?=[のにはから\d、,\s]|$)/gu, "朝"],
  [/(?<=^|[のはにで、,\s\p{Script=Han}])ひる(?=[のにはから\d、,\s]|$)/gu, "昼"],
  [/げつよう/g, "月曜"],
  [/かよう/g, "火曜"],
  [/すいよう/g, "水曜"],
  [/もくよう/g, "木曜"],
  [/きんよう/g, "金曜"],
  [/どよう/g, "土曜"],
  [/にちよう/g, "日曜"],
  [/曜び/g, "曜日"],
  [/じかん/g, "時間"],
  [/(?<=\d\s*)(?:じ|ji)(?=\s*(?:\d|半|はん|から|~|まで|に|で|の|頃|ごろ|くらい|ぐらい|以降|すぎ|過ぎ|は|が|、|,|\.|。|!|\?|\s|$|[ぁ-ん]))/g, "時"],
  [/(?<=\d\s*)[次字辞自寺持児治](?=\s*(?:\d|半|はん|から|~|まで|に|で|の|頃|ごろ|くらい|ぐらい|以降|すぎ|過ぎ|は|が|、|,|。|!|\?|\s|$))/g, "時"],
  [/(?<=時\s*)はん/g, "半"],
  [/(?<=\d\s*)(?:ふん|ぷん)/g, "分"],
  [/(?<=\d\s*)にち/g, "日"],
  [/(?<=\d\s*)がつ/g, "月"],
  [/ごろ/g, "頃"],
  [/(?<=\d);(?=\d\d)/g, ":"],
  [/\btmrw?\b|\btmr\b|\btmw\b/gi, "tomorrow"],
];

/** Normalise for date/time understanding: NFKC, dashes, tildes, kana date words, kanji numerals. */
export function normalizeForParsing(original: string): NormalizedText {
  let t = nfkc(original);
  t = rewrite(t, DASHES, "-");
  t = rewrite(t, LONG_VOWEL_BETWEEN_DIGITS, "-");
  t = rewrite(t, TILDES, "~");
  t = rewrite(t, /\u3000/g, " ");
  for (const [pattern, word] of KANA_WORDS) {
    if (pattern.test(t.text)) t = rewrite(t, pattern, word);
  }
  if (/[十〇零一二三四五六七八九]/.test(t.text)) {
    t = rewrite(t, KANJI_NUMBER_UNIT, (m) => {
      const n = kanjiNumberToInt(m);
      return n === null ? m : String(n);
    });
  }
  return t;
}

/** NFKC plus a single ASCII hyphen for every dash-like character, trimmed. For field parsers. */
export function normalizeField(text: string): string {
  return text
    .normalize("NFKC")
    .replace(DASHES, "-")
    .replace(/(?<=\d\s*)[ー一](?=\s*\d)/g, "-")
    .replace(/\u3000/g, " ")
    .trim();
}
