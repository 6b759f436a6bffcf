// What a free-text question is about, for the FAQ: 「何時まで？」 is hours, 「録画されますか」 recording.

export const faqTopics = ["hours", "phones", "cost", "needed", "recording", "join", "myPage"] as const;
export type FaqTopic = (typeof faqTopics)[number];

// Words that point at a topic; the first topic in faqTopics' order whose words appear wins.
const keywords: Record<FaqTopic, RegExp> = {
  hours: /時間|何時|いつ|営業|受付|hours|open|time/i,
  phones: /電話|番号|tel|phone|call/i,
  cost: /料金|費用|無料|お金|有料|いくら|cost|fee|free|price/i,
  needed: /必要|持ち物|用意|準備|need|bring|require/i,
  recording: /録画|録音|撮影|record/i,
  join: /参加|接続|入り方|やり方|URL|アプリ|tele ?office|join|how to/i,
  myPage: /マイページ|登録|my ?page|register/i,
};

/** The topic a question is about, or undefined. */
export function faqTopicOf(text: string): FaqTopic | undefined {
  return faqTopics.find((topic) => keywords[topic].test(text));
}
