// The real app on a real socket and store, LINE played by the fake platform, and a LINE user who
// talks to it by signed webhooks and reads what the platform delivered.
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { lineRuntimeOf, runLineProcessing, type LineRuntime } from "../../src/bot/line/runtime.ts";
import { silentLogger } from "../../src/logger.ts";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import type { Mailer } from "../../src/notify/mail/transport.ts";
import { createOutboxWorkers, type OutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { buildTestApp } from "../helpers/app.ts";
import { useStore, type StoreKind, type TestStore } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import {
  followEvent,
  lineWebhookSender,
  postbackEvent,
  startFakeLinePlatform,
  textEvent,
  type FakeLine,
  type LineWebhookSender,
  type WebhookEvent,
} from "../fakes/line-platform/index.ts";

export const CHANNEL_SECRET = "line-channel-secret-for-tests";
/** Tuesday 24 November 2026, 10:00 in Tokyo. */
export const tuesdayTen = new Date("2026-11-24T10:00:00+09:00");

export type Delivered = {
  type: string;
  text?: string;
  altText?: string;
  contents?: Record<string, unknown>;
  quickReply?: { items: { action: { type: string; label: string; data?: string; min?: string; max?: string } }[] };
};

export interface LineHarness {
  t: Awaited<ReturnType<typeof buildTestApp>>;
  runtime: LineRuntime;
  workers: OutboxWorkers;
  sender: LineWebhookSender;
  url: string;
  /** Sends events, waits until the processor and the outbox are done with them. */
  send(events: WebhookEvent[], options?: { redelivery?: boolean }): Promise<{ status: number; events: WebhookEvent[] }>;
  /** Runs the due outbox jobs until none is left. */
  drainOutbox(): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startLineHarness(
  store: TestStore,
  fake: FakeLine,
  /** processor: false leaves the events to another process (LINE_PROCESSOR=off). */
  options: { now?: Date; env?: Record<string, string>; processor?: boolean } = {},
): Promise<LineHarness> {
  let workers: OutboxWorkers | undefined;
  const t = await buildTestApp(store, {
    now: options.now ?? tuesdayTen,
    env: {
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
      ...options.env,
    },
    deps: { wakeOutbox: () => {} },
  });
  const runtime = lineRuntimeOf(t.deps)!;
  // As main.ts runs it: this process answers the events while it holds the processor's lock.
  const processing = options.processor === false ? undefined : await runLineProcessing(store, runtime, silentLogger, { heartbeatMs: 100 });
  if (processing) await until(() => processing.leading(), "the LINE processor's lock", 2_000);
  const mailer: Mailer = { send: async (mail) => ({ messageId: mail.messageId }), close: () => {} };
  workers = createOutboxWorkers({
    db: store.db,
    clock: t.clock,
    handlers: createJobHandlers({ db: store.db, config: t.config, channels: parseStaffChannels({}), mailer, line: runtime.client, clock: t.clock }),
    backoff: { baseMs: 1_000, maxMs: 60_000 },
    random: () => 1,
    batchSize: 50,
  });
  const server: ServerType = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/line/webhook`;
  const sender = lineWebhookSender({ url, channelSecret: CHANNEL_SECRET, fake });

  async function drainOutbox(): Promise<void> {
    for (let i = 0; i < 20; i++) if ((await workers!.runOnce()) === 0) return;
    throw new Error("the outbox did not settle");
  }
  async function settle(): Promise<void> {
    await runtime.processor.idle();
    await drainOutbox();
  }

  return {
    t,
    runtime,
    workers,
    sender,
    url,
    drainOutbox,
    settle,
    async send(events, sendOptions) {
      const result = await sender.send(events, sendOptions);
      await settle();
      return result;
    },
    async close() {
      await processing?.stop();
      await runtime.processor.stop();
      server.close();
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    },
  };
}

/** A LINE user: sends what a person taps and types, and reads what reached their phone. */
export function lineUser(h: LineHarness, fake: FakeLine, userId: string) {
  let seen = 0;
  const at = () => ({ timestamp: h.t.clock().getTime() });

  async function exchange(event: WebhookEvent): Promise<Delivered[]> {
    const { status } = await h.send([event]);
    expect(status).toBe(200);
    const all = fake.delivered(userId) as Delivered[];
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  }

  const user = {
    userId,
    last: [] as Delivered[],
    get text(): string {
      return user.last.map((m) => m.text ?? m.altText ?? "").join("\n");
    },
    get quickReplies() {
      return user.last.at(-1)?.quickReply?.items.map((i) => i.action) ?? [];
    },
    async follow() {
      return (user.last = await exchange(followEvent(userId, at())));
    },
    async say(text: string) {
      return (user.last = await exchange(textEvent(userId, text, at())));
    },
    /** Taps the quick reply with this label. */
    async tap(label: string | RegExp) {
      const action = user.quickReplies.find((a) => (typeof label === "string" ? a.label === label : label.test(a.label)));
      if (!action || action.type !== "postback") {
        throw new Error(`no quick reply ${label} among ${JSON.stringify(user.quickReplies.map((a) => a.label))}`);
      }
      return (user.last = await exchange(postbackEvent(userId, action.data!, undefined, at())));
    },
    /** Picks a date and time in the picker offered by the last message. */
    async pick(datetime: string) {
      const picker = user.quickReplies.find((a) => a.type === "datetimepicker");
      if (!picker) throw new Error("no date-time picker was offered");
      return (user.last = await exchange(postbackEvent(userId, picker.data!, { datetime }, at())));
    },
  };
  return user;
}

/**
 * A store, a fake LINE platform and a harness for every test of the file: the store and the fake
 * live for the file and are emptied before each test, the harness is made anew for each. The
 * objects are filled in by the hooks.
 */
export function useLineHarness(kind: StoreKind): { store: TestStore; fake: FakeLine; h: LineHarness } {
  const store = useStore(kind);
  const fake = {} as FakeLine;
  const h = {} as LineHarness;
  beforeAll(async () => {
    Object.assign(fake, await startFakeLinePlatform());
  });
  afterAll(async () => {
    await fake.close?.();
  });
  beforeEach(async () => {
    fake.reset();
    Object.assign(h, await startLineHarness(store, fake));
  });
  afterEach(async () => {
    await h.close?.();
  });
  return { store, fake, h };
}
