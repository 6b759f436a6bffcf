import type { messagingApi } from "@line/bot-sdk";
import type { BookingCard, BotMessage, Locale } from "../messages.ts";
import { wordsFor } from "../i18n/index.ts";
import { withoutRuby } from "../i18n/ruby.ts";
import { DATETIME_PICKER_DATA, choicePostbackData } from "./postback.ts";

export type LineMessage = messagingApi.Message;

// LINE's limits (Messaging API reference). The fake platform enforces the same numbers.
export const LINE_MAX_MESSAGES = 5;
export const LINE_MAX_TEXT = 5000;
export const LINE_MAX_QUICK_REPLY_ITEMS = 13;
export const LINE_MAX_ACTION_LABEL = 20;
export const LINE_MAX_ALT_TEXT = 400;
const MAX_CAROUSEL_BUBBLES = 12;

type Part =
  | { kind: "text"; text: string }
  | { kind: "card"; bubble: messagingApi.FlexBubble; altText: string };

/**
 * Turns a flow's messages into one LINE reply: at most five messages, texts within 5000
 * characters, booking cards as Flex bubbles, and the last message's choices or date picker as a
 * quick reply on the last LINE message (LINE shows a quick reply only there).
 */
export function renderForLine(marked: BotMessage[], locale: Locale): LineMessage[] {
  // LINE cannot show furigana: the kanji alone (see i18n/ruby.ts).
  const messages = marked.map(plainMessage);
  const parts: Part[] = [];
  for (const message of messages) {
    for (const text of splitText(message.text.trim(), LINE_MAX_TEXT)) parts.push({ kind: "text", text });
    if (message.booking) parts.push(cardPart(message.booking, locale));
  }
  const fitted = fitIntoReply(parts);
  const lineMessages = fitted.map(toLineMessage);
  const quickReply = quickReplyFor(messages, locale);
  const last = lineMessages.at(-1);
  if (last && quickReply) last.quickReply = quickReply;
  return lineMessages;
}

/** Splits text into pieces of at most `max` UTF-16 units, preferring line breaks, never halving a character. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) {
      cut = max;
      if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    } else {
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Shortens to at most `max` UTF-16 units, ending with '…' when cut. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

// Merges as little as possible: first the shortest neighbouring texts (a blank line between); if
// that is not enough, the cards become one carousel, the texts between them said before it (a list
// of bookings: text, card, text, card… fits as the texts, the carousel and what follows). Only if
// that is still too many is the tail dropped, which a flow should never cause.
function fitIntoReply(parts: Part[]): (Part | CarouselPart)[] {
  const merged = mergeTexts(parts);
  if (merged.length <= LINE_MAX_MESSAGES) return merged;
  return mergeTexts(gatherCards(parts)).slice(0, LINE_MAX_MESSAGES);
}

function mergeTexts<T extends { kind: string }>(parts: T[]): (T | Part)[] {
  const list: (T | Part)[] = [...parts];
  while (list.length > LINE_MAX_MESSAGES) {
    let best = -1;
    let bestLength = Infinity;
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (a.kind !== "text" || b.kind !== "text") continue;
      const length = (a as { text: string }).text.length + 2 + (b as { text: string }).text.length;
      if (length <= LINE_MAX_TEXT && length < bestLength) {
        best = i;
        bestLength = length;
      }
    }
    if (best < 0) break;
    const a = list[best] as { text: string };
    const b = list[best + 1] as { text: string };
    list.splice(best, 2, { kind: "text", text: `${a.text}\n\n${b.text}` });
  }
  return list;
}

type CarouselPart = { kind: "carousel"; bubbles: messagingApi.FlexBubble[]; altText: string };

/** The cards from the first to the last, in carousels of at most 12, with the texts among them moved ahead. */
function gatherCards(parts: Part[]): (Part | CarouselPart)[] {
  const first = parts.findIndex((p) => p.kind === "card");
  const last = parts.findLastIndex((p) => p.kind === "card");
  if (first < 0 || first === last) return parts;
  const among = parts.slice(first, last + 1);
  const cards = among.filter((p): p is Extract<Part, { kind: "card" }> => p.kind === "card");
  const carousels: CarouselPart[] = [];
  for (let i = 0; i < cards.length; i += MAX_CAROUSEL_BUBBLES) {
    const group = cards.slice(i, i + MAX_CAROUSEL_BUBBLES);
    carousels.push({ kind: "carousel", bubbles: group.map((c) => c.bubble), altText: clampText(group.map((c) => c.altText).join(" / "), LINE_MAX_ALT_TEXT) });
  }
  return [...parts.slice(0, first), ...among.filter((p) => p.kind === "text"), ...carousels, ...parts.slice(last + 1)];
}

