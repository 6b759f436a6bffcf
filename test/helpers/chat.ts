import { desc, like } from "drizzle-orm";
import { expect } from "vitest";
import type { BotMessage } from "../../src/messages.ts";
import type { Db } from "../../src/store/db.ts";
import { outbox } from "../../src/store/schema.ts";

/** The app itself, or a client of it on a real socket. */
type AnyApp = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** Talks to the web chat API the way the widget does, and keeps the bot's last replies. */
export async function startChat(app: AnyApp, body: Record<string, unknown> = {}) {
  const res = await app.request("/api/chat/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { sessionId: string; token: string; messages: BotMessage[] };
  let last: BotMessage[] = created.messages;
  let mode = "bot";

  async function post(payload: Record<string, unknown>): Promise<BotMessage[]> {
    const r = await app.request(`/api/chat/sessions/${created.sessionId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${created.token}` },
      body: JSON.stringify(payload),
    });
    if (r.status !== 200) throw new Error(`chat answered ${r.status}: ${await r.text()}`);
    const json = (await r.json()) as { messages: BotMessage[]; mode: string };
    last = json.messages;
    mode = json.mode;
    return last;
  }

  const chat = {
    sessionId: created.sessionId,
    token: created.token,
    get last() {
      return last;
    },
    get mode() {
      return mode;
    },
    /** All the text of the last replies, joined. */
    get text() {
      return last.map((m) => m.text).join("\n");
    },
    get choices() {
      return last.flatMap((m) => m.choices ?? []);
    },
    say: (text: string) => post({ text }),
    pick: (datetime: string) => post({ datetime }),
    choose: (value: string) => post({ choice: value }),
    /** Taps the offered choice whose label matches. */
    async tap(label: string | RegExp) {
      const found = chat.choices.find((c) => (typeof label === "string" ? c.label === label : label.test(c.label)));
      if (!found) throw new Error(`no choice ${label} among ${JSON.stringify(chat.choices.map((c) => c.label))}`);
      return post({ choice: found.value });
    },
  };
  return chat;
}

/** The one-time code in the latest confirmation mail waiting in the outbox, as the seeker reads it. */
export async function mailedCode(db: Db): Promise<string> {
  const [job] = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(like(outbox.idempotencyKey, "email-code:%"))
    .orderBy(desc(outbox.id))
    .limit(1);
  const text = (job?.payload as { mail?: { text?: string } } | undefined)?.mail?.text ?? "";
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error("no confirmation code has been mailed");
  return code;
}
