import { createApp, type AppDeps } from "../../src/http/app.ts";
import { silentLogger } from "../../src/logger.ts";
import { syncCounsellors } from "../../src/store/bookings.ts";
import { ensureTermsVersions } from "../../src/store/conversations.ts";
import { testConfig } from "./config.ts";
import type { TestStore } from "./stores.ts";

/** A clock the test moves by hand. */
export function manualClock(start: Date) {
  let now = start;
  const clock = () => now;
  clock.set = (d: Date) => {
    now = d;
  };
  clock.advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

/** The real app on a real store, with the sample offices and a clock the test controls. */
export async function buildTestApp(store: TestStore, options: { now: Date; env?: Record<string, string>; deps?: Partial<AppDeps> }) {
  const config = testConfig(options.env);
  await syncCounsellors(store.db, config.offices);
  await ensureTermsVersions(store.db, config.terms);
  const clock = manualClock(options.now);
  const deps: AppDeps = { config, store, logger: silentLogger, clock, wakeOutbox: () => {}, ...options.deps };
  return { app: createApp(deps), deps, config, clock };
}
