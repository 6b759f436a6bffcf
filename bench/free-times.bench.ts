// The free days and times the chat lists (「空いている日時から選ぶ」): listFreeDays over one office's whole
// booking window with 5,000 bookings in it, on PGlite and PostgreSQL (issue 15's goal: p95 ≤ 10 ms on
// PostgreSQL, ≤ 20 ms embedded); and a scripted booking through the chat API made by choosing from the
// list versus by typing a wish, in turns and seconds.
// Run: npx tsx bench/free-times.bench.ts
import { desc, like } from "drizzle-orm";
import { findOffice, loadConfig, type Config, type Office } from "../src/config.ts";
import { createApp } from "../src/http/app.ts";
import { addDays, jstDate, jstInstant } from "../src/jst.ts";
import { silentLogger } from "../src/logger.ts";
import { lastBookableDate, slotTimes } from "../src/schedule/index.ts";
import { listFreeDays, syncCounsellors } from "../src/store/bookings.ts";
import { ensureTermsVersions } from "../src/store/conversations.ts";
import { openStore, type Store } from "../src/store/db.ts";
import { bookings, outbox } from "../src/store/schema.ts";
import { freshPostgres } from "./fresh-postgres.ts";
import { isMain, ms, percentile } from "./stats.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const BOOKINGS = 5_000;
const CALLS = 300;
const CONVERSATIONS = 10;

function benchConfig(): Config {
  return loadConfig({
    OFFICES_FILE: "./config/offices.json",
    LOG_LEVEL: "silent",
    REQUESTS_PER_CLIENT: "1000000",
    HOLDS_PER_CLIENT: "1000000",
    EMAIL_CODES_PER_CLIENT_HOUR: "1000000",
  });
}

/**
 * 5,000 rows for one office inside its booking window: 60 % of its counsellors' weekday slots taken by
 * active bookings, the rest of the rows cancelled or expired on the same slots (read by the range, then
 * skipped by status).
 */
async function seed(store: Store, office: Office): Promise<void> {
  let state = 42;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = [];
  const other = [];
  const last = lastBookableDate(office, now);
  for (let date = addDays(jstDate(now), 1); date <= last; date = addDays(date, 1)) {
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    for (const time of slotTimes(office)) {
      for (const c of office.counsellors) {
        const startsAt = jstInstant(date, time);
        const row = { officeId: office.id, counsellorId: c.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), channel: "web" as const };
        if (next() < 0.6) rows.push({ ...row, status: "requested" as const });
        else other.push(row);
      }
    }
  }
  for (let i = 0; rows.length < BOOKINGS; i++) rows.push({ ...other[i % other.length]!, status: (i % 2 ? "cancelled" : "expired") as "cancelled" | "expired" });
  const values = rows.map((r, i) => ({ ...r, reference: `F-${i}` }));
  for (let k = 0; k < values.length; k += 500) await store.db.insert(bookings).values(values.slice(k, k + 500));
}

async function listLatency(store: Store, office: Office): Promise<{ p50: number; p95: number; days: number; slots: number; dayP50: number; dayP95: number }> {
  const whole: number[] = [];
  const oneDay: number[] = [];
  let days = 0;
  let slots = 0;
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    const free = await listFreeDays(store.db, { office, now });
    whole.push(performance.now() - t0);
    days = free.length;
    slots = free.reduce((n, d) => n + d.slots.length, 0);
    const date = free[i % free.length]!.date;
    const t1 = performance.now();
    await listFreeDays(store.db, { office, now, dates: { from: date, to: date } });
    oneDay.push(performance.now() - t1);
  }
  return { p50: percentile(whole, 50), p95: percentile(whole, 95), days, slots, dayP50: percentile(oneDay, 50), dayP95: percentile(oneDay, 95) };
}

type Step = { choice: string } | { text: string } | { tapFirst: RegExp } | { code: true };

