// How fast the LINE webhook acknowledges, beside a bare node:http server that only checks the HMAC,
// at 100, 200 and 500 signed events a second over loopback sockets; and how many events a second are
// answered end to end (turn, reply to the fake LINE).
// The app runs as `npm start` runs it, in processes of its own: on PostgreSQL answering the events
// itself (LINE_PROCESSOR=inline, the default), or storing them only while `npm run line-worker`
// answers them (LINE_PROCESSOR=off), with the worker at normal priority and at its default nice 10;
// and on the embedded store (PGlite in DATA_DIR, no DATABASE_URL), where it can only answer them itself.
// The load comes from a worker thread (its own event loop), open loop: a slow answer does not slow
// the sending. One event per request, as LINE mostly sends them.
// With 2 and 4 workers they share the users (src/store/partitions.ts): the end-to-end rate shows the scaling.
// Run: npx tsx bench/line-webhook.bench.ts [inline|nice0|nice10|none|embedded|workers2|workers4 ...]   (DATABASE_URL or TEST_DATABASE_URL:
// a PostgreSQL server; a database of its own is made and dropped)
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import postgres from "postgres";
import { signLineBody, verifyLineSignature } from "../src/bot/line/signature.ts";
import { FAKE_BOT_DESTINATION, lineUserId, postbackEvent, startFakeLinePlatform, textEvent, type FakeLine } from "../test/fakes/line-platform/index.ts";
import { startProcess, type RunningProcess } from "../test/helpers/process.ts";

const SECRET = "bench-channel-secret";
const SECONDS = 5;
const USERS = 400;
const RATES = [100, 200, 500];

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

/** CPU time a process has used so far, in ms (Linux: /proc, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  try {
    // The fields after the command's closing parenthesis; utime and stime are the 12th and 13th of them.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The server processes of PostgreSQL serving the bench's database now. */
async function backendPids(databaseUrl: string): Promise<number[]> {
  const probe = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await probe<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
    return rows.map((r) => r.pid);
  } finally {
    await probe.end();
  }
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the server did not become ready");
}

async function stopProcess(p: RunningProcess): Promise<void> {
  p.child.kill("SIGTERM");
  if ((await p.exit) !== 0) throw new Error(`a process did not stop cleanly:\n${p.output()}`);
}

// "storing only" stores the events and nobody answers them: the floor of the acknowledgement alone.
const setups = [
  "inline",
  "separate, worker at nice 0",
  "separate, worker at nice 10 (its default)",
  "storing only, nothing answering",
  "embedded store, inline",
  "separate, 2 workers at nice 10",
  "separate, 4 workers at nice 10",
] as const;
type Setup = (typeof setups)[number];
const setupNames = ["inline", "nice0", "nice10", "none", "embedded", "workers2", "workers4"];

