import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { defaultLocale, locales } from "../i18n/locales.ts";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => instant("created_at").notNull().defaultNow();

export const counsellors = pgTable("counsellors", {
  id: text("id").primaryKey(),
  officeId: text("office_id").notNull(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  active: boolean("active").notNull().default(true),
  /** Set by the counsellor for "now" sessions (terms art. 6-2); null or past = not available now. */
  availableNowUntil: instant("available_now_until"),
});

/** A counsellor away for a day or part of it. */
export const absences = pgTable(
  "absences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    counsellorId: text("counsellor_id").notNull().references(() => counsellors.id),
    date: date("date", { mode: "string" }).notNull(),
    fromTime: text("from_time"),
    toTime: text("to_time"),
    createdAt: createdAt(),
  },
  (t) => [index("absences_date_idx").on(t.date)],
);

/** Ad-hoc closures that staff add at run time (a typhoon day). office_id null closes every office. */
export const closures = pgTable(
  "closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: text("office_id"),
    date: date("date", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("closures_date_idx").on(t.date)],
);

export const bookingStatuses = [
  "held",
  "expired",
  "requested",
  "confirmed",
  "attended",
  "no_show",
  "cancelled",
  "rejected",
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
/** Statuses that occupy a counsellor's slot. */
export const activeStatuses = ["held", "requested", "confirmed"] as const satisfies readonly BookingStatus[];

/**
 * Holds, requests and sessions. A hold is a row in status 'held' that occupies the counsellor's
 * slot until hold_expires_at; requesting keeps the same row, so the slot never changes hands.
 */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    officeId: text("office_id").notNull(),
    counsellorId: text("counsellor_id").notNull().references(() => counsellors.id),
    counsellorNamed: boolean("counsellor_named").notNull().default(false),
    status: text("status", { enum: bookingStatuses }).notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    holdExpiresAt: instant("hold_expires_at"),
    conversationId: uuid("conversation_id"),
    channel: text("channel", { enum: ["web", "line", "staff"] }).notNull(),
    locale: text("locale", { enum: locales }).notNull().default(defaultLocale),
    requesterKind: text("requester_kind", { enum: ["seeker", "employer"] }).notNull().default("seeker"),
    /** Seeker number (求職番号), normalised; null for employers and people not yet registered. */
    seekerNumber: text("seeker_number"),
    establishmentNumber: text("establishment_number"),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    topic: text("topic"),
    support: text("support"),
    meetingUrl: text("meeting_url"),
    accessCode: text("access_code"),
    /** Why the booking was declined or ended: a code (src/booking/reasons.ts), or what staff wrote. */
    statusReason: text("status_reason"),
    /** What staff added, in their own words, to a coded reason. */
    statusDetail: text("status_detail"),
    rescheduledFrom: uuid("rescheduled_from"),
    /** When the email address was proven with a one-time code; null when it was only typed. */
    emailVerifiedAt: instant("email_verified_at"),
    /** Keys the per-person and per-client limits count by (see bookingLimits.ts); never shown to seekers. */
    emailKey: text("email_key"),
    phoneKey: text("phone_key"),
    /** The web client's address (IPv6 by its /64) the hold was taken from; null for LINE and staff. */
    clientKey: text("client_key"),
    /** The iCalendar SEQUENCE of the seeker's invitation: raised by each change they are sent (a new URL, a cancellation). */
    sequence: integer("sequence").notNull().default(0),
    /** When the retention sweep or an erasure request removed the personal fields; the rest stays for statistics. */
    personalDataErasedAt: instant("personal_data_erased_at"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("bookings_reference_key").on(t.reference),
    // Sessions sit on a 30-minute grid and last 30 minutes, so "no two active rows for one
    // counsellor at one start" is exactly "no overlap"; capacity is the number of counsellors.
    uniqueIndex("bookings_counsellor_slot_key")
      .on(t.counsellorId, t.startsAt)
      .where(sql`status in ('held', 'requested', 'confirmed')`),
    index("bookings_office_starts_idx").on(t.officeId, t.startsAt),
    index("bookings_seeker_idx").on(t.seekerNumber),
    index("bookings_conversation_idx").on(t.conversationId),
    index("bookings_email_key_idx").on(t.emailKey),
    index("bookings_phone_key_idx").on(t.phoneKey),
    index("bookings_client_key_idx").on(t.clientKey, t.createdAt),
    // The retention sweep looks for sessions long past whose personal fields are still there.
    index("bookings_retention_idx").on(t.endsAt).where(sql`personal_data_erased_at is null`),
    check("bookings_on_grid", sql`extract(second from starts_at) = 0 and extract(minute from starts_at) in (0, 30)`),
    check("bookings_thirty_minutes", sql`ends_at = starts_at + interval '30 minutes'`),
  ],
);

