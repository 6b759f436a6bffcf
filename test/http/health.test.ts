import { describe, expect, it } from "vitest";
import { createApp, MAX_BODY_BYTES } from "../../src/http/app.ts";
import { silentLogger } from "../../src/logger.ts";
import type { Store } from "../../src/store/db.ts";
import { testConfig } from "../helpers/config.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const pglite = storeKinds[0]!;

describe("health and the HTTP basics", () => {
  const store = useStore(pglite, { resetEach: false });
  const app = () => createApp({ config: testConfig(), store, logger: silentLogger, clock: () => new Date(), wakeOutbox: () => {} });

  it("says the process is alive and the database ready", async () => {
    const alive = await app().request("/healthz");
    expect(alive.status).toBe(200);
    const ready = await app().request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", store: "pglite" });
  });

  it("gives every response a request id and secure headers", async () => {
    const res = await app().request("/healthz");
    expect(res.headers.get("x-request-id")).toMatch(/.+/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("answers an unknown route with a JSON 404", async () => {
    const res = await app().request("/no/such/thing");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "No such route." } });
  });

  it("refuses a body over the limit with a JSON 413", async () => {
    const res = await app().request("/healthz", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(MAX_BODY_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("reports not ready with 503 when the database is gone", async () => {
    const broken: Store = { ...store, ready: async () => false };
    const res = await createApp({ config: testConfig(), store: broken, logger: silentLogger, clock: () => new Date(), wakeOutbox: () => {} }).request("/readyz");
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("not_ready");
  });
});
