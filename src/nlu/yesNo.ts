// Yes or no, as people answer a confirmation: 「はい」「大丈夫です」「お願いします」「いいえ」「違います」.
const YES = [
  "はい", "ハイ", "はーい", "はいはい", "ええ", "うん", "おう", "そうです", "そう", "その通り", "そのとおり", "合ってます", "あってます", "合っています", "あっています", "正しいです",
  "お願いします", "おねがいします", "お願い", "お願いいたします", "よろしくお願いします", "よろしく", "それで", "それでお願いします", "それでいいです", "それで大丈夫です",
  "大丈夫です", "大丈夫", "だいじょうぶ", "だいじょうぶです", "問題ありません", "問題ないです", "ok", "okです", "おk", "オッケー", "おっけー", "ok!", "了解", "了解です", "りょうかい", "承知しました", "かしこまりました",
  "同意します", "同意する", "同意", "同意です", "いいよ", "いいですよ", "もちろん", "もちろんです", "yes", "yeah", "yep", "yup", "sure", "y", "agree", "i agree", "correct", "right", "that's right", "please",
  "👍", "⭕", "○", "◯", "はい、お願いします", "はい お願いします",
];
const NO = [
  "いいえ", "いえ", "いや", "いやです", "いいや", "ううん", "違います", "ちがいます", "違う", "ちがう", "違いますね", "ちがうよ", "間違いです", "まちがい", "間違ってます", "まちがってます",
  "ダメ", "だめ", "だめです", "ダメです", "結構です", "けっこうです", "いりません", "要りません", "いらない", "不要です", "不要", "しません", "同意しません", "同意できません", "やめておきます", "遠慮します", "遠慮しておきます",
  "no", "nope", "nah", "n", "no thanks", "no thank you", "not really", "incorrect", "wrong", "i don't agree", "disagree", "❌", "×", "✕", "✖",
];

const normalize = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^(?:あ|あっ|えっと|えーと|うーん)[、,\s]+/, "")
    .replace(/[。.!！?？~〜ー]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();

const YES_SET = new Set(YES.map(normalize));
const NO_SET = new Set(NO.map(normalize));

/** 'yes', 'no', or null when the message is neither (or both). */
export function parseYesNo(text: string): "yes" | "no" | null {
  const s = normalize(text);
  if (s === "") return null;
  if (YES_SET.has(s)) return "yes";
  if (NO_SET.has(s)) return "no";
  // 「はい、お願いします」「いいえ、違います」: the first clause decides, if the rest does not contradict it.
  const clauses = s.split(/[、,\s]+/).filter(Boolean);
  if (clauses.length < 2) return null;
  const verdicts = clauses.map((c) => (YES_SET.has(c) ? "yes" : NO_SET.has(c) ? "no" : null));
  const first = verdicts[0];
  if (!first) return null;
  if (verdicts.some((v) => v !== null && v !== first)) return null;
  return first;
}
