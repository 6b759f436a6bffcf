import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeaderValue, signStaffWebhook, verifyStaffWebhookSignature } from "../../../src/notify/webhook/sign.ts";

const secret = "s3cret-for-tests";
const body = JSON.stringify({ event: "requested", reference: "NG-7K3P" });

describe("staff webhook signatures", () => {
  it("signs the body as hex HMAC-SHA256", () => {
    expect(signStaffWebhook(body, secret)).toBe(createHmac("sha256", secret).update(body).digest("hex"));
    expect(signatureHeaderValue(body, secret)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it("accepts the signature it made", () => {
    expect(verifyStaffWebhookSignature(body, signatureHeaderValue(body, secret), secret)).toBe(true);
  });

  it("rejects a tampered body", () => {
    const header = signatureHeaderValue(body, secret);
    expect(verifyStaffWebhookSignature(body.replace("NG-7K3P", "NG-0000"), header, secret)).toBe(false);
  });

  it("rejects a signature made with another secret", () => {
    expect(verifyStaffWebhookSignature(body, signatureHeaderValue(body, "other"), secret)).toBe(false);
  });

  it("rejects a missing, unprefixed or malformed header", () => {
    const hex = signStaffWebhook(body, secret);
    for (const header of [undefined, null, "", hex, `sha1=${hex}`, "sha256=zz", `sha256=${hex.slice(2)}`]) {
      expect(verifyStaffWebhookSignature(body, header, secret)).toBe(false);
    }
  });
});
