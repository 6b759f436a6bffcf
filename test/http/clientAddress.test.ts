// Finding 12 of issue 18: behind a reverse proxy every citizen shared one bucket. TRUST_PROXY names
// the proxies whose X-Forwarded-For is believed.
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { ipv6Prefix64 } from "../../src/http/middleware/rateLimit.ts";
import { buildTestApp, serveTestApp } from "../helpers/app.ts";
import { useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");

describe("the client address behind a reverse proxy", () => {
  const store = useStore();
  let served: Awaited<ReturnType<typeof serveTestApp>> | undefined;
  afterEach(async () => {
    await served?.close();
  });

  async function serve(env: Record<string, string>) {
    const t = await buildTestApp(store, { now, env, deps: { chatRateLimits: { sessionsPerMinutePerClient: 2 } } });
    served = await serveTestApp(t.app);
    return (forwardedFor: string) => served!.as(forwardedFor).request("/api/chat/sessions", { method: "POST" }).then((r) => r.status);
  }

  it("gives each client behind a trusted proxy its own limit", async () => {
    const open = await serve({ TRUST_PROXY: "127.0.0.1" });
    expect([await open("198.51.100.1"), await open("198.51.100.1"), await open("198.51.100.1")]).toEqual([201, 201, 429]);
    expect(await open("198.51.100.2")).toBe(201);
  });

  it("believes only the entries the trusted proxies added, not what the client wrote before them", async () => {
    const open = await serve({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" });
    // The client's own claims stand at the left; the proxies append the address they saw.
    expect(await open("203.0.113.77, 198.51.100.1")).toBe(201);
    expect(await open("203.0.113.78, 198.51.100.1, 10.1.2.3")).toBe(201);
    expect(await open("203.0.113.79, 198.51.100.1")).toBe(429);
  });

  it("ignores X-Forwarded-For when no proxy is trusted", async () => {
    const open = await serve({});
    expect([await open("198.51.100.1"), await open("198.51.100.2"), await open("198.51.100.3")]).toEqual([201, 201, 429]);
  });

  it("counts an IPv6 client by its /64", () => {
    expect(ipv6Prefix64("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(ipv6Prefix64("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipv6Prefix64("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
  });

  it("refuses a TRUST_PROXY that is not a list of addresses in one line", () => {
    const env = { OFFICES_FILE: "./config/offices.json" };
    expect(() => loadConfig({ ...env, TRUST_PROXY: "proxy.internal" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ ...env, TRUST_PROXY: "10.0.0.0/8, ::1, 192.0.2.10" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "::1", "192.0.2.10"]);
  });
});
