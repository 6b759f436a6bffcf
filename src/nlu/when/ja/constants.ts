// Japanese word tables: weekdays, relative days and weeks, parts of the day, and the phrases that
// say a date is not the wish (it happened, or it is refused).

export const WEEKDAY_KANJI = "日月火水木金土";

/** 明日, あさって (normalised to kanji) and friends: days from today. */
export const CASUAL_DAY_OFFSETS: Record<string, number> = {
  明々後日: 3,
  明明後日: 3,
  明後日: 2,
  明日: 1,
  今日: 0,
  本日: 0,
  当日: 0,
  昨日: -1,
  翌日: 1,
};

/** English day words typed inside a Japanese reply (Tomorrow 午後2時): days from today. */
export const ENGLISH_DAY_OFFSETS: Record<string, number> = { "day after tomorrow": 2, tomorrow: 1, today: 0 };

/** Week words before a weekday: weeks from this one. */
export const WEEK_OFFSETS: Record<string, number> = { 今週: 0, この: 0, 来週: 1, 翌週: 1, 次週: 1, 再来週: 2, さ来週: 2, 先週: -1 };

/** Week words on their own (「来週」): weeks from this one. */
export const WEEK_ONLY_OFFSETS: Record<string, number> = { 今週: 0, 来週: 1, 翌週: 1, 再来週: 2 };

/** 今月 / 来月 / 再来月: months from this one. */
export const MONTH_OFFSETS: Record<string, number> = { 今月: 0, 来月: 1, 翌月: 1, 再来月: 2 };

/** Parts of a month: first and last day, given the month's length. Longest first (the alternation). */
export const MONTH_PARTS: Record<string, (days: number) => [number, number]> = {
  上旬: () => [1, 10],
  初旬: () => [1, 10],
  中旬: () => [11, 20],
  中頃: () => [11, 20],
  半ば: () => [11, 20],
  なかば: () => [11, 20],
  下旬: (n) => [21, n],
  初め: () => [1, 7],
  始め: () => [1, 7],
  終わり: (n) => [n - 6, n],
  頭: () => [1, 7],
  初: () => [1, 7],
  末: (n) => [n - 6, n],
  中: (n) => [1, n],
};

export interface PartOfDay {
  from: string;
  to: string;
  /** The office is closed then: ask. */
  outsideHours?: boolean;
}

/** Longest first: the alternation is built in this order. */
export const PARTS_OF_DAY: ReadonlyArray<readonly [string, PartOfDay]> = [
  ["午前中", { from: "10:00", to: "12:00" }],
  ["朝イチ", { from: "10:00", to: "11:00" }],
  ["朝一番", { from: "10:00", to: "11:00" }],
  ["朝一", { from: "10:00", to: "11:00" }],
  ["午後イチ", { from: "13:00", to: "14:00" }],
  ["午後一番", { from: "13:00", to: "14:00" }],
  ["午後一", { from: "13:00", to: "14:00" }],
  ["昼イチ", { from: "13:00", to: "14:00" }],
  ["昼一", { from: "13:00", to: "14:00" }],
  ["おひる過ぎ", { from: "13:00", to: "15:00" }],
  ["お昼すぎ", { from: "13:00", to: "15:00" }],
  ["お昼過ぎ", { from: "13:00", to: "15:00" }],
  ["ひる過ぎ", { from: "13:00", to: "15:00" }],
  ["昼過ぎ", { from: "13:00", to: "15:00" }],
  ["昼すぎ", { from: "13:00", to: "15:00" }],
  ["お昼前", { from: "11:00", to: "12:00" }],
  ["昼前", { from: "11:00", to: "12:00" }],
  ["ひる前", { from: "11:00", to: "12:00" }],
  ["お昼", { from: "12:00", to: "13:00" }],
  ["昼頃", { from: "12:00", to: "13:00" }],
  ["夕方", { from: "16:00", to: "17:00" }],
  ["夕刻", { from: "16:00", to: "17:00" }],
  ["午前", { from: "10:00", to: "12:00" }],
  ["午後", { from: "13:00", to: "17:00" }],
  ["AM", { from: "10:00", to: "12:00" }],
  ["PM", { from: "13:00", to: "17:00" }],
  ["朝", { from: "10:00", to: "12:00" }],
  ["昼", { from: "12:00", to: "13:00" }],
  ["夜", { from: "17:00", to: "17:00", outsideHours: true }],
  ["晩", { from: "17:00", to: "17:00", outsideHours: true }],
];

