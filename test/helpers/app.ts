import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
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

/**
 * The app on a real loopback socket, as if behind a reverse proxy at 127.0.0.1 (run it with
 * TRUST_PROXY=127.0.0.1): `as(address)` talks to it as that client, named in X-Forwarded-For.
 */
export async function serveTestApp(app: { fetch: (request: Request) => Response | Promise<Response> }) {
  let listening!: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => listening());
  await ready;
  const baseUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    as: (address: string) => ({
      request: (path: string, init: RequestInit = {}) =>
        fetch(`${baseUrl()}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), "x-forwarded-for": address } }),
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
