// Finding 1 of issue 18: one client booked all the slots of a day, with one name, email and phone
// and no seeker number. Every request now counts against the person (LINE user or web session,
// email, phone) and the client address, in the database.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp, serveTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { addStaff, call, loginAs } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

// Tuesday 24 November 2026, 10:00 in Tokyo; the spree is on Monday 30 November.
const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };
const mondayTimes = ["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30"];

type Served = Awaited<ReturnType<typeof serveTestApp>>;
type Client = ReturnType<Served["as"]>;
interface Person {
  name: string;
  email: string;
  phone: string;
}

describe.each(storeKinds)("requests from one person or one client on $name", (kind) => {
  const store = useStore(kind);
  let served: Served;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp(store, { now, env: { TRUST_PROXY: "127.0.0.1" }, deps: { chatRateLimits: loose } });
    served = await serveTestApp(t.app);
  });
  afterEach(() => served.close());

  /** A fresh chat from this client, through the whole request for one time; the bot's last words. */
  async function request(client: Client, who: Person, time: string, options: { submit?: boolean } = {}) {
    const chat = await startChat(client, { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say(who.name);
    await chat.tap("まだ登録していない");
    await chat.say(who.email);
    await chat.say(who.phone);
    await chat.tap("指名しない");
    await chat.pick(`2026-11-30T${time}`);
    if (!chat.text.includes("を仮押さえしました") || options.submit === false) return chat;
    await chat.say("求人の探し方について");
    await chat.tap("必要ない");
    await chat.tap("申し込む");
    await chat.say(await mailedCode(store.db));
    return chat;
  }

  const requested = async () => (await store.db.select().from(bookings).where(eq(bookings.status, "requested"))).length;

  it("stops a day-long spree with one name, email and phone after the limit per person", { timeout: 120_000 }, async () => {
    const spree = served.as("203.0.113.9");
    const same = { name: "Claim Prize", email: "prize@evil.example", phone: "090-0000-0000" };
    const answers: string[] = [];
    for (const time of mondayTimes.slice(0, 5)) answers.push((await request(spree, same, time)).text);
    expect(await requested()).toBe(2);
    expect(answers.slice(0, 2).every((a) => a.includes("お申し込みを受け付けました"))).toBe(true);
    for (const answer of answers.slice(2)) expect(answer).toContain("同時にお申し込みいただける件数の\n上限に達しています");
    // Another way of writing the same number is the same person; so is another way of writing the
    // same mailbox, once it is proven with its code.
    const samePhone = await request(spree, { ...same, email: "other@example.jp", phone: "09000000000" }, "15:00");
    expect(samePhone.text).toContain("上限に達しています");
    const sameMailbox = await request(spree, { ...same, email: "Prize+2@EVIL.example", phone: "090-9999-0000" }, "15:30");
    expect(sameMailbox.text).toContain("同時にお申し込みいただける件数の\n上限に達しています");
    expect(await requested()).toBe(2);
  });

  it("stops a day-long spree with a new name, email and phone each time after the limit per client", { timeout: 180_000 }, async () => {
    const spree = served.as("203.0.113.9");
    let made = 0;
    for (const [i, time] of mondayTimes.entries()) {
      const chat = await request(spree, { name: `Spree ${String.fromCharCode(65 + i)}`, email: `s${i}@catchall.example`, phone: `090-1000-${String(1000 + i)}` }, time);
      if (chat.text.includes("お申し込みを受け付けました")) made++;
      else expect(chat.text).toContain("この回線からのお申し込みが多いため");
    }
    expect(made).toBe(5);
    expect(await requested()).toBe(5);
    // Someone else, elsewhere, still gets the day's other times.
    const other = await request(served.as("198.51.100.20"), { name: "長崎 花子", email: "hanako@example.jp", phone: "095-862-0001" }, "15:30");
    expect(other.text).toContain("お申し込みを受け付けました");

    // Admins see the client in the abuse report; an office's staff do not get it.
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    const res = await call(t.app, await loginAs(t.app, "admin@example.jp"), "GET", "/api/staff/abuse/clients?hours=24");
    expect(res.status).toBe(200);
    const report = (await res.json()) as { clients: { client: string; holds: number; requests: number; sessions: number; emails: number }[] };
    expect(report.clients).toEqual([expect.objectContaining({ client: "203.0.113.9", holds: 5, requests: 5, sessions: 5, emails: 5 })]);
    expect((await call(t.app, await loginAs(t.app, "ng@example.jp"), "GET", "/api/staff/abuse/clients")).status).toBe(403);
  });

  it("lets one client hold only a few slots at once, and one session only one", { timeout: 120_000 }, async () => {
    const client = served.as("203.0.113.50");
    const held: string[] = [];
    for (const [i, time] of mondayTimes.slice(0, 4).entries()) {
      const chat = await request(client, { name: `Holder ${String.fromCharCode(65 + i)}`, email: `h${i}@example.jp`, phone: `090-2000-${String(1000 + i)}` }, time, { submit: false });
      held.push(chat.text);
    }
    expect(held.slice(0, 3).every((a) => a.includes("を仮押さえしました"))).toBe(true);
    expect(held[3]).toContain("この回線から仮押さえ中の枠が多いため");

    const session = await request(served.as("198.51.100.7"), { name: "長崎 太郎", email: "taro@example.jp", phone: "090-1234-5678" }, "13:00", { submit: false });
    await session.say("求人の探し方について");
    await session.tap("必要ない");
    await session.choose("edit:when");
    await session.pick("2026-11-30T13:30");
    expect(session.text).toContain("を仮押さえしました");
    const holds = await store.db.select().from(bookings).where(eq(bookings.conversationId, session.sessionId));
    expect(holds.filter((b) => b.status === "held").map((b) => b.startsAt.toISOString())).toEqual(["2026-11-30T04:30:00.000Z"]);
  });
});
