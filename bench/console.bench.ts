// The staff console with 5,000 bookings: how long the server takes to answer its pages (p50/p95, one
// request at a time over a loopback socket), beside a bare node:http server that sends the same bytes
// from memory; how many bytes each page weighs with its script and styles, gzipped; and how long a
// request committed elsewhere takes to show in a queue page open in Chromium.
// The app runs as `npm start` runs it, in a process of its own, on the embedded store or PostgreSQL;
// the bare peer runs in another; the load comes from this process.
// Run: npx tsx bench/console.bench.ts [pglite|postgres ...]   (postgres: BENCH_DATABASE_URL or TEST_DATABASE_URL)
import { fork } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { loadConfig } from "../src/config.ts";
import { addDays, jstDate, jstInstant, timeOf } from "../src/jst.ts";
import { syncCounsellors } from "../src/store/bookings.ts";
import { ensureTermsVersions } from "../src/store/conversations.ts";
import { openStore, type Store } from "../src/store/db.ts";
import { bookings, bookingStatuses } from "../src/store/schema.ts";
import { createStaff } from "../src/store/staff.ts";
import { startProcess } from "../test/helpers/process.ts";
import { freshPostgres } from "./fresh-postgres.ts";
import { isMain, ms, percentile } from "./stats.ts";

const BOOKINGS = 5_000;
const SAMPLES = 200;
const PASSWORD = "bench console passphrase 2026";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** 5,000 bookings over the past and coming months, every office and counsellor, every status. */
async function seed(store: Store): Promise<void> {
  const config = loadConfig({ OFFICES_FILE: "./config/offices.json", LOG_LEVEL: "silent" });
  await syncCounsellors(store.db, config.offices);
  await ensureTermsVersions(store.db, config.terms);
  const counsellors = config.offices.flatMap((o) => o.counsellors.map((c) => ({ office: o.id, id: c.id, from: o.window.from })));
  const statuses = bookingStatuses.filter((s) => s !== "held");
  const today = jstDate(new Date());
  const rows: (typeof bookings.$inferInsert)[] = [];
  for (let i = 0; rows.length < BOOKINGS; i++) {
    const c = counsellors[i % counsellors.length]!;
    const slot = Math.floor(i / counsellors.length);
    const date = addDays(today, Math.floor(slot / 12) - 52);
    const [h, m] = c.from.split(":").map(Number) as [number, number];
    const startsAt = jstInstant(date, timeOf(h * 60 + m + (slot % 12) * 30));
    const status = statuses[i % statuses.length]!;
    rows.push({
      reference: `BN-${String(i).padStart(6, "0")}`,
      officeId: c.office,
      counsellorId: c.id,
      status,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      channel: i % 2 ? "web" : "line",
      name: `求職 太郎${i}`,
      seekerNumber: `42010-${String(1_000_000 + i)}`,
      email: `seeker${i}@example.jp`,
      phone: `090-0000-${String(i % 10_000).padStart(4, "0")}`,
      topic: "事務職の求人について",
      createdAt: new Date(startsAt.getTime() - 3 * 86_400_000),
      updatedAt: new Date(startsAt.getTime() - 3 * 86_400_000),
    });
  }
  for (let i = 0; i < rows.length; i += 500) await store.db.insert(bookings).values(rows.slice(i, i + 500));
  await createStaff(store.db, { email: "admin@example.jp", password: PASSWORD, officeId: null, role: "admin", now: new Date() });
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/staff/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "admin@example.jp", password: PASSWORD }).toString(),
  });
  const cookie = /console_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

async function time(url: string, cookie: string): Promise<{ ms: number; body: string; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  return { ms: performance.now() - t0, body, status: res.status };
}

/** The same bytes sent by a bare node:http server in a process of its own: the floor of this machine. */
async function startBarePeer(body: string): Promise<{ url: string; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "bare-peer-"));
  writeFileSync(join(dir, "page.html"), body);
  writeFileSync(
    join(dir, "peer.cjs"),
    `const http=require("node:http");const fs=require("node:fs");const body=fs.readFileSync(${JSON.stringify(join(dir, "page.html"))});
http.createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8"});s.end(body)}).listen(0,"127.0.0.1",function(){process.send(this.address().port)});`,
  );
  const child = fork(join(dir, "peer.cjs"), { stdio: "ignore" });
  const port = await new Promise<number>((resolve) => child.once("message", (p) => resolve(Number(p))));
  return { url: `http://127.0.0.1:${port}/`, close: () => (child.kill(), rmSync(dir, { recursive: true, force: true })) };
}

