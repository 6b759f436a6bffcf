// A seeker's name as they introduce themselves: 「山田太郎です」「やまだ たろう と申します」「Taro Yamada」.
import { parseWhen } from "./when/index.ts";

export type NameScript = "kanji" | "kana" | "latin" | "mixed";

export type NameResult =
  | { ok: true; value: string; script: NameScript }
  | { ok: false; reason: "empty" | "invalid_characters" | "too_long" | "not_a_name" };

const PREFIX = /^(?:(?:私|わたし|僕|ぼく|俺|自分)(?:の名前)?は|(?:お?名前|氏名|なまえ)\s*(?:は|:)|my name is|i am|i'm|this is|name\s*:)\s*/i;
const SUFFIX = /\s*(?:と申します|ともうします|と言います|といいます|って言います|っていいます|でございます|です|だよ|と申す者です)?[。.!！、,\s]*(?:よろしくお願いします|よろしくお願いいたします|宜しくお願いします|よろしく)?[。.!！、,]*\s*$/i;
const NOT_NAMES = /^(?:はい|いいえ|うん|ok|yes|no|わかりません|わからない|予約|キャンセル|ヘルプ|help|戻る|やめる|こんにちは|こんばんは|おはようございます|すみません|大丈夫|お願いします|未登録)$/i;
const KANJI = /\p{Script=Han}|々/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
const LATIN = /[a-z]/i;

export function parseName(text: string): NameResult {
  let s = text.normalize("NFKC").replace(/\s+/g, " ").trim();
  s = s.replace(PREFIX, "").replace(SUFFIX, "").replace(/^[「『"']|[」』"']$/g, "").trim();
  if (s === "") return { ok: false, reason: "empty" };
  if (NOT_NAMES.test(s)) return { ok: false, reason: "not_a_name" };
  if (!/^[\p{Script=Han}々\p{Script=Hiragana}\p{Script=Katakana}ーa-z .'・-]+$/iu.test(s)) return { ok: false, reason: "invalid_characters" };
  if ([...s].length > 40) return { ok: false, reason: "too_long" };
  const scripts = [KANJI.test(s), KANA.test(s), LATIN.test(s)].filter(Boolean).length;
  const script: NameScript = scripts > 1 ? "mixed" : KANJI.test(s) ? "kanji" : KANA.test(s) ? "kana" : "latin";
  const value = script === "latin" ? s.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : s;
  return { ok: true, value, script };
}

/** A name introduced inside a longer message: 「12月1日の14時で、山田花子です」. */
export function findName(text: string): string | undefined {
  const match = /(?:^|[、。,\s])([^、。,\s]{1,12}(?:\s[^、。,\s]{1,12})?)\s*(?:です|と申します|といいます)(?:[。.!！、,\s]|$)/.exec(text.normalize("NFKC"));
  if (!match) return undefined;
  const parsed = parseName(match[1]!);
  return parsed.ok && parseWhen(match[1]!, { now: new Date(0) }).length === 0 ? parsed.value : undefined;
}
