import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";
import { locales, staffCatalogues } from "./i18n/index.ts";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:mm");
const timeRange = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, "a range as HH:mm-HH:mm");
/**
 * A name in every language of `locales` (the office file must give each). やさしい日本語 may leave it out:
 * it then reads the Japanese name; Chinese and Vietnamese read the English (romanised) one.
 */
const FALLBACK_NAME = { "ja-x-easy": "ja", "zh-Hans": "en", vi: "en" } as const;
const localized = z.preprocess(
  (names) => {
    if (!names || typeof names !== "object") return names;
    const given = names as Record<string, unknown>;
    const filled = { ...given };
    for (const [locale, from] of Object.entries(FALLBACK_NAME)) if (!(locale in given) && from in given) filled[locale] = given[from];
    return filled;
  },
  z.record(z.enum(locales), z.string().min(1)),
);

export const weekdayKeys = ["mon", "tue", "wed", "thu", "fri"] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

const counsellorSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: localized,
  /** Weekly availability: for each weekday, ranges in office-local time. */
  weekly: z.partialRecord(z.enum(weekdayKeys), z.array(timeRange)),
});

export const officeIds = ["nagasaki", "young-nagasaki", "tsukimachi"] as const;
export const officeIdSchema = z.enum(officeIds);
export type OfficeId = z.infer<typeof officeIdSchema>;

const officeSchema = z.object({
  id: officeIdSchema,
  name: localized,
  /** The bookable window: a 30-minute session must fit inside it. */
  window: z.object({ from: hhmm, to: hhmm }),
  openingHours: z.object({ from: hhmm, to: hhmm }),
  phone: z.string().regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/).nullable(),
  /**
   * previous_business_day_close: a session on day D can be requested until closing time on the
   * last business day before D. previous_day_midnight: until 24:00 of the day before D.
   */
  cutoff: z.enum(["previous_business_day_close", "previous_day_midnight"]),
  /** How many days ahead the booking window reaches. */
  horizonDays: z.number().int().min(1).max(365).default(30),
  /** Whether staff mail may carry the seeker's personal details (default: behind login only). */
  personalDataInStaffMail: z.boolean().default(false),
  /** Whether a web chat user proves the email address with a one-time code before the request goes. */
  verifyWebEmail: z.boolean().default(true),
  counsellors: z.array(counsellorSchema).min(1),
});

export type Office = z.infer<typeof officeSchema>;
export type Counsellor = z.infer<typeof counsellorSchema>;

const termsVersionSchema = z.object({
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  url: z.url(),
});

export const officeFileSchema = z.object({
  offices: z.array(officeSchema).min(1),
  /** Terms versions, oldest first; the last is the current one. */
  terms: z.array(termsVersionSchema).min(1),
});
export type OfficeFile = z.infer<typeof officeFileSchema>;

