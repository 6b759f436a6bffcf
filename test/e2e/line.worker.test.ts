// `npm run line-worker` as a process of its own, answering what a server with LINE_PROCESSOR=off stored.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followEvent, lineUserId, startFakeLinePlatform, textEvent, type FakeLine } from "../fakes/line-platform/index.ts";
import { startProcess, type RunningProcess } from "../helpers/process.ts";
import { postgresKind, testDatabaseUrl, useStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import { CHANNEL_SECRET, startLineHarness, type LineHarness } from "./line.harness.ts";

describe("the LINE worker process", () => {
  const dir = mkdtempSync(join(tmpdir(), "soudan-line-worker-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses the embedded database in one line: its folder belongs to the server", { timeout: 30_000 }, async () => {
    const run = startProcess(["line-worker"], { DATABASE_URL: "", DATA_DIR: dir, LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: "t" });
    expect(await run.exit).toBe(1);
    expect(run.output().trim()).toBe(
      "相談予約ボット cannot start: the LINE worker needs DATABASE_URL (PostgreSQL): the embedded database belongs to the server's process",
    );
  });

  it("says a server may not leave its events to another process on the embedded database", { timeout: 30_000 }, async () => {
    const run = startProcess([], { DATABASE_URL: "", DATA_DIR: dir, LINE_PROCESSOR: "off", PORT: "0" });
    expect(await run.exit).toBe(1);
    expect(run.output().trim()).toMatch(/^相談予約ボット cannot start: LINE_PROCESSOR=off needs DATABASE_URL/);
  });
});

describe.skipIf(!testDatabaseUrl)("servers that only store LINE events, and worker processes that answer them, on postgres", () => {
  const store = useStore(postgresKind, { resetEach: false });
  let fake: FakeLine;
  let server: LineHarness;
  const workers: RunningProcess[] = [];
  beforeAll(async () => {
    fake = await startFakeLinePlatform();
    server = await startLineHarness(store, fake, { now: new Date(), env: { LINE_PROCESSOR: "off", DATABASE_URL: store.databaseUrl! }, processor: false });
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill("SIGKILL");
    await server?.close();
    await fake?.close();
  });

  function startWorker(): RunningProcess {
    const worker = startProcess(["line-worker"], {
      DATABASE_URL: store.databaseUrl!,
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), "soudan-line-worker-")),
    });
    workers.push(worker);
    return worker;
  }
  const texts = (userId: string) => fake.delivered(userId).map((m) => (m as { text?: string }).text ?? "");

  it("answers by reply, in order and once; two workers share the users, and one takes them all when the other stops", { timeout: 90_000 }, async () => {
    const first = startWorker();
    await first.waitFor('"parts":64');
    // It gives way to the servers' acknowledgements on a shared machine (nice 10, field 19 of /proc/PID/stat).
    expect(Number(readFileSync(`/proc/${first.child.pid}/stat`, "utf8").split(") ")[1]!.split(" ")[16])).toBe(10);
    const second = startWorker();
    await second.waitFor('"parts":32');
    await first.waitFor('"parts":32');

    const at = () => ({ timestamp: Date.now() });
    const users = Array.from({ length: 12 }, (_, i) => lineUserId(`worker-${i}`));
    const sent = await server.sender.send(users.flatMap((u) => [followEvent(u, at()), textEvent(u, "よくある質問", at())]));
    expect(sent.status).toBe(200);
    for (const userId of users) {
      await until(() => texts(userId).some((t) => t.includes("知りたいこと")), "the answer to the second event", 15_000);
      expect(texts(userId)[0]).toContain("ご用件をお選びください");
    }
    const replies = () => fake.requests.filter((r) => r.path === "/v2/bot/message/reply" && r.status === 200);
    expect(replies()).toHaveLength(24);
    expect(fake.requests.filter((r) => r.path === "/v2/bot/message/push")).toHaveLength(0);

    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);
    await second.waitFor('"parts":64', 10_000);
    const before = users.map((u) => texts(u).length);
    await server.sender.send(users.map((u) => textEvent(u, "予約の確認", at())));
    await until(() => users.every((u, i) => texts(u).length > before[i]!), "the answers from the worker left", 15_000);
    // Nothing was answered twice: one reply per event.
    expect(replies()).toHaveLength(36);

    second.child.kill("SIGTERM");
    expect(await second.exit).toBe(0);
  });
});
