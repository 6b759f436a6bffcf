import type { BookingCard, BotMessage, Choice } from "../../src/messages.ts";
import type { WidgetWords } from "../../src/i18n/widget.ts";
import { URL_IN_TEXT } from "../../src/nlu/url.ts";
import { rubyParts, withoutRuby } from "../../src/i18n/ruby.ts";

type Attrs = Record<string, string | boolean | undefined>;

/** A small element factory: attributes, then children (strings become text, never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, "");
    else if (typeof value === "string") el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** Text whose {漢字|かんじ} marks (やさしい日本語) become <ruby>, the reading above the kanji. */
export function rubyText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of rubyParts(text)) fragment.append(typeof part === "string" ? part : h("ruby", {}, part.base, h("rt", {}, part.reading)));
  return fragment;
}

/** The same text where only plain text fits: an attribute, a screen reader's label. */
export const plain = withoutRuby;

/** Text with its line breaks kept (by CSS), its web addresses made into links and its furigana shown. */
export function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split(URL_IN_TEXT).forEach((part, i) => {
    fragment.append(i % 2 ? h("a", { href: part, target: "_blank", rel: "noopener noreferrer" }, part) : rubyText(part));
  });
  return fragment;
}

export type Author = "user" | "bot" | "staff";

/** One line of the transcript; the author is spoken to screen readers, and shown for staff. */
export function bubble(s: WidgetWords, author: Author, text: string): HTMLLIElement {
  const who = author === "user" ? s.you : author === "staff" ? s.staff : s.bot;
  return h("li", { class: `msg ${author}` }, h("span", { class: author === "staff" ? "who" : "sr" }, rubyText(`${who}: `)), h("span", { class: "text" }, richText(text)));
}

export function botBubble(s: WidgetWords, author: "bot" | "staff", message: BotMessage): HTMLLIElement {
  const li = bubble(s, author, message.text);
  if (message.booking) li.append(bookingCard(s, message.booking));
  return li;
}

export function choiceGroup(s: WidgetWords, choices: Choice[], pick: (choice: Choice) => void): HTMLDivElement {
  const group = h("div", { class: "choices", role: "group", "aria-label": plain(s.choices) });
  for (const choice of choices) {
    const button = h("button", { type: "button", class: "choice" }, rubyText(choice.label));
    button.addEventListener("click", () => pick(choice));
    group.append(button);
  }
  return group;
}

function bookingCard(s: WidgetWords, card: BookingCard): HTMLElement {
  const rows: [string, string][] = card.rows?.length
    ? card.rows.map((r) => [r.label, r.value])
    : [[s.office, card.office], [s.when, card.when]];
  if (card.reference) rows.unshift([s.reference, card.reference]);
  const list = h("dl");
  for (const [label, value] of rows) list.append(h("dt", {}, rubyText(label)), h("dd", {}, rubyText(value)));
  return h(
    "div",
    { class: `card ${card.statusCode}` },
    h("p", { class: "status" }, rubyText(`${s.status}: ${card.status}`)),
    list,
    card.meetingUrl ? h("p", {}, `${s.meeting}: `, h("a", { href: card.meetingUrl, target: "_blank", rel: "noopener noreferrer" }, card.meetingUrl)) : null,
  );
}
