// The one-time code mailed to prove an address, typed back: six digits, spaces or hyphens allowed.

/** The six digits typed, or null when the message is not a code. */
export function parseEmailCode(text: string): string | null {
  const code = text.normalize("NFKC").replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}
