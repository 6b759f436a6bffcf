// What the metrics cost: a /metrics scrape with 5,000 bookings (and 5,000 outbox jobs) on PGlite and
// PostgreSQL, and the per-request work the metrics add to a chat turn and to a LINE acknowledgement,
// against the median of each measured here.
// Run: npx tsx bench/metrics.bench.ts
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config.ts";
import { createApp } from "../src/http/app.ts";
import { silentLogger } from "../src/logger.ts";
import { httpDuration, httpRequests, lineApiCalls, lineEventsHandled, lineWebhookEvents } from "../src/metrics/registry.ts";
import { syncCounsellors } from "../src/store/bookings.ts";
import { ensureTermsVersions } from "../src/store/conversations.ts";
import { openStore, type Store } from "../src/store/db.ts";
import { freshPostgres } from "./fresh-postgres.ts";
import { isMain, ms, percentile } from "./stats.ts";

const BOOKINGS = 5_000;
const SCRAPES = 40;
const now = new Date("2026-11-24T10:00:00+09:00");
const config = loadConfig({ OFFICES_FILE: "./config/offices.json", LOG_LEVEL: "silent" });

/** 5,000 bookings on distinct slots over the three offices' counsellors, in every status, and 5,000 outbox jobs. */
async function fill(store: Store): Promise<void> {
  await syncCounsellors(store.db, config.offices);
  await ensureTermsVersions(store.db, config.terms);
  await store.db.execute(sql.raw(`
    insert into bookings (reference, office_id, counsellor_id, status, starts_at, ends_at, channel, name, email, seeker_number)
    select 'BN-' || lpad(i::text, 6, '0'), c.office_id, c.id,
           (array['held','expired','requested','confirmed','attended','no_show','cancelled','rejected'])[1 + i % 8],
           timestamptz '2025-01-06 01:00:00+00' + (i / 3) * interval '30 minutes',
           timestamptz '2025-01-06 01:30:00+00' + (i / 3) * interval '30 minutes',
           'web', '長崎 太郎', 'taro@example.jp', '42010-' || lpad(i::text, 7, '0')
    from generate_series(1, ${BOOKINGS}) as i
    join lateral (select id, office_id from counsellors order by id offset (i % (select count(*) from counsellors)) limit 1) c on true`));
  await store.db.execute(sql.raw(`
    insert into outbox (kind, idempotency_key, payload, status, run_at, finished_at)
    select (array['mail.send','line.push','staff.webhook','chat.post'])[1 + i % 4], 'bench-' || i, '{}'::jsonb,
           (array['pending','done','done','dead'])[1 + i % 4], now() - interval '1 minute', case when i % 4 in (1, 2, 3) then now() end
    from generate_series(1, ${BOOKINGS}) as i`));
}

async function scrapeCost(store: Store): Promise<number[]> {
  await fill(store);
  const app = createApp({ config, store, logger: silentLogger, clock: () => now, wakeOutbox: () => {} });
  const samples: number[] = [];
  for (let i = 0; i < SCRAPES + 5; i++) {
    const t0 = performance.now();
    const res = await app.request("/metrics");
    await res.text();
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return samples;
}

/** Median time of the counting a chat turn (one request) and a LINE acknowledgement (a request, two event counts) add. */
function perRequestWork(): { chatTurnUs: number; lineAckUs: number } {
  const rounds = 200_000;
  const time = (work: (i: number) => void) => {
    for (let i = 0; i < 10_000; i++) work(i);
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) work(i);
    return ((performance.now() - t0) / rounds) * 1000;
  };
  const chatTurnUs = time((i) => {
    const started = performance.now();
    httpRequests.inc({ method: "POST", route: "/api/chat/sessions/:id/messages", status: "200" });
    httpDuration.observe({ method: "POST", route: "/api/chat/sessions/:id/messages" }, (performance.now() - started + (i % 7)) / 1000);
  });
  const lineAckUs = time((i) => {
    const started = performance.now();
    lineWebhookEvents.inc({ result: "stored" }, 1);
    lineWebhookEvents.inc({ result: "redelivered" }, 0);
    httpRequests.inc({ method: "POST", route: "/line/webhook", status: "200" });
    httpDuration.observe({ method: "POST", route: "/line/webhook" }, (performance.now() - started + (i % 7)) / 1000);
    // Answering the event afterwards counts once more, and the reply call once.
    lineEventsHandled.inc({ outcome: "done" });
    lineApiCalls.inc({ endpoint: "reply", outcome: "ok" });
  });
  return { chatTurnUs, lineAckUs };
}

