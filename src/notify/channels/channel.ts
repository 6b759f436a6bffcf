// What an outbound channel is: which jobs a notice makes for it, and how it sends one of them. Each
// channel is one file beside this one; index.ts lists them.
import type { Config, Office } from "../../config.ts";
import type { LineClient } from "../../line/client.ts";
import type { BotMessage, Locale } from "../../messages.ts";
import type { SeekerEvent, StaffEvent } from "../../notices.ts";
import type { Booking } from "../../store/bookings.ts";
import type { Db } from "../../store/db.ts";
import type { NewJob, OutboxJob } from "../../store/outbox.ts";
import type { Mailer } from "../mail/transport.ts";
import type { StaffChannels } from "../staffChannels.ts";

export interface ChannelDeps {
  db: Db;
  config: Pick<Config, "offices" | "PUBLIC_BASE_URL" | "MAIL_FROM" | "MANAGE_LINK_SECRET">;
  /** Where staff are told, per channel, and when reminders go out. */
  channels: StaffChannels;
  mailer: Mailer;
  /** Absent when LINE is not configured: LINE jobs are then not made. */
  line?: LineClient;
  clock: () => Date;
}

/** A notice to an office's staff, as every channel reads it. */
export interface StaffNotice {
  /** The notice job's key: each channel's job key extends it, so a repeated fan-out adds nothing. */
  key: string;
  now: Date;
  event: StaffEvent;
  office: Office;
  booking?: Booking;
  at: Date;
  /** The chat a person asked to be handed over from, if the notice is about one. */
  conversationId?: string;
  /** The staff console's page of the booking or conversation. */
  url: string;
}

/** A notice to the person who booked, once the booking is known to be in the state it speaks of. */
export interface SeekerNotice {
  key: string;
  now: Date;
  event: SeekerEvent;
  booking: Booking;
  office: Office;
  /** Free times near the booking's own, as the seeker reads them (a closure offers them). */
  alternatives: string[];
}

/** The conversation a message goes into, and what the channel needs to reach it. */
export interface ConversationTarget {
  id: string;
  channel: "web" | "line";
  userKey: string;
  followed: boolean;
  locale: Locale;
}

export interface ConversationJobOptions {
  /** Whether LINE is configured. */
  line: boolean;
  /** Add the message to the conversation's history once delivered. */
  record: boolean;
  now: Date;
}

export interface Channel<Payload = never> {
  /** The outbox job kind this channel sends. */
  kind: string;
  staffJob?(notice: StaffNotice, deps: ChannelDeps): NewJob | undefined;
  seekerJob?(notice: SeekerNotice, deps: ChannelDeps): NewJob | undefined;
  /** A bot message into a seeker's conversation, when the conversation runs on this channel. */
  conversationJob?(key: string, conversation: ConversationTarget, message: BotMessage, options: ConversationJobOptions): NewJob | undefined;
  send(payload: Payload, job: OutboxJob, deps: ChannelDeps): Promise<void>;
}

/** The payload as the outbox stores it. */
export const asPayload = <T extends object>(payload: T) => payload as unknown as Record<string, unknown>;
