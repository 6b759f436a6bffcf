// Where staff of each office are told about requests: a mailbox, a LINE group or user, and one
// webhook for other systems. Parsed from the environment; one line names the variable at fault.
import { z } from "zod";
import { ConfigError, officeIds, type OfficeId } from "../config.ts";

export interface StaffChannels {
  /** Staff mailbox per office; an office without one gets no mail. */
  mailTo: Partial<Record<OfficeId, string>>;
  /** LINE group (C…), room (R…) or user (U…) id per office. */
  lineTo: Partial<Record<OfficeId, string>>;
  webhook?: { url: string; secret: string };
  /** When the reminder goes out on the business day before a session, 'HH:mm' Asia/Tokyo. */
  reminderTime: string;
  /** How many minutes before a session's start the seeker gets the join reminder with the meeting URL. */
  joinReminderMinutes: number;
}

const email = z.email();
const lineId = z.string().regex(/^[UCR][0-9a-f]{32}$/, "a LINE user, group or room id (U…, C… or R… and 32 hex digits)");
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:mm");

/**
 * 'nagasaki=a@x.jp,young-nagasaki=b@x.jp' → per office; a single value without '=' applies to every
 * office. Empty → none.
 */
function perOffice(name: string, raw: string | undefined, value: z.ZodType<string>): Partial<Record<OfficeId, string>> {
  const text = raw?.trim() ?? "";
  if (text === "") return {};
  const out: Partial<Record<OfficeId, string>> = {};
  const check = (v: string, where: string) => {
    const parsed = value.safeParse(v);
    if (!parsed.success) throw new ConfigError(`Invalid environment variable ${name}: ${where} expects ${parsed.error.issues[0]!.message}`);
    return parsed.data;
  };
  if (!text.includes("=")) {
    const v = check(text, "the value");
    for (const id of officeIds) out[id] = v;
    return out;
  }
  for (const entry of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf("=");
    const office = entry.slice(0, at).trim();
    if (at < 0 || !(officeIds as readonly string[]).includes(office)) {
      throw new ConfigError(`Invalid environment variable ${name}: '${entry.slice(0, Math.max(at, 0)) || entry}' is not an office id (${officeIds.join(", ")})`);
    }
    out[office as OfficeId] = check(entry.slice(at + 1).trim(), office);
  }
  return out;
}

export function parseStaffChannels(env: Record<string, string | undefined>): StaffChannels {
  const url = env.STAFF_WEBHOOK_URL?.trim() || undefined;
  const secret = env.STAFF_WEBHOOK_SECRET?.trim() || undefined;
  if (url && !z.url({ protocol: /^https?$/ }).safeParse(url).success) {
    throw new ConfigError("Invalid environment variable STAFF_WEBHOOK_URL: expects an http(s) URL");
  }
  if (url && !secret) throw new ConfigError("Invalid environment variable STAFF_WEBHOOK_SECRET: required when STAFF_WEBHOOK_URL is set");
  const reminder = env.REMINDER_TIME?.trim() || "10:00";
  if (!hhmm.safeParse(reminder).success) throw new ConfigError("Invalid environment variable REMINDER_TIME: expects a time as HH:mm (Asia/Tokyo)");
  const joinRaw = env.JOIN_REMINDER_MINUTES?.trim() || "10";
  const joinMinutes = /^\d{1,3}$/.test(joinRaw) ? Number(joinRaw) : NaN;
  if (!(joinMinutes >= 1 && joinMinutes <= 120)) throw new ConfigError("Invalid environment variable JOIN_REMINDER_MINUTES: expects whole minutes from 1 to 120");
  return {
    mailTo: perOffice("STAFF_MAIL_TO", env.STAFF_MAIL_TO, email),
    lineTo: perOffice("LINE_STAFF_TO", env.LINE_STAFF_TO, lineId),
    ...(url && secret ? { webhook: { url, secret } } : {}),
    reminderTime: reminder,
    joinReminderMinutes: joinMinutes,
  };
}
