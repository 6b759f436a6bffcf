import { beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

// Tuesday 24 November 2026, 10:00 in Tokyo. Ranges, open ranges and vague spans are wishes for
// "any time within": the bot offers the free slots inside them, says so, and holds nothing.
const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

describe.each(storeKinds)("ranges and spans in the answer to 'when?' on $name", (kind) => {
  const store = useStore(kind);
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  beforeEach(async () => {
    ({ app } = await buildTestApp(store, { now, deps: { chatRateLimits: loose } }));
  });

  async function upToWhen(english = false) {
    const chat = await startChat(app);
    if (english) {
      await chat.say("Hello, I would like to book a session");
      await chat.tap("Hello Work Nagasaki");
      await chat.tap("I am looking for work");
      await chat.tap("I agree");
      await chat.say("John Smith");
      await chat.say("42010-7654321");
      await chat.say("john@example.com");
      await chat.say("+81 90 1234 5678");
      await chat.tap("No preference");
      return chat;
    }
    await chat.choose("menu:book");
    await chat.tap("ハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎です");
    await chat.say("42010-1234567");
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await chat.tap("指名しない");
    expect(chat.text).toContain("ご希望の日時");
    return chat;
  }

  const offered = (chat: { choices: Array<{ value: string }> }) =>
    chat.choices.map((c) => c.value).filter((v) => v.startsWith("slot:")).map((v) => v.slice(5));

  it("offers only times after the hour for 以降, and holds nothing", async () => {
    const chat = await upToWhen();
    await chat.say("12月1日の14時以降でお願いします");
    expect(chat.text).toContain("12月1日(火) 14:00以降の\n空いている時間はこちらです");
    const slots = offered(chat);
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) expect(s >= "2026-12-01T14:00" && s < "2026-12-02").toBe(true);
    expect(await store.db.select().from(bookings)).toHaveLength(0);
  });

  it("offers the first free slots of a vague span and names the span", async () => {
    const chat = await upToWhen();
    await chat.say("来週のどこかで");
    expect(chat.text).toContain("11月30日(月)〜12月4日(金)の\n空いている時間はこちらです");
    const slots = offered(chat);
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) expect(s >= "2026-11-30" && s < "2026-12-05").toBe(true);
  });

  it("keeps both the days and the part of the day of a range", async () => {
    const chat = await upToWhen();
    await chat.say("12月2日〜4日の午後");
    const slots = offered(chat);
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) {
      expect(s >= "2026-12-02" && s < "2026-12-05").toBe(true);
      expect(s.slice(11) >= "13:00").toBe(true);
    }
  });

  it("asks back a date whose weekday does not match, instead of holding it", async () => {
    const chat = await upToWhen();
    await chat.say("12月4日(木)の14時");
    expect(chat.text).toContain("でよろしいですか");
    expect(await store.db.select().from(bookings)).toHaveLength(0);
  });

  it("says the span in English too", async () => {
    const chat = await upToWhen(true);
    await chat.say("any time next week");
    expect(chat.text).toContain("Free times from Mon 30 Nov to Fri 4 Dec");
    for (const s of offered(chat)) expect(s >= "2026-11-30" && s < "2026-12-05").toBe(true);
  });
});
