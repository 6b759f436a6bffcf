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
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      const changed = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      expect(verifyManageToken(secret, changed)).not.toBe(id);
    }
    for (const junk of ["", ".", "x".repeat(45), `${token}.`, `${token}x`, "\u0000", "ＡＡ"]) expect(verifyManageToken(secret, junk)).toBeUndefined();
  });

  it("is a fragment of the public chat page, and absent without a secret", () => {
    const id = randomUUID();
    expect(manageUrl({ PUBLIC_BASE_URL: "https://soudan.example.jp/", MANAGE_LINK_SECRET: secret }, id)).toBe(`https://soudan.example.jp/#manage=${signManageToken(secret, id)}`);
    expect(manageUrl({ PUBLIC_BASE_URL: "https://soudan.example.jp", MANAGE_LINK_SECRET: undefined }, id)).toBeUndefined();
  });
});
