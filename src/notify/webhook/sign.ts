// Staff webhooks are signed so the receiver can tell they came from us and were not altered.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Soudan-Signature";
const PREFIX = "sha256=";

/** Hex HMAC-SHA256 of the exact body bytes, sent as `X-Soudan-Signature: sha256=<hex>`. */
export function signStaffWebhook(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

/** Whether a `sha256=<hex>` header matches the body; compared in constant time. */
export function verifyStaffWebhookSignature(body: string, header: string | null | undefined, secret: string): boolean {
  if (!header || !header.startsWith(PREFIX)) return false;
  const given = header.slice(PREFIX.length);
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = Buffer.from(signStaffWebhook(body, secret), "hex");
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}

export function signatureHeaderValue(body: string, secret: string): string {
  return `${PREFIX}${signStaffWebhook(body, secret)}`;
}
