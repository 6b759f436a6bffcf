import { Gauge, Registry } from "prom-client";
import type { LineClient } from "../line/client.ts";
import { LINE_INBOX_SOURCE } from "../bot/line/processor.ts";
import { lineQuota } from "../bot/line/quota.ts";
import type { Config } from "../config.ts";
import { jstDate, jstInstant } from "../jst.ts";
import type { Store } from "../store/db.ts";
import { bookingStatuses, outboxStatuses } from "../store/schema.ts";
import { operationalCounts } from "../store/stats.ts";
import { processRegistry } from "./registry.ts";

export interface MetricsDeps {
  config: Pick<Config, "offices" | "CONVERSATION_RESET_HOURS">;
  store: Pick<Store, "db">;
  clock: () => Date;
  /** The LINE channel's client, for the month's quota; absent without LINE. */
  lineClient?: LineClient;
}

// A scrape waits this long for LINE's quota at most (asked every five minutes); it reports the last answer meanwhile.
const QUOTA_WAIT_MS = 2_000;

/**
 * The whole scrape: this process's counters, then what the database holds, read at scrape time (a
 * few grouped counts). Every process sharing a database reports the same database figures: in
 * queries, take max() of them across instances rather than sum().
 */
export function createMetricsScrape(deps: MetricsDeps): () => Promise<{ body: string; contentType: string }> {
  const registry = new Registry();
  const registers = [registry];
  // Apart, so that a scrape without the database still says so.
  const health = new Registry();
  const up = new Gauge({ name: "soudan_store_up", help: "1 when the last scrape could read the database, 0 when it could not.", registers: [health] });
  const bookings = new Gauge({
    name: "soudan_bookings",
    help: "Bookings in the database, by office and status (held, requested, confirmed, attended, no_show, …).",
    labelNames: ["office", "status"] as const,
    registers,
  });
  const jobs = new Gauge({ name: "soudan_outbox_jobs", help: "Outbox jobs, by kind and state (pending, running, done, dead).", labelNames: ["kind", "state"] as const, registers });
  const dead = new Gauge({ name: "soudan_outbox_dead_jobs", help: "Outbox jobs that failed for good and wait for a person.", registers });
  const oldestDue = new Gauge({
    name: "soudan_outbox_oldest_due_job_age_seconds",
    help: "How long the oldest due job has waited to be run (0 when none waits).",
    registers,
  });
  const pushes = new Gauge({
    name: "soudan_line_pushes_this_month",
    help: "LINE push messages delivered since the start of the month (Tokyo time), as LINE counts them against the quota.",
    registers,
  });
  const backlog = new Gauge({ name: "soudan_line_inbox_waiting_events", help: "Stored LINE events not yet answered.", registers });
  const backlogAge = new Gauge({
    name: "soudan_line_inbox_oldest_waiting_seconds",
    help: "How long the oldest unanswered LINE event has waited (0 when none waits).",
    registers,
  });
  const conversations = new Gauge({
    name: "soudan_conversations_active",
    help: "Conversations with activity within CONVERSATION_RESET_HOURS, by channel and mode (bot, handoff, closed).",
    labelNames: ["channel", "mode"] as const,
    registers,
  });
  const quotaLimit = new Gauge({
    name: "soudan_line_quota_limit_messages",
    help: "The LINE plan's messages this month (absent when the plan sets no limit), as LINE reports it.",
    registers,
  });
  const quotaUsed = new Gauge({
    name: "soudan_line_quota_used_messages",
    help: "Messages counted against the LINE plan this month, as LINE reports it (checked every five minutes).",
    registers,
  });
  const officeIds = deps.config.offices.map((o) => o.id);

  async function readLineQuota(client: LineClient): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), QUOTA_WAIT_MS)));
    const quota = await Promise.race([lineQuota(client, deps.clock).catch(() => undefined), late]);
    clearTimeout(timer);
    if (!quota) return;
    quotaLimit.reset();
    if (quota.limit !== null) quotaLimit.set(quota.limit);
    quotaUsed.set(quota.used);
  }

  async function readStore(): Promise<void> {
    const now = deps.clock();
    const counts = await operationalCounts(deps.store.db, {
      now,
      monthStart: jstInstant(`${jstDate(now).slice(0, 8)}01`),
      activeSince: new Date(now.getTime() - deps.config.CONVERSATION_RESET_HOURS * 3_600_000),
      lineSource: LINE_INBOX_SOURCE,
    });
    const ageOf = (at: Date | null) => (at ? Math.max(0, (now.getTime() - at.getTime()) / 1000) : 0);
    for (const gauge of [bookings, jobs, conversations]) gauge.reset();
    // Every office and status appears, at 0 when empty, so that a series never vanishes under an alert.
    for (const office of officeIds) for (const status of bookingStatuses) bookings.set({ office, status }, 0);
    for (const row of counts.bookings) bookings.set({ office: row.officeId, status: row.status }, row.count);
    const kinds = new Set(counts.outbox.map((r) => r.kind));
    for (const kind of kinds) for (const state of outboxStatuses) jobs.set({ kind, state }, 0);
    for (const row of counts.outbox) jobs.set({ kind: row.kind, state: row.status }, row.count);
    dead.set(counts.outbox.filter((r) => r.status === "dead").reduce((n, r) => n + r.count, 0));
    oldestDue.set(ageOf(counts.oldestDueJobAt));
    pushes.set(counts.linePushesThisMonth);
    backlog.set(counts.inbox.waiting);
    backlogAge.set(ageOf(counts.inbox.oldestAt));
    for (const row of counts.conversations) conversations.set({ channel: row.channel, mode: row.mode }, row.count);
  }

  // Scrapes that arrive together share one reading of the database.
  let reading: Promise<string> | undefined;
  async function scrape(): Promise<string> {
    let read = true;
    // The process's own figures still help when the database does not answer; the rest is left out.
    await Promise.all([readStore().catch(() => (read = false)), deps.lineClient ? readLineQuota(deps.lineClient) : undefined]);
    up.set(read ? 1 : 0);
    const parts = [processRegistry, health, ...(read ? [registry] : [])];
    return (await Promise.all(parts.map((r) => r.metrics()))).join("\n");
  }
  return async () => {
    reading ??= scrape().finally(() => (reading = undefined));
    return { body: await reading, contentType: processRegistry.contentType };
  };
}
