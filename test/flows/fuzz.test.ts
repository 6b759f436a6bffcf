import { describe, expect, it } from "vitest";
import type { BotMessage } from "../../src/messages.ts";
import { conversations } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const TOTAL = 10_000;
const SESSIONS = 50;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hostile = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "'; DROP TABLE bookings; --",
  "\" OR 1=1 --",
  "${process.exit(1)}",
  "{{constructor.constructor('return this')()}}",
  "__proto__",
  "\u202Eevil\u202C",
  "\u200B\u200B\u200B",
  "\u0000\u0001\u0007",
  "مرحبا بكم",
  "שלום",
  "😀😃😄😁🙏🏽👨‍👩‍👧‍👦",
  "𠮷野家",
  "\uD800",
  "ｔｅｓｔ＠ｇｍａｉｌ．ｃｏｍ",
  "42010-12345678",
  "095-862-8643",
  "12月3日14時",
  "来週火曜の午後",
  "はい",
  "いいえ",
  "戻る",
  "やめる",
  "最初から",
  "キャンセル",
  "人と話したい",
  "English",
  "日本語",
  "長崎 太郎です",
  "",
  " ",
  "\n\n\n",
];
const choices = ["menu:book", "menu:status", "menu:change", "menu:cancel", "menu:now", "menu:faq", "office:nagasaki", "office:tokyo", "requester:seeker", "consent:yes", "consent:no", "seeker:none", "counsellor:none", "counsellor:nobody", "slot:2026-12-01T14:00", "slot:9999-99-99T99:99", "slot:", "edit:phone", "edit:__proto__", "submit", "edit", "stop", "back", "yes", "no", "confirm:alt", "booking:not-a-uuid", "resume:yes", "faq:cost", "faq:constructor", "x".repeat(200)];

function randomInput(next: () => number): Record<string, unknown> {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const roll = next();
  if (roll < 0.35) return { text: pick(hostile) };
  if (roll < 0.5) return { text: Array.from({ length: 1 + Math.floor(next() * 40) }, () => String.fromCodePoint(Math.floor(next() * 0x2ffff))).join("") };
  if (roll < 0.55) return { text: pick(hostile).repeat(Math.ceil(next() * 300)) };
  if (roll < 0.85) return { choice: pick(choices) };
  const pad = (n: number) => String(n).padStart(2, "0");
  return { datetime: `20${pad(Math.floor(next() * 100))}-${pad(Math.floor(next() * 14))}-${pad(Math.floor(next() * 33))}T${pad(Math.floor(next() * 25))}:${pad(Math.floor(next() * 61))}` };
}

describe("the chat under 10,000 random and hostile inputs", () => {
  const store = useStore(storeKinds[0]!, { resetEach: false });

  it("answers every one, never with a 5xx, and leaves every conversation readable", { timeout: 240_000 }, async () => {
    const { app } = await buildTestApp(store, {
      now,
      deps: { chatRateLimits: { sessionsPerMinutePerClient: 1e6, messagesPerMinutePerSession: 1e6, messagesPerMinutePerClient: 1e6 } },
    });
    const next = random(20261124);
    const sessions: { id: string; token: string }[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const res = await app.request("/api/chat/sessions", { method: "POST", body: JSON.stringify({ locale: i % 5 === 0 ? "en" : "ja" }) });
      const body = await res.json();
      sessions.push({ id: body.sessionId, token: body.token });
    }
    const statuses = new Map<number, number>();
    let unanswered = 0;
    for (let i = 0; i < TOTAL; i++) {
      const session = sessions[i % SESSIONS]!;
      const input = randomInput(next);
      const res = await app.request(`/api/chat/sessions/${session.id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${session.token}` },
        body: JSON.stringify(input),
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `input ${i}: ${JSON.stringify(input).slice(0, 200)}`).toBeLessThan(500);
      if (res.status === 200) {
        const body = (await res.json()) as { messages: BotMessage[] };
        if (body.messages.length === 0 || body.messages.some((m) => typeof m.text !== "string" || m.text.length === 0)) unanswered++;
      } else {
        expect(res.status).toBe(400);
      }
    }
    console.log(`fuzz: ${TOTAL} inputs, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(unanswered).toBe(0);
    for (const session of sessions) {
      const res = await app.request(`/api/chat/sessions/${session.id}`, { headers: { authorization: `Bearer ${session.token}` } });
      expect(res.status).toBe(200);
    }
    const rows = await store.db.select().from(conversations);
    for (const row of rows) {
      expect(typeof row.state).toBe("object");
      expect(["bot", "handoff"]).toContain(row.mode);
    }
  });
});
