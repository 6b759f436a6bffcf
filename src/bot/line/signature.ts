import { createHmac, timingSafeEqual } from "node:crypto";

/** The value LINE puts in `x-line-signature`: base64 of HMAC-SHA256 over the raw body. */
export function signLineBody(rawBody: string | Uint8Array, channelSecret: string): string {
  return createHmac("sha256", channelSecret).update(rawBody).digest("base64");
}

/**
 * Whether `signature` is LINE's signature of exactly these body bytes. Verify before parsing:
 * re-serialised JSON would not match.
 */
export function verifyLineSignature(
  rawBody: string | Uint8Array,
  signature: string | undefined,
  channelSecret: string,
): boolean {
  // An empty secret is a misconfiguration, not a key: refuse rather than accept anyone's HMAC.
  if (!signature || !channelSecret) return false;
  const expected = Buffer.from(signLineBody(rawBody, channelSecret), "utf8");
  const given = Buffer.from(signature, "utf8");
  // The expected length is public (always 44 base64 characters), so checking it first leaks nothing.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