const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default("./data"),
  OFFICES_FILE: z.string().min(1).default("./config/offices.json"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PUBLIC_BASE_URL: optionalUrl,
  HOLD_MINUTES: positiveInt(10),
  /** How long a waitlist offer (キャンセル待ち) holds a freed slot for the person offered it, counted in offer hours (8:30–20:00 Tokyo). */
  WAITLIST_OFFER_MINUTES: positiveInt(30),
  /** Active future bookings one seeker number may have per office. */
  SEEKER_ACTIVE_LIMIT: positiveInt(1),
  /** No-shows within NO_SHOW_WINDOW_DAYS after which online requests are refused until staff clear it. */
  NO_SHOW_LIMIT: positiveInt(2),
  NO_SHOW_WINDOW_DAYS: positiveInt(180),
  /** An idle conversation starts fresh after this many hours, dropping the answers it held. */
  CONVERSATION_RESET_HOURS: positiveInt(72),
  /** Days after a session until the sweep erases the booking's personal fields (the office's own rule). */
  RETENTION_DAYS: positiveInt(365),
  OUTBOX_WORKERS: positiveInt(2),
  /** How long a failing outbox job (mail, LINE push, webhook) keeps being retried before it is dead. */
  OUTBOX_RETRY_HOURS: z.coerce.number().positive().max(24 * 30).default(72),
  /** The longest wait between two attempts (the backoff doubles from 5 s up to this). */
  OUTBOX_BACKOFF_MAX_SECONDS: positiveInt(900),
  /** A job whose worker stops renewing its lease (the process died) is taken over after this. */
  OUTBOX_LEASE_SECONDS: positiveInt(6),
  LINE_CHANNEL_SECRET: optionalText,
  LINE_CHANNEL_ACCESS_TOKEN: optionalText,
  LINE_API_BASE_URL: z.url().default("https://api.line.me"),
  /** Where LINE takes uploads (the rich menu's image): api-data.line.me, or the fake platform in tests. */
  LINE_API_DATA_BASE_URL: z.url().default("https://api-data.line.me"),
  /**
   * inline: the server also answers the LINE events it stores (one process at a time does, over a
   * lock). off: it only stores them, and `npm run line-worker` processes answer them (PostgreSQL).
   */
  LINE_PROCESSOR: z.enum(["inline", "off"]).default("inline"),
  /**
   * The CPU priority `npm run line-worker` gives itself (nice, 0–19): answers can wait a few
   * milliseconds, the webhook's acknowledgements on the same machine should not.
   */
  LINE_WORKER_NICE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(19).default(10)),
  /** A LINE delivery the database has not stored after this long is kept in the spool instead (ms); below the 1.5 s after which every route answers 503. */
  LINE_SPOOL_AFTER_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(1_200).default(1_000)),
  /** How often the spool tries the database again while deliveries wait in it (ms). */
  LINE_SPOOL_RETRY_MS: positiveInt(1_000),
  /** The spool's size limit; past it the webhook answers 503 as when there is no spool. */
  LINE_SPOOL_MAX_BYTES: positiveInt(64 * 1024 * 1024),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default(`${staffCatalogues.ja.app.name} <no-reply@localhost>`),
  STAFF_WEBHOOK_URL: optionalUrl,
  STAFF_WEBHOOK_SECRET: optionalText,
  /** Active requests (and holds) one person may have: per LINE user, web session, email and phone. */
  REQUESTS_PER_PERSON: positiveInt(2),
  /** Active requests made from one client address (web). */
  REQUESTS_PER_CLIENT: positiveInt(5),
  /** Slots one client address may hold at once while its users finish (web). */
  HOLDS_PER_CLIENT: positiveInt(3),
  /** Confirmation-code mails per address, and per client, in an hour. */
  EMAIL_CODES_PER_ADDRESS_HOUR: positiveInt(3),
  EMAIL_CODES_PER_CLIENT_HOUR: positiveInt(10),
  /**
   * Signs the link in each mail to a seeker that opens the web chat on their booking (HMAC-SHA256).
   * Unset: mails carry no such link; the booking is still found in the chat by reference and email or phone.
   */
  MANAGE_LINK_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32, "at least 32 characters (e.g. openssl rand -base64 32)").optional()),
  /** Look-ups of a booking by its reference in the chat, per reference and per client, in an hour. */
  LOOKUPS_PER_REFERENCE_HOUR: positiveInt(5),
  LOOKUPS_PER_CLIENT_HOUR: positiveInt(10),
  /**
   * Addresses (or CIDR ranges) of reverse proxies in front of the bot: a request from one of them
   * is taken to come from the address it names in X-Forwarded-For. Empty: the socket's address.
   */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrRange), "a comma-separated list of IP addresses or CIDR ranges"),
  /** When set, GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optionalText,
  /** When set, /metrics is served on this port only (not on PORT): for a scraper on a private network. */
  METRICS_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  WIDGET_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
});

export type Env = z.infer<typeof envSchema>;

function isAddressOrRange(value: string): boolean {
  const [address, bits, ...rest] = value.split("/");
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export interface Config extends Env {
  offices: Office[];
  terms: OfficeFile["terms"];
}

/** A configuration problem a person can fix: one line naming the variable and what it expects. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function describeIssue(where: string, issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.join(".") : where;
  return `${path}: ${issue.message}`;
}

export function parseEnv(env: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${describeIssue("environment", first)}`);
  }
  return result.data;
}

export function parseOfficeFile(raw: unknown, source = "offices file"): OfficeFile {
  const result = officeFileSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new ConfigError(`Invalid ${source} at ${describeIssue("(root)", first)}`);
  }
  const ids = result.data.offices.map((o) => o.id);
  if (new Set(ids).size !== ids.length) throw new ConfigError(`Invalid ${source}: an office id appears twice`);
  return result.data;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = parseEnv(env);
  if (parsed.LINE_PROCESSOR === "off" && !parsed.DATABASE_URL) {
    throw new ConfigError("LINE_PROCESSOR=off needs DATABASE_URL: on the embedded database no other process can answer the LINE events");
  }
  let text: string;
  try {
    text = readFileSync(parsed.OFFICES_FILE, "utf8");
  } catch {
    throw new ConfigError(`OFFICES_FILE: cannot read ${parsed.OFFICES_FILE} (expected the office settings JSON file)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`OFFICES_FILE: ${parsed.OFFICES_FILE} is not valid JSON`);
  }
  const file = parseOfficeFile(json, `OFFICES_FILE ${parsed.OFFICES_FILE}`);
  return { ...parsed, offices: file.offices, terms: file.terms };
}

export function findOffice(config: Pick<Config, "offices">, id: string): Office | undefined {
  return config.offices.find((o) => o.id === id);
}

export function currentTerms(config: Pick<Config, "terms">): OfficeFile["terms"][number] {
  return config.terms[config.terms.length - 1]!;
}
