import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { manageUrl, signManageToken, verifyManageToken } from "../src/manageLink.ts";

const secret = "a-test-secret-of-at-least-32-characters";

describe("the signed link to a booking", () => {
  it("gives back the booking it was signed for, and nothing for any change to it", () => {
    const id = randomUUID();
    const token = signManageToken(secret, id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    expect(verifyManageToken(secret, token)).toBe(id);
    expect(verifyManageToken(`${secret}!`, token)).toBeUndefined();
    const other = signManageToken(secret, randomUUID());
    expect(verifyManageToken(secret, `${token.split(".")[0]}.${other.split(".")[1]}`)).toBeUndefined();
    // Every character changed, the last of each half included (its unused bits spell the same bytes).
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      const changed = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      expect(verifyManageToken(secret, changed)).not.toBe(id);
    }
    for (const junk of ["", ".", "x".repeat(45), `${token}.`, `${token}x`, "\u0000", "ＡＡ"]) expect(verifyManageToken(secret, junk)).toBeUndefined();
  });

  it("refuses a token whose last characters differ only in the bits base64 leaves unused", () => {
    // 16 bytes are 22 characters of 6 bits: the last character's low 4 bits are not part of the bytes.
    for (let n = 0; n < 50; n++) {
      const id = randomUUID();
      const [head, mac] = signManageToken(secret, id).split(".") as [string, string];
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      const sibling = (half: string) => half.slice(0, -1) + alphabet[alphabet.indexOf(half.at(-1)!) ^ 1];
      expect(verifyManageToken(secret, `${sibling(head)}.${mac}`)).toBeUndefined();
      expect(verifyManageToken(secret, `${head}.${sibling(mac)}`)).toBeUndefined();
    }
  });

  it("is a fragment of the public chat page, and absent without a secret", () => {
    const id = randomUUID();
    expect(manageUrl({ PUBLIC_BASE_URL: "https://soudan.example.jp/", MANAGE_LINK_SECRET: secret }, id)).toBe(`https://soudan.example.jp/#manage=${signManageToken(secret, id)}`);
    expect(manageUrl({ PUBLIC_BASE_URL: "https://soudan.example.jp", MANAGE_LINK_SECRET: undefined }, id)).toBeUndefined();
  });
});
