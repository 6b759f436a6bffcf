// Answers stored as codes: a seeker asks for an interpreter in Japanese; the database holds the code, and
// each reader (the English console, the JSON API, the CSV export, a follow-up form) shows it in their language.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, call, loginAs, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

describe.each(storeKinds)("the interpreter answer, stored as a code, read in each reader's language on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  let token: string;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen, deps: { chatRateLimits: loose } });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
    token = await loginAs(t.app, "ng@example.jp");
  });

  /** A seeker books in Japanese and asks for an interpreter. */
  async function bookWithInterpreter() {
    const chat = await startChat(t.app);
    await chat.choose("menu:book");
    await chat.tap("ハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎です");
    await chat.say("42010-1234567");
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await chat.tap("指名しない");
    await chat.say("11月30日 14時");
    await chat.say("事務職の求人について");
    await chat.tap("通訳が必要");
    // The seeker's summary reads the label in their language, as before.
    expect(chat.text).toContain("通訳・介助：通訳が必要");
    await chat.tap("申し込む");
    await chat.say(await mailedCode(store.db));
    expect(chat.text).toMatch(/予約番号は NG-[A-Z0-9]{6} です/);
    const [row] = await store.db.select().from(bookings);
    return row!;
  }

  const english = (path: string) => t.app.request(path, { headers: { cookie: `${s.cookie}; console_lang=en` } });

  it("stores the code, and shows staff the English label in the English console and the Japanese one in the Japanese console", async () => {
    const b = await bookWithInterpreter();
    expect(b.support).toBe("interpreter");

    const en = await (await english(`/staff/bookings/${b.id}`)).text();
    expect(en).toContain("<dt>Interpreter or assistant</dt><dd>Interpreter</dd>");
    expect(en).not.toContain("通訳が必要");
    const ja = await (await s.get(`/staff/bookings/${b.id}`)).text();
    expect(ja).toContain("<dt>通訳・介助</dt><dd>通訳が必要</dd>");

    const csv = await (await english("/staff/export.csv?status=requested")).text();
    expect(csv.split("\r\n")[1]).toContain(",Interpreter,");
  });

  it("answers the label in the language the JSON API is asked for, Japanese by default", async () => {
    const b = await bookWithInterpreter();
    const en = await call(t.app, token, "GET", `/api/staff/bookings/${b.id}?lang=en`);
    expect(en.status).toBe(200);
    const { booking } = await en.json();
    expect(booking.person.support).toBe("Interpreter");
    expect(booking.office.name).toBe("Hello Work Nagasaki");
    expect(booking.when).toBe("Mon 30 Nov, 14:00–14:30");

    const ja = await (await call(t.app, token, "GET", `/api/staff/bookings/${b.id}`)).json();
    expect(ja.booking.person.support).toBe("通訳が必要");
    expect(ja.booking.office.name).toBe("ハローワーク長崎");

    expect((await call(t.app, token, "GET", `/api/staff/bookings/${b.id}?lang=fr`)).status).toBe(400);
  });

  it("keeps the code when staff book a follow-up from the English console with the answer prefilled", async () => {
    const b = await bookWithInterpreter();
    const form = await (await english(`/staff/new?followUp=${b.id}`)).text();
    expect(form).toMatch(/name="support"[^>]*value="Interpreter"/);

    // One open request per seeker: the first gives way to the follow-up.
    expect((await call(t.app, token, "POST", `/api/staff/bookings/${b.id}/cancel`, { reason: "日時の変更" })).status).toBe(200);
    const res = await call(t.app, token, "POST", "/api/staff/bookings", {
      office: "nagasaki",
      startsAt: "2026-12-01T14:00:00+09:00",
      fromBookingId: b.id,
      support: "Interpreter",
    });
    expect(res.status).toBe(201);
    const followUp = (await res.json()).booking;
    const [row] = await store.db.select().from(bookings).where(eq(bookings.id, followUp.id));
    expect(row!.support).toBe("interpreter");
  });

  it("keeps what a seeker typed as text, and shows it as typed to every reader", async () => {
    const chat = await startChat(t.app);
    await chat.choose("menu:book");
    await chat.tap("ハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎です");
    await chat.say("42010-1234567");
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await chat.tap("指名しない");
    await chat.say("11月30日 14時");
    await chat.say("事務職の求人について");
    await chat.say("ポルトガル語の通訳をお願いします");
    await chat.tap("申し込む");
    await chat.say(await mailedCode(store.db));
    const [row] = await store.db.select().from(bookings);
    expect(row!.support).toBe("ポルトガル語の通訳をお願いします");
    expect(await (await english(`/staff/bookings/${row!.id}`)).text()).toContain("<dd>ポルトガル語の通訳をお願いします</dd>");
  });
});