async function run(kind: "pglite" | "postgres"): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "console-bench-"));
  let pg: Awaited<ReturnType<typeof freshPostgres>> | undefined;
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: "info" };
  if (kind === "postgres") {
    pg = await freshPostgres();
    await seed(pg);
    env.DATABASE_URL = pg.url;
  } else {
    const store = await openStore({ dataDir });
    await seed(store);
    await store.close();
  }
  const port = await freePort();
  const server = startProcess([], { ...env, PORT: String(port) });
  await server.waitFor('"listening"', 60_000);
  const url = `http://127.0.0.1:${port}`;
  try {
    const cookie = await signIn(url);
    const ids = (await (await fetch(`${url}/api/staff/bookings?limit=500&status=requested,confirmed`, { headers: { cookie: cookie.replace("console_session", "staff_session") } })).json().catch(() => ({ bookings: [] }))) as { bookings?: { id: string }[] };
    const bookingIds = ids.bookings?.map((b) => b.id) ?? [];
    const monday = (() => {
      let d = jstDate(new Date());
      while (new Date(jstInstant(d, "12:00")).getUTCDay() !== 1) d = addDays(d, 1);
      return d;
    })();
    const pages: [string, () => string][] = [
      ["queue (requested, all offices)", () => `${url}/staff`],
      ["booking list (all statuses from today)", () => `${url}/staff/bookings`],
      ["calendar week, one office", () => `${url}/staff/calendar?office=nagasaki&view=week&date=${monday}`],
      ["booking page", () => `${url}/staff/bookings/${bookingIds[Math.floor(Math.random() * bookingIds.length)]}`],
    ];
    console.log(`\n${kind}: ${BOOKINGS} bookings; ${SAMPLES} requests a page, one at a time`);
    const css = await (await fetch(`${url}/staff/assets/console.css`)).text();
    const js = await (await fetch(`${url}/staff/assets/console.js`)).text();
    const gz = (text: string) => gzipSync(Buffer.from(text)).length;
    for (const [name, path] of pages) {
      const first = await time(path(), cookie);
      if (first.status !== 200) {
        console.log(`  ${name}: answered ${first.status}, not measured`);
        continue;
      }
      for (let i = 0; i < 20; i++) await time(path(), cookie);
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) samples.push((await time(path(), cookie)).ms);
      const peer = await startBarePeer(first.body);
      const peerSamples: number[] = [];
      for (let i = 0; i < 20; i++) await time(peer.url, "");
      for (let i = 0; i < SAMPLES; i++) peerSamples.push((await time(peer.url, "")).ms);
      peer.close();
      const bytes = gz(first.body) + gz(css) + gz(js);
      console.log(
        `  ${name.padEnd(40)} p50 ${ms(percentile(samples, 50))}  p95 ${ms(percentile(samples, 95))}   bare peer p50 ${ms(percentile(peerSamples, 50))} p95 ${ms(percentile(peerSamples, 95))}   gzipped with css+js ${(bytes / 1024).toFixed(1)} KB (page ${(gz(first.body) / 1024).toFixed(1)} KB)`,
      );
    }
    if (existsSync("/usr/bin/chromium")) await liveDelay(url, cookie);
  } finally {
    server.child.kill("SIGTERM");
    await server.exit;
    await pg?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** From a booking's commit (the staff API's answer) to its row in a queue page open in Chromium. */
async function liveDelay(url: string, cookie: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext();
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    // The queue is oldest first: a view searching for the phone requests shows the new ones on its first page.
    await page.goto(`${url}/staff?office=nagasaki&q=${encodeURIComponent("電話 予約")}`);
    await page.waitForSelector("main[data-live]");
    await page.waitForTimeout(1500);
    const delays: number[] = [];
    let date = addDays(jstDate(new Date()), 2);
    for (let i = 0; delays.length < 10 && i < 60; i++) {
      date = addDays(date, 1);
      const startsAt = `${date}T11:00:00+09:00`;
      const res = await fetch(`${url}/api/staff/bookings`, {
        method: "POST",
        headers: { cookie: cookie.replace("console_session", "staff_session"), "content-type": "application/json" },
        body: JSON.stringify({ office: "nagasaki", startsAt, name: "電話 予約", email: "phone@example.jp", phone: "095-000-0000", topic: "電話での申込み" }),
      });
      if (res.status !== 201) continue;
      const committed = performance.now();
      const { booking } = (await res.json()) as { booking: { id: string } };
      await page.waitForSelector(`tr[data-id="${booking.id}"]`, { timeout: 10_000 });
      delays.push(performance.now() - committed);
    }
    console.log(`  commit → row in an open queue page: ${delays.length} requests, p50 ${ms(percentile(delays, 50))}, max ${ms(Math.max(...delays))} (pages ask every 1 s)`);
  } finally {
    await browser.close();
  }
}

export async function main(kinds = process.argv.slice(2)): Promise<void> {
  const chosen = (kinds.length ? kinds : ["pglite", "postgres"]) as ("pglite" | "postgres")[];
  for (const kind of chosen) await run(kind);
}

if (isMain(import.meta.url)) await main();
