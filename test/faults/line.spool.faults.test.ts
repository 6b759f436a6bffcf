// PostgreSQL cut away from a real server process by a TCP proxy while LINE users keep writing: the
// webhook answers 200 at once, keeping the deliveries in its spool on disk, and once the database is
// back every event is answered once, in each user's order; again when the process is killed with -9
// in the middle of the replay and started anew.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { LINE_SPOOL_FILE } from "../../src/bot/line/runtime.ts";
import { webhookInbox } from "../../src/store/schema.ts";
import { lineUserId, lineWebhookSender, startFakeLinePlatform, textEvent, type FakeLine, type LineWebhookSender } from "../fakes/line-platform/index.ts";
import { startTcpProxy, type TcpProxy } from "../fakes/tcp-proxy.ts";
import { countAll, faqConversation, textOf } from "../helpers/lineAnswers.ts";
import { personalValuesIn, typedPersonalValues } from "../helpers/personalData.ts";
import { startProcess, type RunningProcess } from "../helpers/process.ts";
import { postgresKind, testDatabaseUrl, useStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import { CHANNEL_SECRET } from "../e2e/line.harness.ts";

const dir = mkdtempSync(join(tmpdir(), "soudan-line-spool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!testDatabaseUrl)("LINE deliveries while PostgreSQL is cut away, through a TCP proxy", () => {
  const store = useStore(postgresKind);

  interface Run {
    fake: FakeLine;
    proxy: TcpProxy;
    dataDir: string;
    servers: RunningProcess[];
    start(): Promise<{ server: RunningProcess; sender: LineWebhookSender }>;
    close(): Promise<void>;
  }

  async function setUp(): Promise<Run> {
    const fake = await startFakeLinePlatform();
    const url = new URL(store.databaseUrl!);
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    const dataDir = mkdtempSync(join(dir, "server-"));
    const env = {
      DATABASE_URL: url.toString(),
      PORT: "0",
      DATA_DIR: dataDir,
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
      LINE_SPOOL_RETRY_MS: "200",
      OUTBOX_BACKOFF_MAX_SECONDS: "1",
    };
    const servers: RunningProcess[] = [];
    return {
      fake,
      proxy,
      dataDir,
      servers,
      async start() {
        const server = startProcess([], env);
        servers.push(server);
        await server.waitFor('"listening"');
        const port = /"port":(\d+)/.exec(server.output())![1];
        return { server, sender: lineWebhookSender({ url: `http://127.0.0.1:${port}/line/webhook`, channelSecret: CHANNEL_SECRET, fake }) };
      },
      async close() {
        for (const s of servers) s.child.kill("SIGKILL");
        await proxy.close();
        await fake.close();
      },
    };
  }

  /** The answers to the conversation, from one user while the database is well. */
  async function learnAnswers(fake: FakeLine, sender: LineWebhookSender): Promise<string[]> {
    const model = lineUserId("model");
    const expected: string[] = [];
    for (const text of faqConversation) {
      const before = fake.delivered(model).length;
      expect((await sender.send([textEvent(model, text)])).status).toBe(200);
      await until(() => fake.delivered(model).length > before, `the answer to ${text}`, 10_000);
      expected.push(...fake.delivered(model).slice(before).map(textOf));
    }
    expect(new Set(expected).size).toBe(expected.length);
    return expected;
  }

  /** Each user types the conversation, one message after another; returns each delivery's status and time. */
  async function chat(sender: LineWebhookSender, users: string[], pauseMs: number) {
    const acks: { status: number; ms: number }[] = [];
    await Promise.all(
      users.map(async (user, u) => {
        await new Promise((r) => setTimeout(r, (u % 5) * 15));
        for (const text of faqConversation) {
          const started = Date.now();
          const { status } = await sender.send([textEvent(user, text)]);
          acks.push({ status, ms: Date.now() - started });
          await new Promise((r) => setTimeout(r, pauseMs));
        }
      }),
    );
    return acks;
  }

  const inboxCount = async () => (await store.db.select({ n: count() }).from(webhookInbox))[0]!.n;
  const allProcessed = async () => (await store.db.select({ n: count() }).from(webhookInbox).where(isNull(webhookInbox.processedAt)))[0]!.n === 0;
  async function waitFor(check: () => Promise<boolean>, what: string, ms: number, everyMs = 50): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
  const spoolBytes = (run: Run) => {
    try {
      return statSync(join(run.dataDir, LINE_SPOOL_FILE)).size;
    } catch {
      return 0;
    }
  };

  it("answers 200 during the cut, then answers every event once and in order, and logs no personal data", { timeout: 120_000 }, async () => {
    const run = await setUp();
    try {
      const { server, sender } = await run.start();
      const expected = await learnAnswers(run.fake, sender);
      const before = await inboxCount();

      run.proxy.reset();
      const cutAt = Date.now();
      const users = Array.from({ length: 10 }, (_, i) => lineUserId(`spool-${i}`));
      const person = lineUserId("spool-person");
      const [acks, personAcks] = await Promise.all([
        chat(sender, users, 40),
        (async () => {
          const statuses: number[] = [];
          for (const value of Object.values(typedPersonalValues)) statuses.push((await sender.send([textEvent(person, value)])).status);
          return statuses;
        })(),
      ]);
      const sent = users.length * faqConversation.length + personAcks.length;
      expect(spoolBytes(run)).toBeGreaterThan(0);
      expect(await inboxCount()).toBe(before);
      // The database stays away a few seconds more.
      await new Promise((r) => setTimeout(r, Math.max(0, 3_000 - (Date.now() - cutAt))));
      run.proxy.heal();

      await until(() => users.every((u) => run.fake.delivered(u).length >= expected.length), "every user's answers", 40_000);
      await waitFor(allProcessed, "every event processed", 20_000);
      // Anything still on its way would show up as a duplicate: give it a moment.
      await new Promise((r) => setTimeout(r, 500));

      const totals = countAll(expected, users.map((u) => run.fake.delivered(u).map(textOf)));
      const slowest = Math.max(...acks.map((a) => a.ms));
      console.log(`database cut 3 s, ${users.length} users × ${faqConversation.length} LINE messages + ${personAcks.length}: acknowledgements ${acks.filter((a) => a.status === 200).length}/${acks.length} 200, slowest ${slowest} ms; ${JSON.stringify(totals)}`);
      expect([...acks.map((a) => a.status), ...personAcks]).toEqual(new Array(sent).fill(200));
      expect(slowest).toBeLessThan(2_000);
      expect(totals).toEqual({ delivered: users.length * expected.length, duplicated: 0, outOfOrder: 0, lost: 0, unknown: 0 });
      expect(await inboxCount()).toBe(before + sent);
      expect(run.fake.delivered(person).length).toBeGreaterThan(0);
      expect(spoolBytes(run)).toBe(0);

      const log = server.output();
      expect(log).toContain("LINE spool started");
      expect(log).toContain("LINE spool replayed");
      expect(personalValuesIn(log)).toEqual([]);
    } finally {
      await run.close();
    }
  });

  it("answers every event once and in order when the process is killed with -9 during the replay", { timeout: 120_000 }, async () => {
    const run = await setUp();
    try {
      const first = await run.start();
      const expected = await learnAnswers(run.fake, first.sender);
      const before = await inboxCount();

      run.proxy.reset();
      const users = Array.from({ length: 30 }, (_, i) => lineUserId(`replay-${i}`));
      const acks = await chat(first.sender, users, 5);
      const sent = users.length * faqConversation.length;
      expect(acks.every((a) => a.status === 200)).toBe(true);
      expect(await inboxCount()).toBe(before);

      run.proxy.heal();
      let atKill = before;
      await waitFor(async () => (atKill = await inboxCount()) > before, "the replay's first events", 20_000, 2);
      first.server.child.kill("SIGKILL");
      await first.server.exit;
      const afterKill = await inboxCount();
      expect(spoolBytes(run)).toBeGreaterThan(0);

      const second = await run.start();
      await until(() => users.every((u) => run.fake.delivered(u).length >= expected.length), "every user's answers", 40_000);
      await waitFor(allProcessed, "every event processed", 20_000);
      await new Promise((r) => setTimeout(r, 500));

      const totals = countAll(expected, users.map((u) => run.fake.delivered(u).map(textOf)));
      console.log(`kill -9 during the replay of ${sent} spooled LINE events: ${atKill - before} stored when killed, ${afterKill - before} when dead; ${JSON.stringify(totals)}`);
      expect(afterKill - before).toBeLessThan(sent);
      expect(totals).toEqual({ delivered: users.length * expected.length, duplicated: 0, outOfOrder: 0, lost: 0, unknown: 0 });
      expect(await inboxCount()).toBe(before + sent);
      expect(spoolBytes(run)).toBe(0);
      expect(second.server.output()).toContain("LINE spool left by an earlier process");
    } finally {
      await run.close();
    }
  });
});
