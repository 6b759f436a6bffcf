// The database cut away from a real server process by a TCP proxy that resets connections: the
// routes answer 503 with Retry-After in both languages within 2 s, the process recovers by itself,
// and none of the personal values typed during the run appears in its log.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTcpProxy } from "../fakes/tcp-proxy.ts";
import { startProcess } from "../helpers/process.ts";
import { postgresKind, testDatabaseUrl, useStore } from "../helpers/stores.ts";

const dir = mkdtempSync(join(tmpdir(), "soudan-db-outage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a seeker types: every one of these must stay out of the log. */
const personal = {
  name: "長崎花子",
  seekerNumber: "42010-7654321",
  email: "hanako.nagasaki@example.jp",
  phone: "090-8765-4321",
  topic: "パワハラで退職を考えています",
};

describe.skipIf(!testDatabaseUrl)("a server whose PostgreSQL connections are reset, through a TCP proxy", () => {
  const store = useStore(postgresKind);

  it("answers 503 with Retry-After within 2 s, recovers, and logs no personal data", { timeout: 90_000 }, async () => {
    const url = new URL(store.databaseUrl!);
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    const server = startProcess([], { DATABASE_URL: url.toString(), PORT: "0", DATA_DIR: mkdtempSync(join(dir, "server-")) });
    try {
      await server.waitFor('"listening"');
      const base = `http://127.0.0.1:${/"port":(\d+)/.exec(server.output())![1]}`;
      const post = (path: string, body: unknown, token?: string) =>
        fetch(base + path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

      const created = await post("/api/chat/sessions", { office: "nagasaki" });
      expect(created.status).toBe(201);
      const { sessionId, token } = (await created.json()) as { sessionId: string; token: string };
      const say = (text: string) => post(`/api/chat/sessions/${sessionId}/messages`, { text }, token);
      for (const value of Object.values(personal)) expect((await say(value)).status).toBe(200);

      proxy.reset();
      const outage: { status: number; ms: number; retryAfter: string | null; message: string }[] = [];
      for (const attempt of [
        ...Object.values(personal).map((v) => () => say(v)),
        () => post("/api/staff/login", { email: personal.email, password: "a wrong password here" }),
        () => post("/api/chat/sessions", { office: "nagasaki" }),
      ]) {
        const started = Date.now();
        const res = await attempt();
        const body = (await res.json()) as { error?: { message: string } };
        outage.push({ status: res.status, ms: Date.now() - started, retryAfter: res.headers.get("retry-after"), message: body.error?.message ?? "" });
      }
      console.log(`database reset: ${outage.map((o) => `${o.status} in ${o.ms} ms`).join(", ")}`);
      for (const o of outage) {
        expect(o).toMatchObject({ status: 503, retryAfter: "5" });
        expect(o.ms).toBeLessThan(2_000);
        expect(o.message).toContain("もう一度お試しください");
        expect(o.message).toContain("try again in a moment");
      }

      proxy.heal();
      const deadline = Date.now() + 15_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        status = (await say(personal.topic)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);

      const log = server.output();
      expect(log).toContain("database unavailable");
      for (const [what, value] of Object.entries(personal)) expect(log.includes(value), `${what} in the log`).toBe(false);
    } finally {
      server.child.kill("SIGKILL");
      await proxy.close();
    }
  });
});
