// Per-turn latency of a whole booking conversation through the HTTP API (app.request, the real app
// and store), on PGlite and on PostgreSQL: 40 conversations of 15 turns each (the email code typed
// back included). All come from one client, so the limits per client are lifted here.
// Run: npx tsx bench/chat.bench.ts
// CHAT_CONVERSATIONS=N sets the number of conversations (40 unless set); CHAT_STORES=pglite or
// CHAT_STORES=postgres runs one store only (both unless set). CHAT_CALLGRIND_EVERY=K, when the bench
// runs under `valgrind --tool=callgrind`, dumps the instruction counts (callgrind_control --dump) once the
// app is set up, once more at once (the cost of a dump alone), and after every K conversations, so that
// the count per turn leaves out the start (the WASM database, the migrations); docs/benchmarks.md, issue 14.
// Each store also prints the process CPU time (all threads) per turn after the first 4 conversations.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { desc, like } from "drizzle-orm";
import { loadConfig } from "../src/config.ts";
import { createApp } from "../src/http/app.ts";
import { silentLogger } from "../src/logger.ts";
import { syncCounsellors } from "../src/store/bookings.ts";
import { ensureTermsVersions } from "../src/store/conversations.ts";
import { openStore, type Store } from "../src/store/db.ts";
import { outbox } from "../src/store/schema.ts";
import { freshPostgres } from "./fresh-postgres.ts";
import { isMain, ms, percentile } from "./stats.ts";

const CONVERSATIONS = Number(process.env.CHAT_CONVERSATIONS ?? 40);
const STORES = (process.env.CHAT_STORES ?? "pglite,postgres").split(",");
const CALLGRIND_EVERY = Number(process.env.CHAT_CALLGRIND_EVERY ?? 0);
const now = new Date("2026-11-24T10:00:00+09:00");

/** Process CPU time (all threads, user and system) per request after the first WARM_UP conversations:
 * over all of them, and the median of the conversations' own (less swayed by a busy machine). */
const WARM_UP = 4;
let cpuPerRequest = Number.NaN;
let cpuPerRequestMedian = Number.NaN;

async function run(store: Store): Promise<number[]> {
  const config = loadConfig({
    OFFICES_FILE: "./config/offices.json",
    LOG_LEVEL: "silent",
    REQUESTS_PER_CLIENT: "1000000",
    HOLDS_PER_CLIENT: "1000000",
    EMAIL_CODES_PER_CLIENT_HOUR: "1000000",
  });
  await syncCounsellors(store.db, config.offices);
  await ensureTermsVersions(store.db, config.terms);
  const unlimited = { sessionsPerMinutePerClient: 1e9, messagesPerMinutePerSession: 1e9, messagesPerMinutePerClient: 1e9 };
  const app = createApp({ config, store, logger: silentLogger, clock: () => now, wakeOutbox: () => {}, chatRateLimits: unlimited });
  const samples: number[] = [];
  if (CALLGRIND_EVERY) {
    await callgrindDump("setup");
    await callgrindDump("dump-alone");
  }
  const days = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"];
  const times = ["10:00", "10:30", "11:00", "11:30", "13:00", "13:30", "14:00", "14:30"];
  let cpu = process.cpuUsage();
  const cpuPerConversation: number[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    if (i === WARM_UP) cpu = process.cpuUsage();
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    const created = await app.request("/api/chat/sessions", { method: "POST", body: JSON.stringify({ office: "nagasaki" }) });
    samples.push(performance.now() - t0);
    const { sessionId, token } = (await created.json()) as { sessionId: string; token: string };
    const turns = [
      { choice: "menu:book" },
      { choice: "requester:seeker" },
      { choice: "consent:yes" },
      { text: "長崎 太郎です" },
      { text: `42010-${String(1000000 + i)}` },
      { text: `user${i}@example.jp` },
      { text: `090-1234-${String(1000 + i)}` },
      { choice: "counsellor:none" },
      { text: `${days[i % days.length]!.slice(5).replace("-", "月")}日 ${times[Math.floor(i / days.length) % times.length]}` },
      { text: "事務職の求人について" },
      { choice: "support:none" },
      { choice: "submit" },
      { code: true },
      { choice: "menu:status" },
    ];
    for (const turn of turns) {
      const body = "code" in turn ? { text: await mailedCode(store) } : turn;
      const s = performance.now();
      const res = await app.request(`/api/chat/sessions/${sessionId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      await res.json();
      samples.push(performance.now() - s);
    }
    const cpuUsed = process.cpuUsage(cpuBefore);
    if (i >= WARM_UP) cpuPerConversation.push((cpuUsed.user + cpuUsed.system) / 1000 / 15);
    if (CALLGRIND_EVERY && (i + 1) % CALLGRIND_EVERY === 0) await callgrindDump(`conversations-${i + 2 - CALLGRIND_EVERY}-${i + 1}`);
  }
  const used = process.cpuUsage(cpu);
  cpuPerRequest = (used.user + used.system) / 1000 / ((CONVERSATIONS - WARM_UP) * 15);
  cpuPerRequestMedian = percentile(cpuPerConversation, 50);
  return samples;
}

/** Asks callgrind, which runs this process, to write the counts since its last dump to a file of their own. */
async function callgrindDump(label: string): Promise<void> {
  await promisify(execFile)("callgrind_control", [`--dump=${label}`, String(process.pid)]);
}

/** The code of the latest confirmation mail in the outbox, as the seeker would read it. */
async function mailedCode(store: Store): Promise<string> {
  const [job] = await store.db.select({ payload: outbox.payload }).from(outbox).where(like(outbox.idempotencyKey, "email-code:%")).orderBy(desc(outbox.id)).limit(1);
  return /\b(\d{6})\b/.exec((job?.payload as { mail: { text: string } }).mail.text)![1]!;
}

export async function main(): Promise<void> {
  console.log(`chat API per-turn latency, ${CONVERSATIONS} whole booking conversations (15 turns each)`);
  if (STORES.includes("pglite")) {
    const pglite = await openStore({ memory: true });
    const a = await run(pglite);
    await pglite.close();
    console.log(`  PGlite:     p50 ${ms(percentile(a, 50))}  p95 ${ms(percentile(a, 95))}  p99 ${ms(percentile(a, 99))}  (${a.length} turns)  CPU ${cpuPerRequest.toFixed(3)} ms a turn (median of conversations ${cpuPerRequestMedian.toFixed(3)})`);
  }
  if (STORES.includes("postgres")) {
    const pg = await freshPostgres();
    try {
      const b = await run(pg);
      console.log(`  PostgreSQL: p50 ${ms(percentile(b, 50))}  p95 ${ms(percentile(b, 95))}  p99 ${ms(percentile(b, 99))}  (${b.length} turns)  CPU ${cpuPerRequest.toFixed(3)} ms a turn (median of conversations ${cpuPerRequestMedian.toFixed(3)})`);
    } finally {
      await pg.close();
    }
  }
}

if (isMain(import.meta.url)) await main();