/** One booking through the chat API; returns the turns taken and the seconds the server spent on them. */
async function book(store: Store, config: Config, i: number, how: "list" | "typed"): Promise<{ turns: number; seconds: number }> {
  const unlimited = { sessionsPerMinutePerClient: 1e9, messagesPerMinutePerSession: 1e9, messagesPerMinutePerClient: 1e9 };
  const app = createApp({ config, store, logger: silentLogger, clock: () => now, wakeOutbox: () => {}, chatRateLimits: unlimited });
  let spent = 0;
  let turns = 0;
  const t0 = performance.now();
  const created = await app.request("/api/chat/sessions", { method: "POST", body: JSON.stringify({ office: "nagasaki" }) });
  spent += performance.now() - t0;
  const { sessionId, token } = (await created.json()) as { sessionId: string; token: string };
  let last: { text: string; choices?: { label: string; value: string }[] }[] = [];
  const post = async (body: Record<string, unknown>) => {
    const s = performance.now();
    const res = await app.request(`/api/chat/sessions/${sessionId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    last = ((await res.json()) as { messages: typeof last }).messages;
    spent += performance.now() - s;
    turns++;
  };
  const choices = () => last.flatMap((m) => m.choices ?? []);
  const before: Step[] = [
    { choice: "menu:book" },
    { choice: "requester:seeker" },
    { choice: "consent:yes" },
    { text: "長崎 太郎です" },
    { text: `42010-${String(2000000 + i)}` },
    { text: `free${how}${i}@example.jp` },
    { text: `090-2345-${String(1000 + i)}` },
    { choice: "counsellor:none" },
  ];
  // Typing: the wish most people write first (next Tuesday 14:00); on a busy calendar it is often
  // taken, and the seeker taps the first time offered instead.
  const when: Step[] = how === "list" ? [{ choice: "free:days" }, { tapFirst: /空き/ }, { tapFirst: /～/ }] : [{ text: "12月1日 14時" }];
  for (const step of [...before, ...when]) await run(step);
  if (!last.some((m) => m.text.includes("仮押さえしました"))) await run({ tapFirst: /\d+\/\d+/ });
  if (!last.some((m) => m.text.includes("仮押さえしました"))) throw new Error(`no time was held: ${JSON.stringify(last)}`);
  for (const step of [{ text: "事務職の求人について" }, { choice: "support:none" }, { choice: "submit" }, { code: true }] as Step[]) await run(step);
  if (!last.some((m) => /予約番号は/.test(m.text))) throw new Error(`not booked: ${JSON.stringify(last)}`);
  return { turns, seconds: spent / 1000 };

  async function run(step: Step): Promise<void> {
    if ("code" in step) return post({ text: await mailedCode(store) });
    if ("tapFirst" in step) {
      const found = choices().find((c) => step.tapFirst.test(c.label));
      if (!found) throw new Error(`no choice ${step.tapFirst} among ${JSON.stringify(choices())}`);
      return post({ choice: found.value });
    }
    return post(step);
  }
}

async function mailedCode(store: Store): Promise<string> {
  const [job] = await store.db.select({ payload: outbox.payload }).from(outbox).where(like(outbox.idempotencyKey, "email-code:%")).orderBy(desc(outbox.id)).limit(1);
  return /\b(\d{6})\b/.exec((job?.payload as { mail: { text: string } }).mail.text)![1]!;
}

async function scripted(store: Store, config: Config): Promise<string> {
  const out: string[] = [];
  for (const how of ["list", "typed"] as const) {
    const runs = [];
    for (let i = 0; i < CONVERSATIONS; i++) runs.push(await book(store, config, how === "list" ? i : 100 + i, how));
    const turns = runs.map((r) => r.turns);
    const seconds = runs.map((r) => r.seconds);
    out.push(`${how === "list" ? "from the list" : "typed"}: turns ${Math.min(...turns)}–${Math.max(...turns)} (mean ${(turns.reduce((a, b) => a + b, 0) / turns.length).toFixed(1)}), server time p50 ${(percentile(seconds, 50) * 1000).toFixed(0)} ms per booking`);
  }
  return out.join("; ");
}

async function measure(store: Store, label: string): Promise<void> {
  const config = benchConfig();
  const office = findOffice(config, "nagasaki")!;
  await syncCounsellors(store.db, config.offices);
  await ensureTermsVersions(store.db, config.terms);
  await seed(store, office);
  const r = await listLatency(store, office);
  console.log(`  ${label} whole window: p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  (${r.days} days, ${r.slots} free slots)   one day's times: p50 ${ms(r.dayP50)}  p95 ${ms(r.dayP95)}`);
  console.log(`  ${label} scripted booking, ${CONVERSATIONS} each: ${await scripted(store, config)}`);
}

export async function main(): Promise<void> {
  console.log(`listFreeDays, office nagasaki, its whole booking window, ${BOOKINGS.toLocaleString("en")} bookings (60 % of its slots active, the rest cancelled or expired), ${CALLS} calls`);
  const pglite = await openStore({ memory: true });
  await measure(pglite, "PGlite:    ");
  await pglite.close();
  const pg = await freshPostgres();
  try {
    await measure(pg, "PostgreSQL:");
  } finally {
    await pg.close();
  }
}

if (isMain(import.meta.url)) await main();