/** All the setups, or those named (inline, nice0, nice10, none, embedded, workers2, workers4). */
export async function main(only: string[] = []) {
  const chosen = setups.filter((_, i) => only.length === 0 || only.includes(setupNames[i]!));
  const fake = await startFakeLinePlatform();
  const database = await benchDatabase();
  const bare = await bareServer();
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/line/webhook`;
  const dataDir = mkdtempSync(join(tmpdir(), "soudan-bench-line-"));
  const env = {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.baseUrl,
  };
  // An answer goes by reply, or by push when its event waited past the reply token's minute.
  const answers = () => fake.requests.filter((r) => (r.path === "/v2/bot/message/reply" || r.path === "/v2/bot/message/push") && r.status === 200).length;
  let expected = 0;
  /** Waits until every event sent so far has had its answer. */
  async function answered(): Promise<void> {
    for (let i = 0; answers() < expected; i++) {
      if (i > 18_000) throw new Error(`only ${answers()} of ${expected} events were answered`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  async function load(url: string, count: number, rate: number, eventsPerBody = 1, concurrency?: number, answering = true) {
    if (answering) expected += count * eventsPerBody;
    return runLoad(url, makeBodies(fake, count, eventsPerBody), rate, concurrency);
  }

  const ack: Record<string, ReturnType<typeof summary>> = {};
  const endToEnd: Record<string, { events: number; seconds: number; eventsPerSecond: number; cpuMsPerEvent: string }> = {};
  const running: RunningProcess[] = [];
  try {
    await runLoad(bareUrl, makeBodies(fake, 200), 200);
    for (const rate of RATES) ack[`bare node:http @${rate}/s`] = summary(await runLoad(bareUrl, makeBodies(fake, rate * SECONDS), rate));

    for (const setup of chosen as Setup[]) {
      const port = await freePort();
      // Logging a line a request as in production, to /dev/null.
      const embedded = setup === "embedded store, inline";
      const server = startProcess(
        [],
        embedded
          ? { ...env, DATABASE_URL: "", DATA_DIR: mkdtempSync(join(dataDir, "embedded-")), PORT: String(port), LINE_PROCESSOR: "inline" }
          : { ...env, PORT: String(port), LINE_PROCESSOR: setup === "inline" ? "inline" : "off" },
        { discardLogs: true },
      );
      running.push(server);
      await waitReady(port);
      const answering = setup !== "storing only, nothing answering";
      if (setup.startsWith("separate")) {
        // The workers share the users' 64 parts: each has its share once all have joined.
        const count = Number(/(\d) workers/.exec(setup)?.[1] ?? 1);
        const workers = Array.from({ length: count }, () =>
          startProcess(["line-worker"], { ...env, ...(setup.includes("nice 0") ? { LINE_WORKER_NICE: "0" } : {}) }),
        );
        running.push(...workers);
        for (const worker of workers) await worker.waitFor(`"parts":${64 / count}`);
      }
      const url = `http://127.0.0.1:${port}/line/webhook`;
      // Warm up (JIT, connection pools, the users' conversations).
      await load(url, USERS, 200, 1, undefined, answering);
      await answered();
      for (const rate of RATES) {
        ack[`${setup} @${rate}/s`] = summary(await load(url, rate * SECONDS, rate, 1, undefined, answering));
        console.log(`${setup} @${rate}/s`, JSON.stringify(ack[`${setup} @${rate}/s`]));
        await answered();
      }
      if (!answering) {
        for (const p of running.splice(0).reverse()) await stopProcess(p);
        continue;
      }
      // End to end: a burst stored as fast as the webhook takes it, then answered.
      const burst = 3000;
      // CPU per event of each kind of process: less bent by the machine's other work than the rate.
      const workerPids = running.slice(1).map((p) => p.child.pid!);
      const pgPids = embedded ? [] : await backendPids(database.url);
      const cpu = () => ({ server: cpuMs(server.child.pid!), workers: workerPids.reduce((t, pid) => t + cpuMs(pid), 0), postgres: pgPids.reduce((t, pid) => t + cpuMs(pid), 0) });
      const cpuBefore = cpu();
      const started = performance.now();
      const stored = await load(url, burst / 10, 1_000, 10, 16);
      if (stored.failed > 0) throw new Error(`${stored.failed} webhook requests of the burst failed`);
      await answered();
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = cpu();
      const perEvent = (k: keyof typeof cpuAfter) => ((cpuAfter[k] - cpuBefore[k]) / burst).toFixed(2);
      endToEnd[setup] = {
        events: burst,
        seconds: Math.round(seconds * 100) / 100,
        eventsPerSecond: Math.round(burst / seconds),
        cpuMsPerEvent: `server ${perEvent("server")} · workers ${perEvent("workers")} · PostgreSQL ${perEvent("postgres")}`,
      };
      for (const p of running.splice(0).reverse()) await stopProcess(p);
    }

    console.log("LINE webhook acknowledgement latency (ms), loopback; the app as `npm start` runs it:");
    console.table(ack);
    console.log("End to end (3,000 events in bodies of 10, each answered by a reply to the fake LINE):");
    console.table(endToEnd);
    return { ack, endToEnd };
  } finally {
    for (const p of running) p.child.kill("SIGKILL");
    bare.closeAllConnections();
    bare.close();
    await fake.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
