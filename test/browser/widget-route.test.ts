import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { storeKinds, type TestStore } from "../helpers/stores.ts";

describe("GET /widget.js and the start page", () => {
  let store: TestStore;
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];

  beforeAll(async () => {
    store = await storeKinds[0]!.open();
    ({ app } = await buildTestApp(store, { now: new Date("2026-11-24T10:00:00+09:00"), env: { LINE_CHANNEL_SECRET: "do-not-ship-this-secret" } }));
  });
  afterAll(() => store.close());

  it("serves one minified script with a cache header and an ETag", async () => {
    const res = await app.request("/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(res.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const body = await res.text();
    expect(body).toContain("095-862-8643");
    expect(body.length).toBeLessThan(40_000);
  });

  it("answers 304 to a request that already has this version", async () => {
    const first = await app.request("/widget.js");
    const etag = first.headers.get("etag")!;
    const again = await app.request("/widget.js", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const changed = await app.request("/widget.js", { headers: { "if-none-match": '"something-else"' } });
    expect(changed.status).toBe(200);
  });

  it("serves the start page with the script tag for the Nagasaki office and the offices from config", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/widget.js" data-office="nagasaki" data-locale="ja" async></script>');
    expect(html).toContain("ハローワーク長崎");
    expect(html).toContain("095-808-2020");
  });

  it("answers other methods on the script with the JSON 404", async () => {
    const res = await app.request("/widget.js", { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("puts no secret from the environment into the public script", async () => {
    const body = await (await app.request("/widget.js")).text();
    expect(body).not.toContain("do-not-ship-this-secret");
  });

  it("gives the start page a strict Content-Security-Policy", async () => {
    const csp = (await app.request("/")).headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
  });
});
