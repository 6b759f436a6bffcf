import { describe, expect, it } from "vitest";
import { findReference, parseContact, parseReference } from "../../src/nlu/index.ts";

describe("booking references and contact details as seekers type them", () => {
  it("reads a reference however it is written", () => {
    for (const text of ["NG-3K7P9Q", "ng-3k7p9q", "NG 3K7P9Q", "NG3K7P9Q", "ＮＧ－３Ｋ７Ｐ９Ｑ", "NGー3K7P9Q", "予約番号は NG-3K7P9Q です", "Reference: ng-3k7p9q"]) {
      expect(parseReference(text), text).toBe("NG-3K7P9Q");
    }
    for (const text of ["", "NG-3K7P9", "N-3K7P9Q", "NG-3K7P9QX", "明日の14時", "090-1234-5678"]) expect(parseReference(text), text).toBeUndefined();
  });

  it("finds a reference inside a message only with its hyphen", () => {
    expect(findReference("NG-3K7P9Q の予約を取り消したい")).toBe("NG-3K7P9Q");
    expect(findReference("予約番号yn－ab2cd3を変更")).toBe("YN-AB2CD3");
    expect(findReference("HELLOWORLD の予約")).toBeUndefined();
    expect(findReference("tel 090-12345678")).toBeUndefined();
  });

  it("reads an email or a phone number in the form it is compared in", () => {
    expect(parseContact("Hanako.N@Example.JP")).toBe("email:hanako.n@example.jp");
    expect(parseContact("ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ")).toBe("email:hanako@example.jp");
    expect(parseContact("090-1234-5678")).toBe("phone:09012345678");
    expect(parseContact("０９０１２３４５６７８")).toBe("phone:09012345678");
    expect(parseContact("わかりません")).toBeUndefined();
    expect(parseContact("@")).toBeUndefined();
  });
});
