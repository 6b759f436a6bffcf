import { describe, expect, it } from "vitest";
import { rubyParts, withoutRuby } from "../../src/i18n/ruby.ts";
import { plainMessage, renderForLine } from "../../src/line/render.ts";

describe("furigana marks", () => {
  it("read as the kanji alone where furigana cannot be shown", () => {
    expect(withoutRuby("{予約|よやく}を {確認|かくにん}します")).toBe("予約を 確認します");
    expect(withoutRuby("no marks {here}")).toBe("no marks {here}");
  });

  it("cut into plain runs and kanji with their reading for the widget", () => {
    expect(rubyParts("{相談|そうだん}の {日|ひ}")).toEqual([{ base: "相談", reading: "そうだん" }, "の ", { base: "日", reading: "ひ" }]);
    expect(rubyParts("ひらがな")).toEqual(["ひらがな"]);
  });

  it("never reach LINE: texts, choices and cards lose them", () => {
    const message = {
      text: "{予約|よやく}の {日|ひ}を えらんで ください。",
      choices: [{ label: "{予約|よやく}する", value: "menu:book" }],
      booking: { reference: "NG-ABCDEF", office: "ハローワーク{長崎|ながさき}", when: "12月3日", status: "{受付|うけつけ}", statusCode: "requested" as const },
    };
    expect(plainMessage(message)).toMatchObject({ text: "予約の 日を えらんで ください。", choices: [{ label: "予約する" }], booking: { office: "ハローワーク長崎", status: "受付" } });
    expect(JSON.stringify(renderForLine([message], "ja-x-easy"))).not.toMatch(/\{[^}]*\|/);
  });
});
