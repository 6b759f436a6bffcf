// kill -9 of a real server process after LINE took its replies and before it could mark the events
// done: the next process must not answer them again (no second reply, no push).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../src/store/schema.ts";
import { lineUserId, lineWebhookSender, startFakeLinePlatform, textEvent } from "../fakes/line-platform/index.ts";
import { startProcess, type RunningProcess } from "../helpers/process.ts";
import { postgresKind, testDatabaseUrl, useStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import { CHANNEL_SECRET } from "../e2e/line.harness.ts";

const dir = mkdtempSync(join(tmpdir(), "soudan-line-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!testDatabaseUrl)("a server killed with -9 between LINE's taking a reply and marking the event, on postgres", () => {
  const store = useStore(postgresKind);

  it("does not answer those events twice when the next process takes them up", { timeout: 90_000 }, async () => {
    const fake = await startFakeLinePlatform();
    const env = {
      DATABASE_URL: store.databaseUrl!,
      PORT: "0",
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
    };
    const servers: RunningProcess[] = [];
    const start = async () => {
      const server = startProcess([], { ...env, DATA_DIR: mkdtempSync(join(dir, "server-")) });
      servers.push(server);
      await server.waitFor('"listening"');
      const port = /"port":(\d+)/.exec(server.output())![1];
      return { server, sender: lineWebhookSender({ url: `http://127.0.0.1:${port}/line/webhook`, channelSecret: CHANNEL_SECRET, fake }) };
    };
    try {
      // LINE delivers each reply at once but its answer takes 5 s: the process dies waiting for it.
      fake.setDelay(5_000, "/v2/bot/message/reply");
      const first = await start();
      const users = Array.from({ length: 5 }, (_, i) => lineUserId(`crash-${i}`));
      expect((await first.sender.send(users.map((u) => textEvent(u, "よくある質問")))).status).toBe(200);
      const replies = () => fake.requests.filter((r) => r.path === "/v2/bot/message/reply");
      await until(() => replies().length === 5, "LINE's taking the five replies", 20_000);
      first.server.child.kill("SIGKILL");
      await first.server.exit;
      const pending = await store.db.select().from(webhookInbox);
      expect(pending.filter((e) => e.processedAt === null && e.replyAttemptedAt !== null)).toHaveLength(5);
      const answers = users.map((u) => fake.delivered(u).length);
      expect(answers.every((n) => n > 0)).toBe(true);

      fake.setDelay(0);
      await start();
      const deadline = Date.now() + 20_000;
      for (;;) {
        const rows = await store.db.select().from(webhookInbox);
        if (rows.every((e) => e.processedAt !== null)) break;
        if (Date.now() > deadline) throw new Error("the second process did not take up the events");
        await new Promise((r) => setTimeout(r, 100));
      }
      const twice = users.filter((u, i) => fake.delivered(u).length !== answers[i]).length;
      const pushes = fake.requests.filter((r) => r.path === "/v2/bot/message/push").length;
      console.log(`kill -9 with 5 replies taken by LINE and not marked: ${twice} answered twice, ${pushes} pushes`);
      expect({ twice, pushes }).toEqual({ twice: 0, pushes: 0 });
      // The second process tried each token once and took LINE's "invalid reply token" as sent.
      expect(replies().slice(5).map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    } finally {
      for (const s of servers) s.child.kill("SIGKILL");
      await fake.close();
    }
  });
});
