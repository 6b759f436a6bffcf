// How fast the LINE webhook acknowledges, beside a bare node:http server that only checks the HMAC,
// at 200 and 500 signed events a second over loopback sockets, with PostgreSQL behind the app; and
// how many events a second the processor answers end to end (turn, reply to the fake LINE).
// The load comes from a worker thread (its own event loop), open loop: a slow answer does not slow
// the sending. One event per request, as LINE mostly sends them.
// Run: npx tsx bench/line-webhook.bench.ts   (DATABASE_URL or TEST_DATABASE_URL: a PostgreSQL server;
// a database of its own is made and dropped)
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { serve, type ServerType } from "@hono/node-server";
import postgres from "postgres";
import { lineRuntimeOf } from "../src/bot/line/runtime.ts";
import { signLineBody, verifyLineSignature } from "../src/bot/line/signature.ts";
import { loadConfig } from "../src/config.ts";
import { createApp, type AppDeps } from "../src/http/app.ts";
import { silentLogger } from "../src/logger.ts";
import { syncCounsellors } from "../src/store/bookings.ts";
import { ensureTermsVersions } from "../src/store/conversations.ts";
import { openStore } from "../src/store/db.ts";
import { FAKE_BOT_DESTINATION, lineUserId, postbackEvent, startFakeLinePlatform, textEvent, type FakeLine } from "../test/fakes/line-platform/index.ts";

const SECRET = "bench-channel-secret";
const SECONDS = 5;
const USERS = 400;

// The load generator: sends pre-signed bodies at a fixed rate on keep-alive sockets, times each answer.
const loadWorker = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { url, bodies, rate, concurrency } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let failed = 0, done = 0, sent = 0;
const start = performance.now();
function send(item) {
  const t0 = performance.now();
  const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent,
    headers: { "content-type": "application/json; charset=utf-8", "x-line-signature": item.signature, "content-length": Buffer.byteLength(item.body) } },
    (res) => { res.resume(); res.on("end", () => { if (res.statusCode === 200) latencies.push(performance.now() - t0); else failed++; finish(); }); });
  req.on("error", () => { failed++; finish(); });
  req.end(item.body);
}
function finish() { if (++done === bodies.length) parentPort.postMessage({ latencies, failed, elapsedMs: performance.now() - start }); }
const timer = setInterval(() => {
  const due = Math.min(bodies.length, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
  while (sent < due) send(bodies[sent++]);
  if (sent >= bodies.length) clearInterval(timer);
}, 2);
`;

interface LoadResult {
  latencies: number[];
  failed: number;
  elapsedMs: number;
}

function runLoad(url: string, bodies: { body: string; signature: string }[], rate: number, concurrency = 256): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(loadWorker, { eval: true, workerData: { url, bodies, rate, concurrency } });
    worker.once("message", (result: LoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summary(result: LoadResult) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { n: sorted.length, failed: result.failed, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) };
}

let sequence = 0;
/** Signed bodies of one event each, from many users, with reply tokens the fake will accept. */
function makeBodies(fake: FakeLine, count: number, eventsPerBody = 1): { body: string; signature: string }[] {
  const out: { body: string; signature: string }[] = [];
  for (let i = 0; i < count; i++) {
    const events = [];
    for (let j = 0; j < eventsPerBody; j++) {
      const n = sequence++;
      const userId = lineUserId(`bench-${n % USERS}`);
      const event = n % 2 === 0 ? textEvent(userId, "よくある質問") : postbackEvent(userId, "c=faq:cost");
      events.push({ ...event, replyToken: fake.issueReplyToken(userId) });
    }
    const body = JSON.stringify({ destination: FAKE_BOT_DESTINATION, events });
    out.push({ body, signature: signLineBody(body, SECRET) });
  }
  return out;
}

function bareServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const ok = verifyLineSignature(body, req.headers["x-line-signature"] as string | undefined, SECRET);
      res.writeHead(ok ? 200 : 401, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `soudan_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(base, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export async function main() {
  const fake = await startFakeLinePlatform();
  const database = await benchDatabase();
  const store = await openStore({ databaseUrl: database.url, maxConnections: 12 });
  const config = loadConfig({
    OFFICES_FILE: process.env.OFFICES_FILE ?? "./config/offices.json",
    LOG_LEVEL: "silent",
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.baseUrl,
  });
  await syncCounsellors(store.db, config.offices);
  await ensureTermsVersions(store.db, config.terms);
  const deps: AppDeps = { config, store, logger: silentLogger, clock: () => new Date(), wakeOutbox: () => {} };
  const line = lineRuntimeOf(deps)!;
  const app = createApp(deps);
  const appServer: ServerType = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => appServer.once("listening", () => resolve()));
  line.processor.start();
  const bare = await bareServer();
  const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/line/webhook`;
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/line/webhook`;

  const ack: Record<string, ReturnType<typeof summary> & { loopDelayP99?: number }> = {};
  try {
    // Warm both up (JIT, connection pools, the users' conversations).
    await runLoad(bareUrl, makeBodies(fake, 200), 200);
    await runLoad(appUrl, makeBodies(fake, USERS), 200);
    await line.processor.idle();

    for (const rate of [200, 500]) {
      ack[`bare node:http @${rate}/s`] = summary(await runLoad(bareUrl, makeBodies(fake, rate * SECONDS), rate));
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      ack[`app /line/webhook @${rate}/s`] = { ...summary(await runLoad(appUrl, makeBodies(fake, rate * SECONDS), rate)), loopDelayP99: Math.round(loop.percentile(99) / 1e4) / 100 };
      loop.disable();
      await line.processor.idle();
    }
    // The same with the processor paused: what storing alone costs.
    await line.processor.stop();
    ack["app, processor paused @500/s"] = summary(await runLoad(appUrl, makeBodies(fake, 500 * SECONDS), 500));
    line.processor.start();
    await line.processor.idle();

    // End to end: a burst stored as fast as the webhook takes it, then answered by the processor.
    const burst = 3000;
    const requestsBefore = fake.requests.length;
    const started = performance.now();
    const stored = await runLoad(appUrl, makeBodies(fake, burst / 10, 10), 1_000, 16);
    await line.processor.idle();
    const elapsed = (performance.now() - started) / 1000;
    const replies = fake.requests.slice(requestsBefore).filter((r) => r.path === "/v2/bot/message/reply" && r.status === 200).length;

    const result = {
      ack,
      endToEnd: {
        events: burst,
        storedFailures: stored.failed,
        replied: replies,
        seconds: Math.round(elapsed * 100) / 100,
        eventsPerSecond: Math.round(burst / elapsed),
      },
    };
    console.log("LINE webhook acknowledgement latency (ms), PostgreSQL, loopback:");
    console.table(ack);
    console.log(`End to end: ${burst} events answered in ${result.endToEnd.seconds} s = ${result.endToEnd.eventsPerSecond} events/s (${replies} replies)`);
    return result;
  } finally {
    await line.processor.stop();
    appServer.close();
    (appServer as { closeAllConnections?: () => void }).closeAllConnections?.();
    bare.closeAllConnections();
    bare.close();
    await fake.close();
    await store.close();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