/** The median chat turn of a booking conversation and the median LINE acknowledgement, on PGlite. */
async function requestMedians(): Promise<{ chatTurnMs: number; lineAckMs: number }> {
  const store = await openStore({ memory: true });
  try {
    await syncCounsellors(store.db, config.offices);
    await ensureTermsVersions(store.db, config.terms);
    const unlimited = { sessionsPerMinutePerClient: 1e9, messagesPerMinutePerSession: 1e9, messagesPerMinutePerClient: 1e9 };
    const lineConfig = { ...config, LINE_CHANNEL_SECRET: "bench-secret", LINE_CHANNEL_ACCESS_TOKEN: "bench-token", LINE_API_BASE_URL: "http://127.0.0.1:9" };
    const app = createApp({ config: lineConfig, store, logger: silentLogger, clock: () => now, wakeOutbox: () => {}, chatRateLimits: unlimited });
    const turns: number[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await app.request("/api/chat/sessions", { method: "POST", body: JSON.stringify({ office: "nagasaki" }) });
      const { sessionId, token } = (await created.json()) as { sessionId: string; token: string };
      for (const body of [{ choice: "menu:book" }, { choice: "requester:seeker" }, { choice: "consent:yes" }, { text: "長崎 太郎です" }, { text: `42010-${1000000 + i}` }]) {
        const t0 = performance.now();
        const res = await app.request(`/api/chat/sessions/${sessionId}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
        await res.json();
        turns.push(performance.now() - t0);
      }
    }
    const { createHmac } = await import("node:crypto");
    const acks: number[] = [];
    for (let i = 0; i < 200; i++) {
      const body = JSON.stringify({
        destination: "Ubench",
        events: [{ type: "follow", mode: "active", timestamp: now.getTime(), source: { type: "user", userId: `U${String(i).padStart(32, "0")}` }, webhookEventId: `01BENCH${i}`, deliveryContext: { isRedelivery: false }, follow: { isUnblocked: false } }],
      });
      const signature = createHmac("sha256", "bench-secret").update(body).digest("base64");
      const t0 = performance.now();
      const res = await app.request("/line/webhook", { method: "POST", headers: { "content-type": "application/json", "x-line-signature": signature }, body });
      await res.text();
      acks.push(performance.now() - t0);
    }
    return { chatTurnMs: percentile(turns, 50), lineAckMs: percentile(acks, 50) };
  } finally {
    await store.close();
  }
}

export async function main(): Promise<void> {
  console.log(`GET /metrics with ${BOOKINGS} bookings and ${BOOKINGS} outbox jobs (${SCRAPES} scrapes after 5 warm-up)`);
  const pglite = await openStore({ memory: true });
  const a = await scrapeCost(pglite);
  await pglite.close();
  console.log(`  PGlite:     p50 ${ms(percentile(a, 50))}  p95 ${ms(percentile(a, 95))}`);
  const pg = await freshPostgres();
  try {
    const b = await scrapeCost(pg);
    console.log(`  PostgreSQL: p50 ${ms(percentile(b, 50))}  p95 ${ms(percentile(b, 95))}`);
  } finally {
    await pg.close();
  }
  const work = perRequestWork();
  const medians = await requestMedians();
  console.log("what the metrics add to a request (counting and timing, mean of 200,000 rounds) against the request's median (PGlite)");
  console.log(`  chat turn:            ${work.chatTurnUs.toFixed(2)} µs of ${ms(medians.chatTurnMs)} = ${((work.chatTurnUs / 1000 / medians.chatTurnMs) * 100).toFixed(3)} %`);
  console.log(`  LINE acknowledgement: ${work.lineAckUs.toFixed(2)} µs of ${ms(medians.lineAckMs)} = ${((work.lineAckUs / 1000 / medians.lineAckMs) * 100).toFixed(3)} %`);
}

if (isMain(import.meta.url)) await main();
