// The email address or phone number a seeker gives to prove a booking is theirs, in the one form it
// is compared in: `email:<address, lower case>` or `phone:<digits>`.
import { parseEmail } from "./email.ts";
import { parsePhone } from "./phone.ts";

export function parseContact(text: string): string | undefined {
  if (/[@＠]/.test(text)) {
    const email = parseEmail(text);
    return email.ok ? `email:${email.value.toLowerCase()}` : undefined;
  }
  const phone = parsePhone(text);
  return phone.ok ? `phone:${phone.digits}` : undefined;
}

/** A stored email or phone in the same form, for comparing. */
export function contactOnRecord(kind: "email" | "phone", value: string | null): string {
  return kind === "email" ? `email:${(value ?? "").toLowerCase()}` : `phone:${(value ?? "").replace(/\D/g, "")}`;
}
