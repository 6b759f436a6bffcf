// Chinese typed with traditional characters or Japanese words (a seeker living in Japan writes 下週三,
// 後天, 午後2時): those date words become the simplified ones the parsers know, one character for one
// so that every offset still points at what was written.

const CHARACTERS: Record<string, string> = { 週: "周", 後: "后", 禮: "礼", 點: "点", 號: "号", 這: "这", 個: "个", 鐘: "钟", 兩: "两", 間: "间" };

const WORDS: Array<[RegExp, string]> = [
  [/午[後后]/g, "下午"], // 午后 is Chinese too
  [/午前/g, "上午"],
  [/(?<=[\d一二两三四五六七八九十]\s*)時/g, "点"],
];

export function simplifyDateWords(text: string): string {
  let out = text;
  for (const [pattern, word] of WORDS) out = out.replace(pattern, word);
  return out.replace(/[週後禮點號這個鐘兩間]/g, (ch) => CHARACTERS[ch]!);
}
