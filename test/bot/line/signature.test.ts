import { describe, expect, it } from "vitest";
import { signLineBody, verifyLineSignature } from "../../../src/bot/line/signature.ts";

const secret = "8c570fa6dd201bb328f1c1eac23a96d8";
const body = JSON.stringify({
  destination: "U0000000000000000000000000000000",
  events: [{ type: "message", message: { type: "text", id: "1", text: "明日14時に予約したい" } }],
});

describe("LINE webhook signature", () => {
  it("accepts the signature LINE computes over the raw body", () => {
    expect(verifyLineSignature(body, signLineBody(body, secret), secret)).toBe(true);
  });

  it("matches an independently known HMAC-SHA256 value", () => {
    // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), base64.
    expect(signLineBody("The quick brown fox jumps over the lazy dog", "key")).toBe(
      "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=",
    );
  });

  it("signs the UTF-8 bytes, so a body given as bytes verifies the same", () => {
    expect(verifyLineSignature(Buffer.from(body, "utf8"), signLineBody(body, secret), secret)).toBe(true);
  });

  it("rejects a body changed after signing", () => {
    const signature = signLineBody(body, secret);
    expect(verifyLineSignature(body.replace("14時", "15時"), signature, secret)).toBe(false);
  });

  it("rejects a body that was re-serialised with different spacing", () => {
    const signature = signLineBody(body, secret);
    expect(verifyLineSignature(JSON.stringify(JSON.parse(body), null, 1), signature, secret)).toBe(false);
  });

  it("rejects a signature made with another channel's secret", () => {
    expect(verifyLineSignature(body, signLineBody(body, "another-secret"), secret)).toBe(false);
  });

  it("rejects a request without the signature header", () => {
    expect(verifyLineSignature(body, undefined, secret)).toBe(false);
    expect(verifyLineSignature(body, "", secret)).toBe(false);
  });

  it("rejects a signature of a different length without throwing", () => {
    const signature = signLineBody(body, secret);
    expect(verifyLineSignature(body, signature.slice(0, -1), secret)).toBe(false);
    expect(verifyLineSignature(body, `${signature}A`, secret)).toBe(false);
    expect(verifyLineSignature(body, "署名", secret)).toBe(false);
  });

  it("refuses everything when the channel secret is not configured", () => {
    expect(verifyLineSignature(body, signLineBody(body, ""), "")).toBe(false);
  });
});
