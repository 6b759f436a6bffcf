import { say, type Turn } from "./context.ts";
import { menuChoices } from "./menu.ts";
import { wordsFor, type Messages } from "../i18n/index.ts";
import type { Flow } from "./registry.ts";
import type { Choice } from "../messages.ts";
import { faqTopicOf, faqTopics, type FaqTopic } from "../nlu/index.ts";

// The FAQ's topics are the understanding's; the catalogue answers each of them.
type Topic = FaqTopic & keyof Messages["faq"]["answers"];
const topics: readonly Topic[] = faqTopics;

export function faqChoices(m: Messages): Choice[] {
  return topics.map((t) => ({ label: m.faq[t], value: `faq:${t}` }));
}

export function startFaq(turn: Turn): void {
  turn.state.flow = "faq";
  say(turn, turn.m.faq.ask, { choices: faqChoices(turn.m) });
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
