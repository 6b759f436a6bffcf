// Email addresses as seekers type them on a phone: full-width characters, 。 for dots, and the
// usual domain slips (gmail.con), which we suggest a fix for rather than silently change.
export type EmailResult =
  | { ok: true; value: string; suggestion?: string }
  | { ok: false; reason: "empty" | "invalid_format" | "missing_at"; suggestion?: string };

const DOMAIN_FIXES: Record<string, string> = {
  "gmail.con": "gmail.com",
  "gmail.co": "gmail.com",
  "gmail.cm": "gmail.com",
  "gmail.om": "gmail.com",
  "gmail.comm": "gmail.com",
  "gmail.jp": "gmail.com",
  "gmail.co.jp": "gmail.com",
  "gmial.com": "gmail.com",
  "gmai.com": "gmail.com",
  "gamil.com": "gmail.com",
  "gmaill.com": "gmail.com",
  "gmal.com": "gmail.com",
  "gmali.com": "gmail.com",
  "yahoo.co.jo": "yahoo.co.jp",
  "yahoo.cojp": "yahoo.co.jp",
  "yahoo.co.j": "yahoo.co.jp",
  "yaho.co.jp": "yahoo.co.jp",
  "yahooo.co.jp": "yahoo.co.jp",
  "yahoo.jp": "yahoo.co.jp",
  "docomo.ne.jo": "docomo.ne.jp",
  "docomo.co.jp": "docomo.ne.jp",
  "docomo.nejp": "docomo.ne.jp",
  "docomo.jp": "docomo.ne.jp",
  "ezweb.ne.jo": "ezweb.ne.jp",
  "ezweb.co.jp": "ezweb.ne.jp",
  "softbank.ne.jo": "softbank.ne.jp",
  "icloud.con": "icloud.com",
  "icloud.co": "icloud.com",
  "outlook.con": "outlook.com",
  "hotmail.con": "hotmail.com",
  "outlook.co.jo": "outlook.jp",
};
const KNOWN_DOMAINS = ["gmail.com", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "icloud.com", "outlook.jp", "outlook.com", "hotmail.com"];

const LOCAL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/i;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

export function parseEmail(text: string): EmailResult {
  const s = text
    .normalize("NFKC")
    .replace(/[。．｡]/g, ".")
    .replace(/(?:メールアドレス|メアド|メール|アドレス)\s*(?:は|:)?|(?<![a-z0-9.@_-])(?:e-?mail|mail)\s*:/gi, " ")
    .replace(/(?:です|になります|でお願いします|まで)[。.!]?\s*$/g, "")
    .trim();
  if (s === "") return { ok: false, reason: "empty" };
  const candidate = /[^\s@、,<>()「」]+(?:\s*@+\s*)[^\s@、,<>()「」]+/.exec(s)?.[0].replace(/\s/g, "") ?? s.replace(/\s/g, "");
  if (!candidate.includes("@")) {
    const known = KNOWN_DOMAINS.find((d) => candidate.toLowerCase().endsWith(`.${d}`) || candidate.toLowerCase().endsWith(d) && candidate.length > d.length);
    if (known) {
      const local = candidate.slice(0, candidate.length - known.length).replace(/[.@]$/, "");
      if (local && LOCAL.test(local)) return { ok: false, reason: "missing_at", suggestion: `${local}@${known}` };
    }
    return { ok: false, reason: "missing_at" };
  }
  const collapsed = candidate.replace(/@+/g, "@").replace(/\.+$/, "");
  const at = collapsed.lastIndexOf("@");
  const local = collapsed.slice(0, at);
  const domain = collapsed.slice(at + 1).toLowerCase();
  if (!local || !LOCAL.test(local) || collapsed.indexOf("@") !== at) return { ok: false, reason: "invalid_format" };
  const fixed = DOMAIN_FIXES[domain];
  if (fixed) {
    const suggestion = `${local}@${fixed}`;
    return DOMAIN.test(domain) ? { ok: true, value: `${local}@${domain}`, suggestion } : { ok: false, reason: "invalid_format", suggestion };
  }
  if (!DOMAIN.test(domain)) return { ok: false, reason: "invalid_format" };
  const value = `${local}@${domain}`;
  return collapsed !== candidate ? { ok: true, value, suggestion: value } : { ok: true, value };
}

/** An email address inside a longer message, when it needs no second look. */
export function findEmail(text: string): string | undefined {
  const match = /[^\s、。,，「」]+[@＠][^\s、。,，「」]+/.exec(text);
  if (!match) return undefined;
  const parsed = parseEmail(match[0]);
  return parsed.ok && !parsed.suggestion ? parsed.value : undefined;
}
