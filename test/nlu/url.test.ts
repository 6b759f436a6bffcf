import { describe, expect, it } from "vitest";
import { URL_IN_TEXT } from "../../src/nlu/url.ts";

const addresses = (text: string) => text.split(URL_IN_TEXT).filter((_, i) => i % 2 === 1);

describe("web addresses inside a message", () => {
  it("ends an address at Japanese punctuation that runs straight on", () => {
    expect(addresses("こちらから参加できます：https://meet.example.jp/r/abc。当日お待ちしています。")).toEqual(["https://meet.example.jp/r/abc"]);
    expect(addresses("「https://example.jp/a」、（https://example.jp/b）")).toEqual(["https://example.jp/a", "https://example.jp/b"]);
  });

  it("ends an address at a space, a line break or a closing bracket", () => {
    expect(addresses("Join: https://meet.example.jp/r/abc\nSee you (https://example.jp/help) soon")).toEqual(["https://meet.example.jp/r/abc", "https://example.jp/help"]);
  });

  it("finds no address in text without one", () => {
    expect(addresses("12月3日(木) 14:00～14:30 example.jp")).toEqual([]);
  });
});
