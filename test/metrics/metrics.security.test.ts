import { describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { scrape } from "./scrape.ts";

const pglite = storeKinds[0]!;
const now = new Date("2026-11-24T10:00:00+09:00");
const TOKEN = "a-long-random-metrics-token";

describe("who may read /metrics", () => {
  const store = useStore(pglite);

  it("asks for the bearer token when METRICS_TOKEN is set, and refuses a wrong one", async () => {
    const { app } = await buildTestApp(store, { now, env: { METRICS_TOKEN: TOKEN } });
    const none = await app.request("/metrics");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(await none.json()).toMatchObject({ error: { code: "unauthorized" } });
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await app.request("/metrics", { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("soudan_");
    }
    const ok = await scrape(app, TOKEN);
    expect(ok.text).toContain("soudan_bookings");
  });

  it("is not served on the public port when METRICS_PORT gives it a port of its own", async () => {
    const { app } = await buildTestApp(store, { now, env: { METRICS_PORT: "9464" } });
    expect((await app.request("/metrics")).status).toBe(404);
  });

  it("never makes a series of a path or a method someone made up", async () => {
    const { app } = await buildTestApp(store, { now });
    await app.request("/42010-1234567/taro@example.jp");
    await app.request("/healthz", { method: "BREW" });
    const after = await scrape(app);
    expect(after.text).not.toContain("42010");
    expect(after.text).not.toContain("BREW");
    expect(after.text).toMatch(/soudan_http_requests_total\{method="GET",route="\/\*",status="404"\} \d+/);
  });
});

describe("/metrics without its database", () => {
  const store = useStore(pglite);

  it("still answers with the process's own figures and says the store is down", async () => {
    const { app } = await buildTestApp(store, { now });
    const broken = { ...store, db: { select: () => { throw new Error("connection refused"); } } } as unknown as typeof store;
    const { app: withoutDb } = await buildTestApp(store, { now, deps: { store: broken } });
    expect((await scrape(app)).value("soudan_store_up")).toBe(1);
    const down = await scrape(withoutDb);
    expect(down.value("soudan_store_up")).toBe(0);
    expect(down.text).toContain("process_cpu_seconds_total");
    expect(down.text).not.toContain("soudan_bookings");
  });
});