/** Words that start with a part-of-day word but are not one (朝食, 昼休み, 夜勤). */
export const NOT_PART_OF_DAY: Record<string, RegExp> = {
  朝: /^朝(?:食|刊|礼|日)/,
  昼: /^昼(?:食|休|ご飯|間|夜)/,
  夜: /^夜(?:勤|間|中)/,
};

export const MERIDIEM_WORDS = String.raw`午前|午後|朝|お昼|昼|夕方|夜|晩|a\.?m\.?|p\.?m\.?`;

/** A weekday written after a date: (木), （木曜）, 木曜日, の木曜. */
export const WEEKDAY_SUFFIX = String.raw`(?:\s*\(\s*(?<wdParen>[月火水木金土日])\s*(?:曜日?)?\s*\)|\s*(?:の\s*)?(?<wdWord>[月火水木金土日])曜日?)?`;

/** What happened (past tense) rather than what is wished for. */
export const PAST_TENSE = /^[^。.!?\n]{0,18}?(?:しました(?!ら)|ています|てます|ている|した(?![いら])|でした(?!ら)|ました(?!ら)|だった(?!ら)|済み|済ませ|退職|離職|辞め|終わ|終了|生まれ|入社|受けた|受けて|行った|来た)/;
/** …but a clause that still asks for the date is a wish. */
export const STILL_A_WISH = /(?:希望|お願い|予約し?たい|したい|できますか|出来ますか|可能|空い|あい|大丈夫|でしょうか|どう|いかが|がいい|が良い|に変更|へ変更|変えて|ですか|ますか|いけます|行けます|伺え|伺い|参加でき|行ける|行け|で$)/;
/** Words before a date that make it a past event (退職日, 前回). */
export const PAST_BEFORE = /(?:退職|離職|入社|誕生|生年月日|前回|先日|以前|先月|去年|昨年|面接は|面接が|説明会は)[^。.!?\n、,]{0,6}$/;
/** The rest of a date's clause that gives it as a reason (面接が12月10日なので, 12月6日が休みなので). */
export const GIVEN_AS_REASON = /^[^、,。.!?\n]{0,16}?(?:なので|ので|だから|ため(?!し))/;
/** Words after a date that refuse it (明日は無理). */
export const NOT_THAT_DAY = /^\s*(?:は|が|の)?\s*(?:無理|むり|ムリ|ダメ|だめ|駄目|都合が悪|都合がつかない|都合つかない|難し|むずかし|厳し|いけない|行けない|いけません|行けません|NG|不可|以外|を除|除い|は避け|ちょっと|仕事|用事|予定が|埋ま|休み|定休|来られない|出られない|無理|空いていない|空いてない|あいてない|じゃなくて|ではなく|でなく|も?\s*(?:やって|営業|開いて|開庁|相談でき(?:ますか|るの)))/i;

/** Before a slash number in the same clause: a rate, share or score word, which makes 3/10 a fraction (合格率は3/10). */
export const RATE_BEFORE =
  /(?:(?<![時地拠観視焦])点数?|率(?!直)|割合|倍率|正答|正解|確率|比率?|成績|評価|満足度|理解度|達成度|進捗|平均|偏差値|合格ライン|ボーダー|スコア|得点|結果|分数|score|rate|ratio|odds|chance|grade|marks?|out of)[^\d、。,.!?\n]{0,10}$/i;
/** After a slash number: a unit, a rate word after の, or a pass mark, which makes it a count or a fraction (3/10問, 1/3の確率, 7/10が合格ライン). */
export const RATE_AFTER = /^\s*(?:問|点|人|名|回|件|個|本|枚|倍|割|%|ページ|頁|の\s*(?:確率|割合|比率|人|方々|学生|生徒|参加者|応募者|合格者|求職者)|(?:が|は)\s*(?:合格|ボーダー|基準|目標|平均))/;
/** After a slash number: what only a date has (a weekday, a time, に, から, 希望), so a rate word before it does not make it a fraction. */
export const DATE_EVIDENCE_FOLLOWS = /^\s*(?:\(|[月火水木金土日]\s*曜|\d{1,2}\s*[時:]|午前|午後|朝|夕方|の\s*(?:午前|午後|朝|夕方|\d)|(?:くらい|ぐらい|頃|ごろ)?\s*(?:に|から|まで|以降|希望|(?:で|が|は)\s*(?:お願い|予約|相談|大丈夫|可能|いい|良い|OK|面談|希望|都合|空いて|あいて|どう|いかが)))/;