function toLineMessage(part: Part | CarouselPart): LineMessage {
  switch (part.kind) {
    case "text":
      return { type: "text", text: part.text };
    case "card":
      return { type: "flex", altText: part.altText, contents: part.bubble };
    case "carousel":
      return { type: "flex", altText: part.altText, contents: { type: "carousel", contents: part.bubbles } };
  }
}

function quickReplyFor(messages: BotMessage[], locale: Locale): messagingApi.QuickReply | undefined {
  const last = messages.findLast((m) => (m.choices?.length ?? 0) > 0 || m.datePicker);
  if (!last) return undefined;
  const picker: messagingApi.QuickReplyItem[] = last.datePicker
    ? [
        {
          type: "action",
          action: {
            type: "datetimepicker",
            label: wordsFor(locale).line.pickDateTime,
            data: DATETIME_PICKER_DATA,
            mode: "datetime",
            min: last.datePicker.min,
            max: last.datePicker.max,
            initial: last.datePicker.min,
          },
        },
      ]
    : [];
  const choices: messagingApi.QuickReplyItem[] = (last.choices ?? [])
    .slice(0, LINE_MAX_QUICK_REPLY_ITEMS - picker.length)
    .map((choice) => ({
      type: "action",
      action: {
        type: "postback",
        label: clampText(choice.label, LINE_MAX_ACTION_LABEL),
        data: choicePostbackData(choice.value),
        displayText: choice.label,
      },
    }));
  return { items: [...choices, ...picker] };
}

const statusColors: Record<BookingCard["statusCode"], string> = {
  held: "#8A5A00",
  requested: "#8A5A00",
  confirmed: "#1B7F3B",
  attended: "#555555",
  no_show: "#B3261E",
  cancelled: "#B3261E",
  rejected: "#B3261E",
};

function cardPart(card: BookingCard, locale: Locale): Part {
  const w = wordsFor(locale).line;
  const rows = [...(card.rows ?? []), { label: w.reference, value: card.reference }];
  const bubble: messagingApi.FlexBubble = {
    type: "bubble",
    header: {
      type: "box",
      layout: "vertical",
      contents: [flexText(card.office, { size: "sm", color: "#555555", wrap: true })],
    },
    body: {
      type: "box",
      layout: "vertical",
      spacing: "md",
      contents: [
        flexText(card.when, { size: "xl", weight: "bold", wrap: true }),
        flexText(card.status, { size: "md", weight: "bold", color: statusColors[card.statusCode] }),
        { type: "separator", margin: "md" },
        {
          type: "box",
          layout: "vertical",
          spacing: "sm",
          margin: "md",
          contents: rows.map((row) => ({
            type: "box",
            layout: "baseline",
            spacing: "sm",
            contents: [
              flexText(row.label, { size: "sm", color: "#777777", flex: 2, wrap: true }),
              flexText(row.value, { size: "sm", flex: 5, wrap: true }),
            ],
          })),
        },
      ],
    },
  };
  if (card.meetingUrl && /^https?:\/\//.test(card.meetingUrl)) {
    bubble.footer = {
      type: "box",
      layout: "vertical",
      contents: [
        { type: "button", style: "primary", action: { type: "uri", label: w.join, uri: card.meetingUrl } },
      ],
    };
  }
  const altText = clampText(`${w.booking}: ${card.office} ${card.when} ${card.status}`, LINE_MAX_ALT_TEXT);
  return { kind: "card", bubble, altText };
}

// LINE rejects a Flex text component whose text is empty.
function flexText(text: string, style: Omit<messagingApi.FlexText, "type" | "text">): messagingApi.FlexText {
  return { type: "text", text: text.trim() === "" ? "-" : text, ...style };
}

/** A message with every furigana mark read as its kanji alone. */
export function plainMessage(message: BotMessage): BotMessage {
  const plain: BotMessage = { ...message, text: withoutRuby(message.text) };
  if (message.choices) plain.choices = message.choices.map((c) => ({ ...c, label: withoutRuby(c.label) }));
  if (message.booking) {
    const b = message.booking;
    plain.booking = { ...b, office: withoutRuby(b.office), when: withoutRuby(b.when), status: withoutRuby(b.status), rows: b.rows?.map((r) => ({ label: withoutRuby(r.label), value: withoutRuby(r.value) })) };
    if (!b.rows) delete plain.booking.rows;
  }
  return plain;
}
