// Yes or no, as people answer a confirmation: 「はい」「大丈夫です」「お願いします」「いいえ」「違います」,
// and in Chinese (是的, 可以, 不用了) and Vietnamese, with or without its marks (vâng, dạ, đúng rồi, không).
const YES = [
  "はい", "ハイ", "はーい", "はいはい", "ええ", "うん", "おう", "そうです", "そう", "その通り", "そのとおり", "合ってます", "あってます", "合っています", "あっています", "正しいです",
  "お願いします", "おねがいします", "お願い", "お願いいたします", "よろしくお願いします", "よろしく", "それで", "それでお願いします", "それでいいです", "それで大丈夫です",
  "大丈夫です", "大丈夫", "だいじょうぶ", "だいじょうぶです", "問題ありません", "問題ないです", "ok", "okです", "おk", "オッケー", "おっけー", "ok!", "了解", "了解です", "りょうかい", "承知しました", "かしこまりました",
  "同意します", "同意する", "同意", "同意です", "いいよ", "いいですよ", "もちろん", "もちろんです", "yes", "yeah", "yep", "yup", "sure", "y", "agree", "i agree", "correct", "right", "that's right", "please",
  "👍", "⭕", "○", "◯", "はい、お願いします", "はい お願いします",
  // 简体中文
  "是", "是的", "对", "对的", "对啊", "没错", "好", "好的", "好啊", "行", "可以", "可以的", "没问题", "同意", "我同意", "嗯", "嗯嗯", "确认", "正确", "麻烦了", "麻烦您了", "拜托了", "就这样", "就这个",
  // Tiếng Việt
  "có", "có ạ", "vâng", "vâng ạ", "dạ", "dạ vâng", "dạ có", "dạ được", "ừ", "ừm", "ờ", "đúng", "đúng rồi", "đúng vậy", "đúng ạ", "phải", "phải rồi", "được", "được ạ", "được rồi",
  "đồng ý", "tôi đồng ý", "em đồng ý", "ok ạ", "oke", "okela", "không có vấn đề gì", "không vấn đề gì", "chắc chắn rồi",
  "co", "vang", "da", "da vang", "dung", "dung roi", "duoc", "duoc a", "dong y", "toi dong y", "u",
];
const NO = [
  "いいえ", "いえ", "いや", "いやです", "いいや", "ううん", "違います", "ちがいます", "違う", "ちがう", "違いますね", "ちがうよ", "間違いです", "まちがい", "間違ってます", "まちがってます",
  "ダメ", "だめ", "だめです", "ダメです", "結構です", "けっこうです", "いりません", "要りません", "いらない", "不要です", "不要", "しません", "同意しません", "同意できません", "やめておきます", "遠慮します", "遠慮しておきます",
  "no", "nope", "nah", "n", "no thanks", "no thank you", "not really", "incorrect", "wrong", "i don't agree", "disagree", "❌", "×", "✕", "✖",
  // 简体中文
  "不", "不是", "不对", "不对的", "不要", "不用", "不用了", "不需要", "不同意", "我不同意", "不行", "不可以", "错了", "不正确", "算了",
  // Tiếng Việt
  "không", "không ạ", "dạ không", "không phải", "không đúng", "sai", "sai rồi", "không đồng ý", "tôi không đồng ý", "không cần", "không cần đâu", "không được", "thôi", "thôi ạ",
  "khong", "ko", "k", "khong a", "khong phai", "khong dung", "sai roi", "khong dong y", "khong can",
];

const normalize = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^(?:あ|あっ|えっと|えーと|うーん|嗯|呃)[、,\s]+/, "")
    .replace(/[。.!！?？~〜ー]+$/u, "")
    .replace(/[啊呀吧哦]+$/u, (tail, at: number) => (at > 0 ? "" : tail))
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
