// The link in a seeker's mail that opens the web chat on their booking: the booking's id and an
// HMAC of it under MANAGE_LINK_SECRET. The link holds no expiry of its own: it is good while the
// booking is still to come (the chat checks), so a cancelled, moved or past booking's link is dead.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Config } from "./config.ts";

const PURPOSE = "manage-booking:v1:";
const MAC_BYTES = 16;
/** The fragment key the widget reads: a fragment never reaches a server's access log or a Referer. */
export const MANAGE_FRAGMENT = "manage";

function mac(secret: string, bookingId: string): Buffer {
  return createHmac("sha256", secret).update(PURPOSE + bookingId).digest().subarray(0, MAC_BYTES);
}

function uuidBytes(id: string): Buffer | undefined {
  const hex = id.replace(/-/g, "");
  return /^[0-9a-f]{32}$/i.test(hex) ? Buffer.from(hex, "hex") : undefined;
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `<booking id>.<mac>`, both base64url: 45 characters. */
export function signManageToken(secret: string, bookingId: string): string {
  const id = uuidBytes(bookingId);
  if (!id) throw new Error("a booking id is a UUID");
  return `${id.toString("base64url")}.${mac(secret, uuidOf(id)).toString("base64url")}`;
}

/** The booking id a token was signed for, or undefined for anything else (altered, cut, made up). */
export function verifyManageToken(secret: string, token: string): string | undefined {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return undefined;
  const id = Buffer.from(match[1]!, "base64url");
  const given = Buffer.from(match[2]!, "base64url");
  if (id.length !== 16 || given.length !== MAC_BYTES) return undefined;
  // Only the one spelling: the last character of each half carries unused bits, and another letter there
  // would decode to the same bytes.
  if (id.toString("base64url") !== match[1] || given.toString("base64url") !== match[2]) return undefined;
  const bookingId = uuidOf(id);
  return timingSafeEqual(given, mac(secret, bookingId)) ? bookingId : undefined;
}

/** The chat page's address: PUBLIC_BASE_URL, or the local server in development. */
export function chatPageUrl(config: Pick<Config, "PUBLIC_BASE_URL">): string {
  return `${(config.PUBLIC_BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "")}/`;
}

/** The signed link for one booking, or undefined when no secret is configured. */
export function manageUrl(config: Pick<Config, "PUBLIC_BASE_URL" | "MANAGE_LINK_SECRET">, bookingId: string): string | undefined {
  if (!config.MANAGE_LINK_SECRET) return undefined;
  return `${chatPageUrl(config)}#${MANAGE_FRAGMENT}=${signManageToken(config.MANAGE_LINK_SECRET, bookingId)}`;
}
