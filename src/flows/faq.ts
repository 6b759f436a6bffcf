import { say, type Turn } from "./context.ts";
import { menuChoices } from "./menu.ts";
import { wordsFor, type Messages } from "../i18n/index.ts";
import type { Flow } from "./registry.ts";
import type { Choice } from "../messages.ts";

type Topic = keyof Messages["faq"]["answers"];
const topics: Topic[] = ["hours", "phones", "cost", "needed", "recording", "join", "myPage"];

// Words that point at a topic in a free-text question.
const keywords: Record<Topic, RegExp> = {
  hours: /時間|何時|いつ|営業|受付|hours|open|time/i,
  phones: /電話|番号|tel|phone|call/i,
  cost: /料金|費用|無料|お金|有料|いくら|cost|fee|free|price/i,
  needed: /必要|持ち物|用意|準備|need|bring|require/i,
  recording: /録画|録音|撮影|record/i,
  join: /参加|接続|入り方|やり方|URL|アプリ|tele ?office|join|how to/i,
  myPage: /マイページ|登録|my ?page|register/i,
};

export function faqChoices(m: Messages): Choice[] {
  return topics.map((t) => ({ label: m.faq[t], value: `faq:${t}` }));
}

export function startFaq(turn: Turn): void {
  turn.state.flow = "faq";
  say(turn, turn.m.faq.ask, { choices: faqChoices(turn.m) });
}

/** Finds the topic a question is about, or undefined. */
export function faqTopicOf(text: string): Topic | undefined {
  return topics.find((t) => keywords[t].test(text));
}

export function answerFaq(turn: Turn, input: { kind: "choice"; value: string } | { kind: "text"; text: string }): boolean {
  const topic = input.kind === "choice" ? (input.value.startsWith("faq:") ? (input.value.slice(4) as Topic) : undefined) : faqTopicOf(input.text);
  if (!topic || !topics.includes(topic)) return false;
  const { m, locale, config } = turn;
  const a = m.faq.answers;
  let text: string;
  if (topic === "hours") text = a.hours(config.offices.map((o) => `${o.name[locale]} ${wordsFor(locale).formats.timeRange(o.window.from, o.window.to)}`));
  else if (topic === "phones") text = a.phones(config.offices.filter((o) => o.phone).map((o) => `${o.name[locale]} ${o.phone}`));
  else text = a[topic];
  say(turn, text, { choices: [...faqChoices(m), ...menuChoices(m).slice(0, 1)] });
  turn.state.flow = "faq";
  return true;
}

export const faq: Flow = {
  commands: ["faq", "help"],
  start: startFaq,
  continue: (turn, input) => (input.kind === "choice" || input.kind === "text" ? answerFaq(turn, input) : false),
  takeUnprompted: (turn, text) => faqTopicOf(text) !== undefined && answerFaq(turn, { kind: "text", text }),
};

export { menuChoices };
