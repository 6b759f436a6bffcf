// npm run backup / npm run restore as an operator runs them, against the server as npm start runs it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { addDays, jstDate } from "../src/jst.ts";
import { openStore } from "../src/store/db.ts";
import { bookings } from "../src/store/schema.ts";
import { startChat } from "./helpers/chat.ts";
import { freePort } from "./fakes/smtp-sink.ts";
import { startProcess, type RunningProcess } from "./helpers/process.ts";

/** Waits for /readyz; a server that exits or stays unready fails the test with what it printed. */
async function waitReady(server: RunningProcess, port: number): Promise<void> {
  await server.waitFor('"listening"', 90_000);
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not become ready:\n${server.output()}`);
}

/** The confirmation code the server mailed (into DATA_DIR/mail, with no SMTP configured). */
async function mailedCodeIn(mailDir: string): Promise<string> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    for (const file of existsSync(mailDir) ? readdirSync(mailDir) : []) {
      const mail = await simpleParser(readFileSync(join(mailDir, file)));
      const code = /確認コード/.test(mail.subject ?? "") ? /\b(\d{6})\b/.exec(mail.text ?? "")?.[1] : undefined;
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no confirmation code was mailed");
}

/** A whole request over the web chat of a running server; returns its reference. */
async function bookOverChat(port: number, name: string, mailDir: string): Promise<string> {
  const app = { request: (path: string | URL | Request, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${String(path)}`, init) };
  const chat = await startChat(app, { office: "nagasaki" });
  await chat.choose("menu:book");
  await chat.tap("仕事を探している方");
  await chat.tap("同意する");
  for (const answer of [name, "42010-3030303", "backup@example.jp", "090-3333-4444"]) await chat.say(answer);
  await chat.tap("指名しない");
  // The first weekday a few days on that the office takes (holidays and the year-end are skipped).
  const today = jstDate(new Date());
  for (let days = 3; days < 20 && !chat.text.includes("仮押さえ"); days++) await chat.pick(`${addDays(today, days)}T11:00`);
  expect(chat.text).toContain("仮押さえ");
  await chat.say("事務職の求人について");
  await chat.tap("必要ない");
  await chat.tap("申し込む");
  // The web chat proves the address with a mailed code before the request goes.
  await chat.say(await mailedCodeIn(mailDir));
  const reference = /([A-Z]{2}-[A-Z0-9]{6})/.exec(chat.text)?.[1];
  expect(reference).toBeDefined();
  return reference!;
}

describe("backup and restore of the embedded store", () => {
  const dir = mkdtempSync(join(tmpdir(), "soudan-backup-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("backs up while the server runs and takes requests, and restores into a new data folder with the bookings", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const server = startProcess([], { DATA_DIR: join(dir, "live"), PORT: String(port) });
    try {
      await waitReady(server, port);
      const reference = await bookOverChat(port, "長崎 復元", join(dir, "live", "mail"));

      // Chat goes on while the copy is made.
      let chatting = true;
      const traffic = (async () => {
        while (chatting) await fetch(`http://127.0.0.1:${port}/api/chat/sessions`, { method: "POST", body: "{}" });
      })();
      const backup = startProcess(["backup", join(dir, "live.tar.gz")], { DATA_DIR: join(dir, "live") });
      expect(await backup.exit).toBe(0);
      chatting = false;
      await traffic;
      expect(backup.output()).toContain("written by the running server");
      expect(server.output()).toContain('"msg":"backup written"');

      const restore = startProcess(["restore", join(dir, "live.tar.gz")], { DATA_DIR: join(dir, "restored") });
      expect(await restore.exit).toBe(0);
      expect(restore.output()).toContain("1 bookings");

      const store = await openStore({ dataDir: join(dir, "restored") });
      try {
        const [row] = await store.db.select().from(bookings).where(eq(bookings.reference, reference));
        expect(row).toMatchObject({ status: "requested", name: "長崎 復元", email: "backup@example.jp" });
      } finally {
        await store.close();
      }
    } finally {
      server.child.kill("SIGTERM");
      await server.exit;
    }

    // With the server stopped, the command copies the folder itself.
    const offline = startProcess(["backup", join(dir, "stopped.tar.gz")], { DATA_DIR: join(dir, "live") });
    expect(await offline.exit).toBe(0);
    expect(offline.output()).toMatch(/backup of .* written to .*stopped\.tar\.gz/);
  });

  it("refuses to restore over a database, or from a file that is not a backup", { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, "not-a-backup.tar.gz"), "hello");
    const garbage = startProcess(["restore", join(dir, "not-a-backup.tar.gz")], { DATA_DIR: join(dir, "fresh") });
    expect(await garbage.exit).toBe(1);
    expect(garbage.output()).toContain("restore failed: The backup could not be restored");

    const store = await openStore({ dataDir: join(dir, "occupied") });
    await store.close();
    const over = startProcess(["restore", join(dir, "not-a-backup.tar.gz")], { DATA_DIR: join(dir, "occupied") });
    expect(await over.exit).toBe(1);
    expect(over.output()).toContain("already holds a database");
  });

  it("points PostgreSQL users to pg_dump", { timeout: 30_000 }, async () => {
    const run = startProcess(["backup"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain("pg_dump");
  });
});
