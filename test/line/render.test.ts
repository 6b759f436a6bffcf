import type { messagingApi } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { toInbound, lineWebhookBodySchema } from "../../src/bot/line/events.ts";
import { clampText, renderForLine, splitText } from "../../src/line/render.ts";
import type { BookingCard, BotMessage } from "../../src/messages.ts";
import { lineUserId, postbackEvent } from "../fakes/line-platform/index.ts";

const card: BookingCard = {
  reference: "HW-2026-0042",
  office: "ハローワーク長崎",
  when: "12月3日(木) 14:00～14:30",
  status: "受付済み(確定待ち)",
  statusCode: "requested",
  rows: [
    { label: "お名前", value: "山田 太郎" },
    { label: "相談内容", value: "" },
  ],
};

const itemsOf = (message: messagingApi.Message | undefined) => message?.quickReply?.items ?? [];
const emoji = /\p{Extended_Pictographic}/u;

describe("renderForLine", () => {
  it("turns choices into postback quick replies on the last message", () => {
    const out = renderForLine(
      [{ text: "ご利用ありがとうございます。" }, { text: "どちらの窓口ですか。", choices: [{ label: "ハローワーク長崎", value: "nagasaki" }] }],
      "ja",
    );
    expect(out).toHaveLength(2);
    expect(out[0]!.quickReply).toBeUndefined();
    expect(itemsOf(out[1])).toEqual([
      { type: "action", action: { type: "postback", label: "ハローワーク長崎", data: "c=nagasaki", displayText: "ハローワーク長崎" } },
    ]);
  });

  it("writes postback data that reads back as the same choice", () => {
    const value = "when:2026-12-03 14:00&x=1";
    const [message] = renderForLine([{ text: "q", choices: [{ label: "l", value }] }], "ja");
    const action = itemsOf(message)[0]!.action as messagingApi.PostbackAction;
    const event = lineWebhookBodySchema.parse({ destination: "U", events: [postbackEvent(lineUserId("r"), action.data!)] })
      .events[0]!;
    expect(toInbound(event)).toMatchObject({ inbound: { kind: "choice", value } });
  });

  it("offers at most 13 quick replies, keeping the date picker", () => {
    const choices = Array.from({ length: 13 }, (_, i) => ({ label: `候補${i}`, value: `v${i}` }));
    const [message] = renderForLine(
      [{ text: "いつがよろしいですか。", choices, datePicker: { min: "2026-12-03T10:00", max: "2027-01-29T15:30" } }],
      "ja",
    );
    const items = itemsOf(message);
    expect(items).toHaveLength(13);
    expect(items.at(-1)!.action).toEqual({
      type: "datetimepicker",
      label: "日時を選ぶ",
      data: "p=datetime",
      mode: "datetime",
      min: "2026-12-03T10:00",
      max: "2027-01-29T15:30",
      initial: "2026-12-03T10:00",
    });
  });

  it("shortens a quick reply label to 20 characters but shows the full label when tapped", () => {
    const label = "オンライン相談の予約を取り消したいのですが";
    const [message] = renderForLine([{ text: "q", choices: [{ label, value: "cancel" }] }], "ja");
    const action = itemsOf(message)[0]!.action as messagingApi.PostbackAction;
    expect(action.label!.length).toBeLessThanOrEqual(20);
    expect(action.label!.endsWith("…")).toBe(true);
    expect(action.displayText).toBe(label);
  });

  it("splits text longer than LINE's 5000 characters", () => {
    const long = "あ".repeat(12_000);
    const out = renderForLine([{ text: long }], "ja");
    expect(out).toHaveLength(3);
    for (const m of out) expect((m as messagingApi.TextMessage).text.length).toBeLessThanOrEqual(5000);
    expect(out.map((m) => (m as messagingApi.TextMessage).text).join("")).toBe(long);
  });

  it("splits long text at a line break when there is one", () => {
    const pieces = splitText(`${"a".repeat(4000)}\n${"b".repeat(3000)}`, 5000);
    expect(pieces).toEqual(["a".repeat(4000), "b".repeat(3000)]);
  });

  it("never cuts an emoji or other surrogate pair in half", () => {
    const pieces = splitText(`${"a".repeat(4999)}😀b`, 5000);
    expect(pieces).toEqual(["a".repeat(4999), "😀b"]);
    expect(clampText(`${"a".repeat(18)}😀😀`, 20)).toBe(`${"a".repeat(18)}…`);
  });

  it("sends at most 5 messages, merging neighbouring texts with a blank line", () => {
    const messages: BotMessage[] = Array.from({ length: 8 }, (_, i) => ({ text: `案内${i}` }));
    messages[7] = { text: "よろしいですか。", choices: [{ label: "はい", value: "yes" }] };
    const out = renderForLine(messages, "ja");
    expect(out).toHaveLength(5);
    const texts = out.map((m) => (m as messagingApi.TextMessage).text);
    expect(texts.join("\n\n")).toBe(messages.map((m) => m.text).join("\n\n"));
    expect(texts.some((t) => t.includes("\n\n"))).toBe(true);
    expect(itemsOf(out[4])).toHaveLength(1);
    expect(out.slice(0, 4).every((m) => m.quickReply === undefined)).toBe(true);
  });

  it("leaves five or fewer messages as they are", () => {
    const out = renderForLine([{ text: "一" }, { text: "二" }, { text: "三" }], "ja");
    expect(out.map((m) => (m as messagingApi.TextMessage).text)).toEqual(["一", "二", "三"]);
  });

  it("gathers many booking cards into one carousel", () => {
    const out = renderForLine(
      [{ text: "ご予約は次のとおりです。" }, ...Array.from({ length: 6 }, () => ({ text: "", booking: card }))],
      "ja",
    );
    expect(out.length).toBeLessThanOrEqual(5);
    expect(out.some((m) => m.type === "flex" && m.contents.type === "carousel")).toBe(true);
  });

  it("fits a list of three bookings, each with its line, and the menu prompt with its quick replies", () => {
    const when = (d: number) => `12月${d}日(火) 14:00～14:30`;
    const messages: BotMessage[] = [
      { text: "ご予約は3件あります。" },
      ...[1, 2, 3].map((d) => ({ text: `${when(d)}\n受付済み`, booking: { ...card, when: when(d), reference: `NG-00000${d}` } })),
      { text: "ご用件をお選びください。", choices: [{ label: "予約を変更する", value: "menu:change" }] },
    ];
    const out = renderForLine(messages, "ja");
    expect(out.length).toBeLessThanOrEqual(5);
    const carousel = out.find((m) => m.type === "flex" && m.contents.type === "carousel") as messagingApi.FlexMessage;
    expect((carousel.contents as messagingApi.FlexCarousel).contents).toHaveLength(3);
    const texts = out.filter((m) => m.type === "text").map((m) => (m as messagingApi.TextMessage).text).join("\n");
    for (const d of [1, 2, 3]) expect(texts).toContain(when(d));
    expect((out.at(-1) as messagingApi.TextMessage).text).toBe("ご用件をお選びください。");
    expect(itemsOf(out.at(-1))).toHaveLength(1);
  });

  it("shows a booking as a Flex bubble with a plain alt text", () => {
    const out = renderForLine([{ text: "ご予約内容です。", booking: card }], "ja");
    expect(out.map((m) => m.type)).toEqual(["text", "flex"]);
    const flex = out[1] as messagingApi.FlexMessage;
    expect(flex.altText).toBe("ご予約: ハローワーク長崎 12月3日(木) 14:00～14:30 受付済み(確定待ち)");
    expect(flex.altText.length).toBeLessThanOrEqual(400);
    expect(emoji.test(JSON.stringify(flex))).toBe(false);
    const bubble = flex.contents as messagingApi.FlexBubble;
    expect(JSON.stringify(bubble.header)).toContain("ハローワーク長崎");
    expect(JSON.stringify(bubble.body)).toContain("12月3日(木) 14:00～14:30");
    expect(JSON.stringify(bubble.body)).toContain("HW-2026-0042");
    expect(bubble.footer).toBeUndefined();
  });

  it("never sends an empty text inside a Flex bubble", () => {
    const [flex] = renderForLine([{ text: "", booking: card }], "ja");
    const texts = JSON.stringify(flex).match(/"text":"[^"]*"/g) ?? [];
    expect(texts).not.toContain('"text":""');
  });

  it("adds a button to the meeting when the booking has its URL", () => {
    const [flex] = renderForLine(
      [{ text: "", booking: { ...card, statusCode: "confirmed", status: "確定", meetingUrl: "https://meet.example.jp/r/abc" } }],
      "en",
    );
    const bubble = (flex as messagingApi.FlexMessage).contents as messagingApi.FlexBubble;
    expect(bubble.footer?.contents[0]).toMatchObject({
      type: "button",
      action: { type: "uri", uri: "https://meet.example.jp/r/abc", label: "Join the video call" },
    });
  });

  it("keeps the alt text within 400 characters however long the card is", () => {
    const [flex] = renderForLine([{ text: "", booking: { ...card, office: "長".repeat(500) } }], "ja");
    expect((flex as messagingApi.FlexMessage).altText.length).toBeLessThanOrEqual(400);
  });

  it("puts the quick reply after the card when a card closes the reply", () => {
    const out = renderForLine([{ text: "この内容でよろしいですか。", booking: card, choices: [{ label: "はい", value: "y" }] }], "ja");
    expect(out.at(-1)!.type).toBe("flex");
    expect(itemsOf(out.at(-1))).toHaveLength(1);
  });
});
