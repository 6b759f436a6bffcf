// suggestSlots with the database: 3 offices × 60 days with 5,000 existing bookings, each call reading
// its context from the store (as the bot does), on PGlite and PostgreSQL; and booking throughput under
// contention on PostgreSQL (many users after few slots).
// Run: npx tsx bench/schedule.bench.ts
import { loadConfig, type Office } from "../src/config.ts";
import { addDays, jstDate, jstInstant } from "../src/jst.ts";
import { slotTimes } from "../src/schedule/index.ts";
import { holdSlot, suggest, syncCounsellors } from "../src/store/bookings.ts";
import { openStore, type Store } from "../src/store/db.ts";
import { bookings } from "../src/store/schema.ts";
import { freshPostgres } from "./fresh-postgres.ts";
import { isMain, ms, percentile } from "./stats.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const limits = { activeLimit: 1, noShowLimit: 2, noShowWindowDays: 180 };

function withHorizon(offices: Office[]): Office[] {
  return offices.map((o) => ({ ...o, horizonDays: 60 }));
}

/**
 * 5,000 bookings over the 60 days: about 60 % of the weekday slots taken by active bookings, the
 * rest of the rows cancelled or expired (they stay in the table and must be skipped).
 */
async function seed(store: Store, offices: Office[], count: number): Promise<void> {
  await syncCounsellors(store.db, offices);
  let state = 42;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = [];
  const free = [];
  for (let day = 1; day <= 60; day++) {
    const date = addDays(jstDate(now), day);
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    for (const office of offices) {
      for (const time of slotTimes(office)) {
        for (const c of office.counsellors) {
          const startsAt = jstInstant(date, time);
          const row = { officeId: office.id, counsellorId: c.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), channel: "web" as const };
          if (next() < 0.6) rows.push({ ...row, status: "requested" as const });
          else free.push(row);
        }
      }
    }
  }
  for (let i = 0; rows.length < count; i++) rows.push({ ...free[i % free.length]!, status: (i % 2 ? "cancelled" : "expired") as "cancelled" | "expired" });
  const values = rows.map((r, i) => ({ ...r, reference: `B-${i}` }));
  for (let k = 0; k < values.length; k += 500) await store.db.insert(bookings).values(values.slice(k, k + 500));
}

async function suggestLatency(store: Store, offices: Office[]): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const office = offices[i % offices.length]!;
    const date = addDays(jstDate(now), 1 + (i % 55));
    const t0 = performance.now();
    await suggest(store.db, { office, now, wish: { kind: "window", date, from: "13:00", to: "17:00" }, n: 6 });
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

export async function main(): Promise<void> {
  const offices = withHorizon(loadConfig({ OFFICES_FILE: "./config/offices.json" }).offices);
  console.log("suggestSlots with the database: 3 offices × 60 days, 5,000 bookings (60 % of weekday slots taken, the rest cancelled or expired), 300 calls");
  const pglite = await openStore({ memory: true });
  await seed(pglite, offices, 5_000);
  const a = await suggestLatency(pglite, offices);
  console.log(`  PGlite:     p50 ${ms(a.p50)}  p99 ${ms(a.p99)}`);
  await pglite.close();

  const pg = await freshPostgres(20);
  try {
    await seed(pg, offices, 5_000);
    const b = await suggestLatency(pg, offices);
    console.log(`  PostgreSQL: p50 ${ms(b.p50)}  p99 ${ms(b.p99)}`);

    // Contention: 1,000 users, 20 at a time, each after one of 10 slots on one day.
    const nagasaki = offices[0]!;
    const date = addDays(jstDate(now), 7);
    const starts = slotTimes(nagasaki).slice(0, 10).map((t) => jstInstant(date, t));
    await pg.db.delete(bookings);
    let ok = 0;
    let full = 0;
    const t0 = performance.now();
    for (let wave = 0; wave < 50; wave++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          holdSlot(pg.db, {
            office: nagasaki,
            startsAt: starts[(wave * 20 + i) % starts.length]!,
            conversationId: crypto.randomUUID(),
            channel: "web",
            now,
            holdMinutes: 10,
            limits,
            actor: "bench",
            alternatives: 3,
          }),
        ),
      );
      for (const r of results) (r.ok ? ok++ : full++);
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`  contention on PostgreSQL: 1,000 hold attempts on 10 slots, 20 at a time: ${(1000 / seconds).toFixed(0)} attempts/s, ${ok} held, ${full} refused with alternatives`);
  } finally {
    await pg.close();
  }
}

if (isMain(import.meta.url)) await main();