/** What staff write about a booking for each other; never shown or sent to the seeker. */
export const bookingNotes = pgTable(
  "booking_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id").references(() => staffUsers.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("booking_notes_booking_idx").on(t.bookingId, t.createdAt)],
);

/** Staff clear a seeker's no-show record; no-shows before the latest clearance no longer count. */
export const seekerClearances = pgTable("seeker_clearances", {
  id: uuid("id").primaryKey().defaultRandom(),
  seekerNumber: text("seeker_number").notNull(),
  clearedAt: createdAt(),
  clearedBy: text("cleared_by").notNull(),
});

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel", { enum: ["web", "line"] }).notNull(),
    /** LINE user id, or the web session id. */
    userKey: text("user_key").notNull(),
    /** sha256 of the web session's bearer token; null for LINE. */
    tokenHash: text("token_hash"),
    officeId: text("office_id"),
    locale: text("locale", { enum: locales }).notNull().default(defaultLocale),
    mode: text("mode", { enum: ["bot", "handoff", "closed"] }).notNull().default("bot"),
    state: jsonb("state").notNull().default({}),
    followed: boolean("followed").notNull().default(true),
    version: integer("version").notNull().default(0),
    /** The member of staff answering this chat while it is with staff ("対応する"); cleared when it changes hands back. */
    claimedBy: uuid("claimed_by"),
    claimedAt: instant("claimed_at"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("conversations_channel_user_key").on(t.channel, t.userKey), index("conversations_mode_idx").on(t.mode)],
);

/** What was said, for the web chat history and for staff taking over a conversation. */
export const messages = pgTable(
  "messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    author: text("author", { enum: ["user", "bot", "staff"] }).notNull(),
    body: jsonb("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("messages_conversation_idx").on(t.conversationId, t.id)],
);

export const termsVersions = pgTable("terms_versions", {
  version: text("version").primaryKey(),
  url: text("url").notNull(),
  /** sha256 of the full text, where the operator loaded it. */
  textSha256: text("text_sha256"),
  createdAt: createdAt(),
});

export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    termsVersion: text("terms_version")
      .notNull()
      .references(() => termsVersions.version),
    channel: text("channel", { enum: ["web", "line", "staff"] }).notNull(),
    userKey: text("user_key").notNull(),
    seekerNumber: text("seeker_number"),
    conversationId: uuid("conversation_id"),
    agreedAt: instant("agreed_at").notNull(),
  },
  (t) => [index("consents_user_idx").on(t.channel, t.userKey), index("consents_seeker_idx").on(t.seekerNumber)],
);

/** Webhook events as received, so a redelivery is recognised and a crash loses nothing. */
export const webhookInbox = pgTable(
  "webhook_inbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    source: text("source").notNull(),
    eventId: text("event_id").notNull(),
    userKey: text("user_key"),
    payload: jsonb("payload").notNull(),
    receivedAt: createdAt(),
    processedAt: instant("processed_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Set before a reply is sent: after a crash, a reply that may have gone out is not pushed again. */
    replyAttemptedAt: instant("reply_attempted_at"),
  },
  (t) => [
    uniqueIndex("webhook_inbox_event_key").on(t.source, t.eventId),
    index("webhook_inbox_pending_idx").on(t.processedAt, t.id),
  ],
);

export const outboxStatuses = ["pending", "running", "done", "dead"] as const;

