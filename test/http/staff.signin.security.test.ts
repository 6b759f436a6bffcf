// Sign-in that cannot be turned against staff (issue 18, findings 3, 6 and 9): an attacker's wrong
// passwords slow the attacker, never lock the real user out; one client cannot try forever; the
// answers never tell whether an address has an account; sessions are new at every sign-in.
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, signInThrottles, staffSessions } from "../../src/store/schema.ts";
import { CLIENT_MAX_FAILURES, throttleKeys } from "../../src/store/signInThrottle.ts";
import { createStaff, purgeSignIns, signIn, WeakPasswordError } from "../../src/store/staff.ts";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, PASSWORD, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const pglite = storeKinds[0]!;
const json = { "content-type": "application/json" };

describe("staff sign-in under attack", () => {
  const store = useStore(pglite);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let server: ServerType | undefined;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "victim@example.jp", officeId: "nagasaki" });
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  /** The app on a real socket; each call comes from the loopback address given (127.0.0.x). */
  async function listen() {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: "0.0.0.0" });
    await new Promise<void>((resolve) => server!.once("listening", () => resolve()));
    const port = (server.address() as AddressInfo).port;
    return (from: string, email: string, password: string) =>
      new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, localAddress: from, method: "POST", path: "/api/staff/login", headers: json }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"] as string | undefined, body }));
        });
        req.on("error", reject);
        req.end(JSON.stringify({ email, password }));
      });
  }

  const loginLocal = (email: string, password: string) => t.app.request("/api/staff/login", { method: "POST", headers: json, body: JSON.stringify({ email, password }) });

  it("lets the victim sign in from their own client while an attacker's wrong passwords lock only the attacker", async () => {
    const login = await listen();
    for (let i = 0; i < 8; i++) await login("127.0.0.66", "victim@example.jp", `guess-${i}`);
    const attacker = await login("127.0.0.66", "victim@example.jp", PASSWORD);
    expect(attacker.status).toBe(429);
    expect(Number(attacker.retryAfter)).toBeGreaterThan(0);
    const victim = await login("127.0.0.2", "victim@example.jp", PASSWORD);
    expect(victim.status).toBe(200);
    expect(JSON.parse(victim.body).token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it("slows an attack on one account from many clients, but spares the client the victim signed in from", async () => {
    const login = await listen();
    expect((await login("127.0.0.2", "victim@example.jp", PASSWORD)).status).toBe(200);
    // Twenty attacking addresses, three guesses each: no pair reaches its own limit.
    for (let a = 0; a < 20; a++) for (let i = 0; i < 3; i++) await login(`127.0.1.${a + 1}`, "victim@example.jp", `guess-${a}-${i}`);
    const fresh = await login("127.0.2.1", "victim@example.jp", PASSWORD);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.retryAfter)).toBeLessThanOrEqual(15 * 60);
    expect((await login("127.0.0.2", "victim@example.jp", PASSWORD)).status).toBe(200);
    // The delay passes: the real user on a new client gets in without an administrator.
    t.clock.advance(15 * 60_000);
    expect((await login("127.0.2.1", "victim@example.jp", PASSWORD)).status).toBe(200);
  });

  it(`answers 429 to one client trying address after address, after ${CLIENT_MAX_FAILURES} failures`, async () => {
    let throttledAt: number | undefined;
    for (let i = 1; i <= 100 && throttledAt === undefined; i++) {
      const res = await loginLocal(`guess-${i}@example.jp`, "wrong password");
      if (res.status === 429) throttledAt = i;
      else expect(res.status).toBe(401);
    }
    expect(throttledAt).toBe(CLIENT_MAX_FAILURES + 1);
    // Blocked for the known account too, even with the right password: the block is the client's.
    const blocked = await loginLocal("victim@example.jp", PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("900");
  });

  it("keeps an unknown address locked exactly like a known one, however many other addresses fail", async () => {
    for (const email of ["victim@example.jp", "nobody@example.jp"]) {
      for (let i = 0; i < 5; i++) await signIn(store.db, { email, password: `wrong-${i}`, clientKey: "attacker", now: tuesdayTen });
    }
    // What used to empty the in-memory map of unknown addresses: failures for 10,000 other ones.
    await store.db.insert(signInThrottles).values(
      Array.from({ length: 10_000 }, (_, i) => ({ key: throttleKeys(`other-${i}@example.jp`, `client-${i}`).account, failures: 1, lastFailureAt: tuesdayTen })),
    );
    const known = await signIn(store.db, { email: "victim@example.jp", password: "wrong-5", clientKey: "attacker", now: tuesdayTen });
    const unknown = await signIn(store.db, { email: "nobody@example.jp", password: "wrong-5", clientKey: "attacker", now: tuesdayTen });
    expect(known).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 900 });
    expect(unknown).toEqual(known);
  });

  it("answers and records a wrong password for an unknown address exactly as for a known one", async () => {
    const answers = [];
    for (const email of ["victim@example.jp", "nobody@example.jp"]) {
      const before = await store.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
      const res = await loginLocal(email, "wrong password");
      const after = await store.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
      answers.push({ status: res.status, body: await res.json(), audited: after[0]!.n - before[0]!.n });
    }
    expect(answers[1]).toEqual(answers[0]);
    // No typed address is kept in the counters.
    expect(JSON.stringify(await store.db.select().from(signInThrottles))).not.toMatch(/example\.jp/);
  });

  it("takes as long for an unknown address as for a known one", async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await signIn(store.db, { email, password: "wrong password", clientKey: `timing-${email}`, now: tuesdayTen });
      return performance.now() - start;
    };
    await time("warm-up@example.jp");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time("victim@example.jp"));
      unknown.push(await time(`nobody-${i}@example.jp`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("starts a new session at every sign-in and ends the one the caller had", async () => {
    const first = (await (await loginLocal("victim@example.jp", PASSWORD)).json()).token as string;
    const again = await t.app.request("/api/staff/login", {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${first}` },
      body: JSON.stringify({ email: "victim@example.jp", password: PASSWORD }),
    });
    expect(again.status).toBe(200);
    const second = (await again.json()).token as string;
    expect(second).not.toBe(first);
    expect((await call(t.app, first, "GET", "/api/staff/me")).status).toBe(401);
    expect((await call(t.app, second, "GET", "/api/staff/me")).status).toBe(200);
    // The console's cookie is rotated the same way.
    const viaCookie = await t.app.request("/api/staff/login", {
      method: "POST",
      headers: { ...json, cookie: `staff_session=${second}` },
      body: JSON.stringify({ email: "victim@example.jp", password: PASSWORD }),
    });
    expect(viaCookie.headers.get("set-cookie")).not.toContain(second);
    expect((await call(t.app, second, "GET", "/api/staff/me")).status).toBe(401);
  });

  it("purges sessions and sign-in counters that ran out", async () => {
    await loginLocal("victim@example.jp", PASSWORD);
    await loginLocal("victim@example.jp", "wrong password");
    expect(await store.db.select().from(staffSessions)).toHaveLength(1);
    expect(await purgeSignIns(store.db, new Date(tuesdayTen.getTime() + 60_000))).toEqual({ sessions: 0, throttles: 0 });
    const later = new Date(tuesdayTen.getTime() + 12 * 3_600_000);
    const purged = await purgeSignIns(store.db, later);
    expect(purged.sessions).toBe(1);
    // The failure counters are gone; the client that signed in stays trusted for the account.
    expect(purged.throttles).toBe(2);
    expect(await store.db.select().from(staffSessions)).toEqual([]);
    expect((await store.db.select().from(signInThrottles)).map((r) => r.trustedUntil !== null)).toEqual([true]);
  });
});

describe("staff password policy", () => {
  const store = useStore(pglite);

  it("refuses twelve a's, a common password and one built from the address, and says why", async () => {
    for (const password of ["aaaaaaaaaaaa", "password1234", "Nagasaki2026!", "yamada.taro2026", "short"]) {
      const attempt = createStaff(store.db, { email: "yamada.taro@example.jp", password, officeId: "nagasaki", role: "staff", now: tuesdayTen });
      await expect(attempt, password).rejects.toBeInstanceOf(WeakPasswordError);
      await expect(attempt).rejects.toThrow(/too weak/);
    }
    const staff = await createStaff(store.db, { email: "yamada.taro@example.jp", password: "kuruma hito shigoto denwa", officeId: "nagasaki", role: "staff", now: tuesdayTen });
    expect(staff.email).toBe("yamada.taro@example.jp");
    expect(await store.db.select().from(auditLog).where(eq(auditLog.action, "create_staff"))).toHaveLength(1);
  });
});
