import { describe, expect, it } from "vitest";
import { asksForLanguage, faqTopicOf, looksEnglish } from "../../src/nlu/index.ts";

describe("asking for a language", () => {
  it.each([
    ["英語", "en"],
    ["えいご", "en"],
    [" In English ", "en"],
    ["ENGLISH", "en"],
    ["日本語", "ja"],
    ["にほんご", "ja"],
    ["Japanese", "ja"],
    ["やさしい日本語", "ja-x-easy"],
    ["やさしい にほんご", "ja-x-easy"],
    ["Easy Japanese", "ja-x-easy"],
  ] as const)("reads %j as a wish for %s", (text, locale) => {
    expect(asksForLanguage(text)).toBe(locale);
  });

  it("takes a language named inside a longer message as no wish to switch", () => {
    expect(asksForLanguage("英語で話せますか")).toBeUndefined();
    expect(asksForLanguage("I speak English")).toBeUndefined();
  });
});

describe("a message in plain English", () => {
  it("is two or more English words", () => {
    expect(looksEnglish("I would like to book a session")).toBe(true);
    expect(looksEnglish("hi there")).toBe(true);
  });

  it("is not one word, an email address, or anything with Japanese in it", () => {
    expect(looksEnglish("hello")).toBe(false);
    expect(looksEnglish("taro@example.jp please")).toBe(false);
    expect(looksEnglish("book 明日")).toBe(false);
    expect(looksEnglish("14:00")).toBe(false);
  });
});

describe("the topic of a question", () => {
  it.each([
    ["何時までやっていますか", "hours"],
    ["電話で予約できますか", "phones"],
    ["料金はかかりますか", "cost"],
    ["持ち物は？", "needed"],
    ["録画されますか", "recording"],
    ["アプリは必要？", "needed"],
    ["How do I join?", "join"],
    ["Do I need a my page?", "needed"],
    ["マイページの作り方", "myPage"],
  ] as const)("finds in %j the topic %s", (text, topic) => {
    expect(faqTopicOf(text)).toBe(topic);
  });

  it("finds no topic in a message about something else", () => {
    expect(faqTopicOf("山田太郎です")).toBeUndefined();
  });
});
