// The staff console as an office PC meets it: the real server started as `npm start` starts it (a
// process of its own, on the embedded store, with its outbox workers and the real clock), an SMTP sink
// for its mail, staff accounts made with `npm run staff:add`, and Chromium.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { expect } from "vitest";
import { addDays, jstDate } from "../../src/jst.ts";
import { isBusinessDay } from "../../src/schedule/index.ts";
import { startProcess, type RunningProcess } from "../helpers/process.ts";

export const STAFF_PASSWORD = "kujira-no-sora 2026 nagasaki";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An SMTP server that keeps every mail it is given, parsed. */
export async function startMailSink() {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => mails.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return {
    url,
    mails,
    /** The first mail to `to` whose subject matches, once it has arrived. */
    async waitFor(to: string, subject: RegExp, timeoutMs = 20_000): Promise<ParsedMail> {
      let found: ParsedMail | undefined;
      await expect
        .poll(() => (found = mails.find((m) => m.to && JSON.stringify(m.to).includes(to) && subject.test(m.subject ?? ""))), { timeout: timeoutMs, interval: 100 })
        .toBeTruthy();
      return found!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface StaffAccount {
  email: string;
  office?: string;
  role?: "staff" | "admin";
}

/** The server as `npm start` runs it, with staff accounts made first by `npm run staff:add`. */
export async function startConsoleServer(options: { staff: StaffAccount[]; env?: Record<string, string> }) {
  const dataDir = mkdtempSync(join(tmpdir(), "console-e2e-"));
  const sink = await startMailSink();
  const port = await freePort();
  const env = { DATA_DIR: dataDir, PORT: String(port), SMTP_URL: sink.url, MAIL_FROM: "相談予約ボット <no-reply@soudan.example.jp>", STAFF_MAIL_TO: "staff@soudan.example.jp", PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...options.env };
  for (const account of options.staff) {
    const args = ["tsx", "src/cli/staffAdd.ts", "--email", account.email, "--role", account.role ?? "staff", ...(account.office ? ["--office", account.office] : [])];
    const made = spawnSync("npx", args, { env: { ...process.env, ...env, STAFF_PASSWORD }, encoding: "utf8" });
    if (made.status !== 0) throw new Error(`staff:add failed: ${made.stderr}${made.stdout}`);
  }
  const server: RunningProcess = startProcess([], env, { discardLogs: false });
  await server.waitFor('"listening"', 60_000);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    sink,
    server,
    async close() {
      server.child.kill("SIGTERM");
      await server.exit;
      await sink.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the console's own sign-in page, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, path = "/staff"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "サインイン" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/staff/login"));
}

/** axe-core's serious and critical findings on the page as it is now (an empty list is a pass). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A weekday at least two days ahead that the Nagasaki office is open (the real clock runs here). */
export function nextOpenDay(now = new Date(), after = 2): string {
  let date = addDays(jstDate(now), after);
  while (!isBusinessDay("nagasaki", date, [])) date = addDays(date, 1);
  return date;
}

/** A web chat as the widget speaks to it: send a message or tap a choice by its label; `last` is the latest answer. */
async function openChat(baseUrl: string) {
  const call = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ sessionId: string; token: string; messages: { text: string; choices?: { label: string; value: string }[] }[] }>;
  };
  const session = await call("/api/chat/sessions", { office: "nagasaki" });
  const chat = {
    session,
    last: session.messages,
    async send(body: Record<string, unknown>) {
      chat.last = (await call(`/api/chat/sessions/${session.sessionId}/messages`, body, session.token)).messages;
    },
    async tap(label: string) {
      const choice = chat.last.flatMap((m) => m.choices ?? []).find((c) => c.label === label);
      if (!choice) throw new Error(`no choice ${label} in ${JSON.stringify(chat.last)}`);
      await chat.send({ choice: choice.value });
    },
    /** The intake up to and including the wished time. */
    async askFor(input: { date: string; time: string; name: string; email: string; phone?: string }) {
      await chat.send({ choice: "menu:book" });
      await chat.tap("仕事を探している方");
      await chat.tap("同意する");
      const seekerNumber = `42010-${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
      for (const answer of [input.name, seekerNumber, input.email, input.phone ?? "090-1234-5678"]) await chat.send({ text: answer });
      await chat.tap("指名しない");
      await chat.send({ datetime: `${input.date}T${input.time}` });
    },
  };
  return chat;
}

/** A seeker's whole booking through the web chat API, as the widget makes it; answers the reference and the chat. */
export async function requestThroughChat(
  baseUrl: string,
  /** The phone is 090-1234-5678 unless given: a person (a phone) may have only REQUESTS_PER_PERSON requests at once. */
  input: { date: string; time: string; name: string; email: string; phone?: string },
  /** Where the confirmation code arrives (the web chat proves the address before the request goes). */
  sink: Pick<Awaited<ReturnType<typeof startMailSink>>, "waitFor">,
): Promise<{ reference: string; sessionId: string; token: string }> {
  const chat = await openChat(baseUrl);
  await chat.askFor(input);
  await chat.send({ text: "事務職の求人について相談したい" });
  await chat.tap("必要ない");
  await chat.tap("申し込む");
  const codeMail = await sink.waitFor(input.email, /確認コード/);
  await chat.send({ text: /\b(\d{6})\b/.exec(codeMail.text ?? "")![1]! });
  const text = chat.last.map((m) => m.text).join("\n");
  const reference = /予約番号は ([A-Z]+-[A-Z0-9]+) です/.exec(text)?.[1];
  if (!reference) throw new Error(`the request was not sent: ${text}`);
  return { reference, sessionId: chat.session.sessionId, token: chat.session.token };
}

/** A seeker who finds the wished time full joins its waitlist in the web chat; answers the bot's reply. */
export async function joinWaitlistThroughChat(baseUrl: string, input: { date: string; time: string; name: string; email: string; phone?: string }): Promise<string> {
  const chat = await openChat(baseUrl);
  await chat.askFor(input);
  await chat.tap("キャンセル待ちする");
  return chat.last.map((m) => m.text).join("\n");
}