export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    /** One effect, one key: enqueueing the same key twice is a no-op. */
    idempotencyKey: text("idempotency_key").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** A cap on attempts; null: the job retries until the worker's horizon from its first attempt. */
    maxAttempts: integer("max_attempts"),
    runAt: instant("run_at").notNull().defaultNow(),
    /** The lease: renewed while the worker runs the job, so a dead worker's job is taken over in seconds. */
    lockedUntil: instant("locked_until"),
    firstAttemptAt: instant("first_attempt_at"),
    /**
     * Jobs with the same key run one at a time in id order (e.g. 'line:<user id>'): a later one waits
     * while an earlier one is pending or running, so a retry never lets a later message overtake.
     */
    orderKey: text("order_key"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    finishedAt: instant("finished_at"),
  },
  (t) => [
    uniqueIndex("outbox_idempotency_key").on(t.idempotencyKey),
    index("outbox_due_idx").on(t.status, t.runAt),
    index("outbox_order_idx").on(t.orderKey, t.id).where(sql`${t.orderKey} is not null and ${t.status} in ('pending', 'running')`),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: instant("at").notNull(),
    /** Who or what: 'seeker:web:<conversation id>', 'staff:<id>', 'system:no-show-sweep'. Never a name. */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at), index("audit_actor_at_idx").on(t.actor, t.at)],
);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** null for an admin, who sees every office. */
    officeId: text("office_id"),
    role: text("role", { enum: ["staff", "admin"] }).notNull().default("staff"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("staff_users_email_key").on(t.email)],
);

export const staffSessions = pgTable("staff_sessions", {
  tokenHash: text("token_hash").primaryKey(),
  staffId: uuid("staff_id")
    .notNull()
    .references(() => staffUsers.id, { onDelete: "cascade" }),
  expiresAt: instant("expires_at").notNull(),
  createdAt: createdAt(),
});

/**
 * Failed sign-ins, counted per client, per account and per account from one client, whether or not
 * the account exists (so the answers never tell). Keys are hashes: no typed address is stored.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  /** sha256 of 'client:<address>', 'account:<email>' or 'pair:<email>:<address>'. */
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: instant("last_failure_at"),
  blockedUntil: instant("blocked_until"),
  /** A pair whose client signed in successfully: the account-wide delay spares it until then. */
  trustedUntil: instant("trusted_until"),
});

/**
 * One-time codes that prove a web user reads the email address they gave. Only a hash of the code
 * is kept; the rows also count the codes sent per address and per client.
 */
export const emailCodes = pgTable(
  "email_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id").notNull(),
    emailKey: text("email_key").notNull(),
    clientKey: text("client_key"),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("email_codes_email_idx").on(t.emailKey, t.createdAt), index("email_codes_client_idx").on(t.clientKey, t.createdAt)],
);

/**
 * Request counters of the rate limits that must hold across processes: one row per key and
 * fixed window; a limit weighs the previous window too, so a burst across the boundary is caught.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: instant("window_start").notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_window_idx").on(t.windowStart)],
);

export const waitlistStatuses = ["waiting", "offered", "accepted", "declined", "lapsed", "left", "ended"] as const;
export type WaitlistStatus = (typeof waitlistStatuses)[number];
/** Statuses that keep a place in the queue. */
export const liveWaitlistStatuses = ["waiting", "offered"] as const satisfies readonly WaitlistStatus[];

/**
 * キャンセル待ち: a conversation waiting for a time in a window (days from_date..to_date, starts from
 * from_time to before to_time, Tokyo). Places are kept in created_at order; a freed slot is offered
 * to the first waiting entry whose window holds it, as a hold (offer_booking_id) until offer_expires_at.
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeId: text("office_id").notNull(),
    /** A named counsellor (指名); null: anyone. */
    counsellorId: text("counsellor_id"),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    fromTime: text("from_time").notNull(),
    toTime: text("to_time").notNull(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["web", "line"] }).notNull(),
    locale: text("locale", { enum: locales }).notNull().default(defaultLocale),
    /** The intake's answers when the seeker joined (personal data), restored when they accept an offer; null once erased. */
    answers: jsonb("answers"),
    status: text("status", { enum: waitlistStatuses }).notNull().default("waiting"),
    /** The hold that carries the current or last offer. */
    offerBookingId: uuid("offer_booking_id"),
    offeredAt: instant("offered_at"),
    offerExpiresAt: instant("offer_expires_at"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("waitlist_live_idx").on(t.officeId, t.status, t.createdAt),
    index("waitlist_conversation_idx").on(t.conversationId),
    // One offer per hold: the same freed slot can never be offered to two people at once.
    uniqueIndex("waitlist_offer_booking_key").on(t.offerBookingId),
  ],
);

/**
 * Secrets the processes sharing the database must agree on and nobody configured (the mail link's
 * signing key without MANAGE_LINK_SECRET): made once, at the first start, and read by every process.
 */
export const serverSecrets = pgTable("server_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});
