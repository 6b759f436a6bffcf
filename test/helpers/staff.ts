// Staff accounts, logins and requested bookings for the staff API and notification tests.
import { randomUUID } from "node:crypto";
import { findOffice, type Config } from "../../src/config.ts";
import type { Locale } from "../../src/i18n/index.ts";
import { holdSlot, requestBooking, type Booking } from "../../src/store/bookings.ts";
import { createConversation, setConversationMode } from "../../src/store/conversations.ts";
import { createStaff, type StaffRole } from "../../src/store/staff.ts";
import type { TestStore } from "./stores.ts";

// Tuesday 24 November 2026, 10:00 in Tokyo.
export const tuesdayTen = new Date("2026-11-24T10:00:00+09:00");
// Monday 30 November 14:00: both Nagasaki counsellors work.
export const mondayTwoPm = new Date("2026-11-30T14:00:00+09:00");
export const PASSWORD = "correct horse battery staple";

export async function addStaff(store: TestStore, input: { email: string; officeId: string | null; role?: StaffRole; password?: string }) {
  return createStaff(store.db, { email: input.email, password: input.password ?? PASSWORD, officeId: input.officeId, role: input.role ?? "staff", now: tuesdayTen });
}

type Requester = { request(input: string, init?: RequestInit): Response | Promise<Response> };

export async function loginAs(app: Requester, email: string, password = PASSWORD): Promise<string> {
  const res = await app.request("/api/staff/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A JSON request with a bearer token. */
export function call(app: Requester, token: string | undefined, method: string, path: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
}

export interface RequestOptions {
  officeId?: string;
  startsAt?: Date;
  now?: Date;
  channel?: "web" | "line";
  userKey?: string;
  locale?: Locale;
  email?: string;
  seekerNumber?: string;
  mode?: "bot" | "handoff";
}

/** A seeker's request as the chat makes it: a conversation, a hold, then the request. */
export async function makeRequest(store: TestStore, config: Config, options: RequestOptions = {}): Promise<Booking> {
  const now = options.now ?? tuesdayTen;
  const office = findOffice(config, options.officeId ?? "nagasaki")!;
  const channel = options.channel ?? "web";
  const conversation = await createConversation(store.db, {
    channel,
    userKey: options.userKey ?? randomUUID(),
    locale: options.locale ?? "ja",
    officeId: office.id,
    now,
  });
  if (options.mode) await setConversationMode(store.db, conversation.id, options.mode, now);
  const limits = { activeLimit: 1, noShowLimit: 2, noShowWindowDays: 180 };
  const held = await holdSlot(store.db, {
    office,
    startsAt: options.startsAt ?? mondayTwoPm,
    conversationId: conversation.id,
    channel,
    locale: options.locale ?? "ja",
    now,
    holdMinutes: 10,
    limits,
    actor: `seeker:${channel}:${conversation.id}`,
  });
  if (!held.ok) throw new Error(`hold refused: ${held.refusal.reason}`);
  const requested = await requestBooking(store.db, {
    holdId: held.booking.id,
    office,
    details: {
      requesterKind: "seeker",
      name: "長崎 太郎",
      seekerNumber: options.seekerNumber ?? `42010-${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
      email: options.email ?? "taro@example.jp",
      phone: "090-1234-5678",
      topic: "事務職の求人について",
      // A web request's address has been proven with a code; a LINE user's has not.
      emailVerified: channel === "web",
    },
    now,
    limits,
    actor: `seeker:${channel}:${conversation.id}`,
    holdMinutes: 10,
  });
  if (!requested.ok) throw new Error(`request refused: ${requested.refusal.reason}`);
  return requested.booking;
}
