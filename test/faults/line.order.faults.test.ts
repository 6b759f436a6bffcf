// 50 LINE users chat while the LINE API fails on a timer (500, then 429): every answer must reach
// each user once, in the order of their messages, replies and pushes alike.
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lineRuntimeOf, runLineProcessing } from "../../src/bot/line/runtime.ts";
import { silentLogger } from "../../src/logger.ts";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import { createOutboxWorkers, type OutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { outboxCounts } from "../../src/store/outbox.ts";
import { lineUserId, lineWebhookSender, startFakeLinePlatform, textEvent, type FakeLine, type LineWebhookSender } from "../fakes/line-platform/index.ts";
import { buildTestApp } from "../helpers/app.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import { countDeliveries, faqConversation as conversation, textOf } from "../helpers/lineAnswers.ts";
import { CHANNEL_SECRET } from "../e2e/line.harness.ts";

describe.each(storeKinds)("LINE answers in order through a LINE outage on $name", (kind) => {
  const store = useStore(kind);
  let fake: FakeLine;
  let workers: OutboxWorkers;
  let server: ServerType;
  let sender: LineWebhookSender;
  let stopProcessing: () => Promise<void>;

  beforeEach(async () => {
    fake = await startFakeLinePlatform();
    const clock = () => new Date();
    const t = await buildTestApp(store, {
      now: new Date(),
      env: { LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken, LINE_API_BASE_URL: fake.baseUrl },
      deps: { clock, wakeOutbox: () => workers?.wake() },
    });
    const runtime = lineRuntimeOf(t.deps)!;
    const processing = await runLineProcessing(store, runtime, silentLogger, { heartbeatMs: 100 });
    await until(() => processing.leading(), "the LINE processor's lock", 2_000);
    stopProcessing = () => processing.stop();
    const mailer = { send: async (mail: { messageId: string }) => ({ messageId: mail.messageId }), close: () => {} };
    workers = createOutboxWorkers({
      db: store.db,
      clock,
      handlers: createJobHandlers({ db: store.db, config: t.config, channels: parseStaffChannels({}), mailer, line: runtime.client, clock }),
      concurrency: 2,
      pollMs: 20,
      // Real retries, shortened: the outage lasts seconds instead of minutes.
      backoff: { baseMs: 50, maxMs: 400 },
    });
    workers.start();
    server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    sender = lineWebhookSender({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/line/webhook`, channelSecret: CHANNEL_SECRET, fake });
  });

  afterEach(async () => {
    await stopProcessing();
    await workers.stop();
    server.close();
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await fake.close();
  });

  it("delivers each of 50 users' answers once and in order while LINE answers 500 and 429 on a timer", { timeout: 90_000 }, async () => {
    // The answers to the conversation, from one user while LINE is well.
    const model = lineUserId("model");
    const expected: string[] = [];
    for (const text of conversation) {
      const before = fake.delivered(model).length;
      expect((await sender.send([textEvent(model, text)])).status).toBe(200);
      await until(() => fake.delivered(model).length > before, `the answer to ${text}`, 10_000);
      expected.push(...fake.delivered(model).slice(before).map(textOf));
    }
    expect(new Set(expected).size).toBe(expected.length);

    const users = Array.from({ length: 50 }, (_, i) => lineUserId(`order-${i}`));
    // The outage, on a timer for as long as the users type and a little after: every 1.2 s, 600 ms
    // of 500s or of 429s in turn, then calm.
    let cycle = 0;
    const outage = setInterval(() => fake.failFor(600, { status: cycle++ % 2 === 0 ? 500 : 429 }), 1_200);
    fake.failFor(600, { status: 500 });
    await Promise.all(
      users.map(async (userId, u) => {
        await new Promise((r) => setTimeout(r, (u % 10) * 40));
        for (const text of conversation) {
          // A person types the next message without waiting for the answer.
          expect((await sender.send([textEvent(userId, text)])).status).toBe(200);
          await new Promise((r) => setTimeout(r, 120 + (u % 7) * 30));
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 2_400));
    clearInterval(outage);
    await until(() => users.every((u) => fake.delivered(u).length >= expected.length), "every user's answers", 60_000);
    // Anything still on its way would show up as a duplicate: give it a moment.
    await new Promise((r) => setTimeout(r, 500));

    const totals = { delivered: 0, duplicated: 0, outOfOrder: 0, lost: 0, unknown: 0 };
    for (const userId of users) {
      const c = countDeliveries(expected, fake.delivered(userId).map(textOf));
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += c[k];
    }
    const failed = fake.requests.filter((r) => r.status >= 500 || r.status === 429).length;
    const pushes = fake.requests.filter((r) => r.path === "/v2/bot/message/push" && r.status === 200).length;
    console.log(`LINE outage, 50 users × ${conversation.length} messages on ${kind.name}: ${JSON.stringify(totals)}; ${failed} LINE calls failed, ${pushes} answers went as pushes`);
    expect(failed).toBeGreaterThan(20);
    expect(totals).toEqual({ delivered: 50 * expected.length, duplicated: 0, outOfOrder: 0, lost: 0, unknown: 0 });
    expect((await outboxCounts(store.db)).dead ?? 0).toBe(0);
  });
});
