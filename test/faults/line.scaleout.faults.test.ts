// Two `npm run line-worker` processes share the LINE users; one is killed with -9 while 40 users type.
// Every answer must reach each user once and in the order of their messages, whichever worker answered.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { conversations, messages } from "../../src/store/schema.ts";
import { lineUserId, startFakeLinePlatform, textEvent } from "../fakes/line-platform/index.ts";
import { startProcess, type RunningProcess } from "../helpers/process.ts";
import { postgresKind, testDatabaseUrl, useStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import { countAll, faqConversation as conversation, textOf } from "../helpers/lineAnswers.ts";
import { CHANNEL_SECRET, startLineHarness } from "../e2e/line.harness.ts";

const dir = mkdtempSync(join(tmpdir(), "soudan-line-scaleout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!testDatabaseUrl)("LINE answering shared by two worker processes, one killed with -9, on postgres", () => {
  const store = useStore(postgresKind);

  it("answers every user once and in order, the survivor taking the dead one's users within seconds", { timeout: 120_000 }, async () => {
    const fake = await startFakeLinePlatform();
    const server = await startLineHarness(store, fake, { now: new Date(), env: { LINE_PROCESSOR: "off", DATABASE_URL: store.databaseUrl! }, processor: false });
    const workers: RunningProcess[] = [];
    const startWorker = () => {
      const worker = startProcess(["line-worker"], {
        DATABASE_URL: store.databaseUrl!,
        LINE_CHANNEL_SECRET: CHANNEL_SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
        LINE_API_BASE_URL: fake.baseUrl,
        DATA_DIR: mkdtempSync(join(dir, "worker-")),
      });
      workers.push(worker);
      return worker;
    };
    try {
      const [first, second] = [startWorker(), startWorker()];
      await first.waitFor('"parts":32', 30_000);
      await second.waitFor('"parts":32', 30_000);

      // The answers to the conversation, from one user before the fault.
      const model = lineUserId("model");
      const expected: string[] = [];
      for (const text of conversation) {
        const before = fake.delivered(model).length;
        expect((await server.sender.send([textEvent(model, text)])).status).toBe(200);
        await until(() => fake.delivered(model).length > before, `the answer to ${text}`, 10_000);
        expected.push(...fake.delivered(model).slice(before).map(textOf));
      }

      // LINE takes a moment over each reply, so the victim dies with answers in hand.
      fake.setDelay(150, "/v2/bot/message/reply");
      const users = Array.from({ length: 40 }, (_, i) => lineUserId(`scale-${i}`));
      let killedAt = 0;
      const typing = Promise.all(
        users.map(async (userId, u) => {
          await new Promise((r) => setTimeout(r, (u % 10) * 40));
          for (const text of conversation) {
            expect((await server.sender.send([textEvent(userId, text, { timestamp: Date.now() })])).status).toBe(200);
            await new Promise((r) => setTimeout(r, 150 + (u % 7) * 30));
          }
        }),
      );
      await until(() => fake.requests.filter((r) => r.path === "/v2/bot/message/reply").length > 60, "the workers answering", 20_000);
      first.child.kill("SIGKILL");
      killedAt = Date.now();
      await first.exit;
      await second.waitFor('"parts":64', 15_000);
      const takenOverMs = Date.now() - killedAt;
      await typing;
      await until(() => users.every((u) => fake.delivered(u).length >= expected.length), "every user's answers", 60_000);
      await new Promise((r) => setTimeout(r, 500));

      const totals = countAll(expected, users.map((u) => fake.delivered(u).map(textOf)));
      const pushes = fake.requests.filter((r) => r.path === "/v2/bot/message/push" && r.status === 200).length;
      console.log(`two LINE workers, one killed -9, 40 users × ${conversation.length} messages: ${JSON.stringify(totals)}; survivor took all users in ${takenOverMs} ms; ${pushes} answers went as pushes`);
      expect(totals).toEqual({ delivered: 40 * expected.length, duplicated: 0, outOfOrder: 0, lost: 0, unknown: 0 });
      // Each message was taken in as one turn, in order: an event run again after the kill only
      // repeated its stored answer, and never ran as a new turn on a later state.
      const turns = await store.db
        .select({ user: conversations.userKey, body: messages.body })
        .from(messages)
        .innerJoin(conversations, eq(messages.conversationId, conversations.id))
        .where(and(eq(messages.author, "user"), inArray(conversations.userKey, users)))
        .orderBy(asc(messages.id));
      const typed = (userId: string) => turns.filter((t) => t.user === userId).map((t) => (t.body as { inbound?: { text?: string } }).inbound?.text);
      expect(users.filter((u) => JSON.stringify(typed(u)) !== JSON.stringify(conversation))).toEqual([]);
      expect(takenOverMs).toBeLessThan(10_000);
    } finally {
      for (const w of workers) w.child.kill("SIGKILL");
      await server.close();
      await fake.close();
    }
  });
});
