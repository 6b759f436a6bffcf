import type { Logger } from "pino";
import type { Config } from "../../config.ts";
import type { Db } from "../../store/db.ts";
import { createLineClient, type LineClient } from "./client.ts";
import { createLineProcessor, type LineProcessor, type LineProcessorOptions } from "./processor.ts";

export interface LineDeps {
  config: Config;
  store: { db: Db };
  logger: Logger;
  clock: () => Date;
  wakeOutbox: () => void;
}

/** Everything the LINE channel needs at run time; absent when LINE is not configured. */
export interface LineRuntime {
  channelSecret: string;
  client: LineClient;
  processor: LineProcessor;
}

export type LineRuntimeOptions = { client?: LineClient } & Partial<
  Pick<LineProcessorOptions, "concurrency" | "batchSize" | "replyWindowMs" | "retry">
>;

/** Needs LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN; without either there is no LINE channel. */
export function createLineRuntime(deps: LineDeps, options: LineRuntimeOptions = {}): LineRuntime | undefined {
  const channelSecret = deps.config.LINE_CHANNEL_SECRET;
  const accessToken = deps.config.LINE_CHANNEL_ACCESS_TOKEN;
  if (!channelSecret || !accessToken) return undefined;
  const { client: given, ...tuning } = options;
  const client = given ?? createLineClient({ accessToken, baseUrl: deps.config.LINE_API_BASE_URL });
  const processor = createLineProcessor({
    db: deps.store.db,
    config: deps.config,
    clock: deps.clock,
    wakeOutbox: deps.wakeOutbox,
    logger: deps.logger,
    client,
    ...tuning,
  });
  return { channelSecret, client, processor };
}

const runtimes = new WeakMap<object, LineRuntime | null>();

/**
 * The one LINE runtime of an app: made on first use from the app's deps, so the webhook route
 * and main.ts (which starts and stops its processor) share it.
 */
export function lineRuntimeOf(deps: LineDeps): LineRuntime | undefined {
  let runtime = runtimes.get(deps);
  if (runtime === undefined) {
    runtime = createLineRuntime(deps) ?? null;
    runtimes.set(deps, runtime);
  }
  return runtime ?? undefined;
}
