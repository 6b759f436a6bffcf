// Time from a submitted request (its transaction committed) to the staff notice mail arriving at an
// SMTP server on loopback, through the outbox: staff.notice → fan-out → mail.send → SMTP.
// Run: npx tsx bench/staff-notice.bench.ts [requests]
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { loadConfig } from "../src/config.ts";
import { addDays, jstDate, jstInstant } from "../src/jst.ts";
import { createJobHandlers } from "../src/notify/handlers.ts";
import { createMailer } from "../src/notify/mail/transport.ts";
import { createOutboxWorkers } from "../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../src/notify/staffChannels.ts";
import { slotTimes } from "../src/schedule/index.ts";
import { holdSlot, requestBooking, syncCounsellors } from "../src/store/bookings.ts";
import { openStore } from "../src/store/db.ts";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function main(requests = Number(process.argv[2] ?? 200)): Promise<{ p50: number; p99: number; n: number }> {
  const config = loadConfig({ ...process.env, OFFICES_FILE: process.env.OFFICES_FILE ?? "./config/offices.json", LOG_LEVEL: "silent" });
  const store = await openStore(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { memory: true });
  await syncCounsellors(store.db, config.offices);

  const arrivals = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const ref = /\[([A-Z]{2}-[0-9A-Z]{6})\]/.exec(mail.subject ?? "")?.[1];
        if (ref) {
          arrivals.set(ref, performance.now());
          waiters.get(ref)?.();
        }
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;

  const channels = parseStaffChannels({ STAFF_MAIL_TO: "staff@bench.example.jp" });
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "bench <bench@bench.example.jp>", mailDir: "./data/mail" });
  const clock = () => new Date();
  const workers = createOutboxWorkers({
    db: store.db,
    clock,
    concurrency: config.OUTBOX_WORKERS,
    pollMs: 200,
    handlers: createJobHandlers({ db: store.db, config, channels, mailer, clock }),
  });
  workers.start();

  const limits = { activeLimit: 1, noShowLimit: 2, noShowWindowDays: 180 };
  const latencies: number[] = [];
  const now = new Date();
  outer: for (let day = 3; day < 30; day++) {
    const date = addDays(jstDate(now), day);
    for (const office of config.offices) {
      for (const time of slotTimes(office)) {
        for (let k = 0; k < office.counsellors.length; k++) {
          if (latencies.length >= requests) break outer;
          const held = await holdSlot(store.db, {
            office,
            startsAt: jstInstant(date, time),
            conversationId: crypto.randomUUID(),
            channel: "web",
            now: new Date(),
            holdMinutes: 10,
            limits,
            actor: "bench",
          });
          if (!held.ok) continue;
          const arrived = new Promise<void>((resolve) => waiters.set(held.booking.reference, resolve));
          const requested = await requestBooking(store.db, {
            holdId: held.booking.id,
            office,
            details: { requesterKind: "seeker", name: "ベンチ 太郎", email: "seeker@bench.example.jp", phone: "090-0000-0000", topic: "bench" },
            now: new Date(),
            limits,
            actor: "bench",
            holdMinutes: 10,
          });
          if (!requested.ok) continue;
          const start = performance.now();
          workers.wake();
          await arrived;
          latencies.push(arrivals.get(held.booking.reference)! - start);
        }
      }
    }
  }

  await workers.stop();
  mailer.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await store.close();

  const sorted = [...latencies].sort((a, b) => a - b);
  const result = { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  console.log(`staff notice, request committed → mail at SMTP (loopback, ${store.kind}, ${result.n} requests one at a time)`);
  console.log(`  p50 ${result.p50.toFixed(1)} ms   p99 ${result.p99.toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
