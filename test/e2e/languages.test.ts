// Choosing the language: the bot menu's 「言語 / Language」 on both channels, switching mid-conversation
// (everything from the next message on, the answers kept), and a LINE profile's language.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { conversations } from "../../src/store/schema.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { lineUser, useLineHarness } from "./line.harness.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

describe.each(storeKinds)("choosing the language in the web chat on $name", (kind) => {
  const store = useStore(kind);
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  beforeEach(async () => {
    ({ app } = await buildTestApp(store, { now, deps: { chatRateLimits: loose } }));
  });

  it("offers every language from the menu, each in its own name", async () => {
    const chat = await startChat(app);
    expect(chat.choices.map((c) => c.label)).toContain("言語 / Language");
    await chat.tap("言語 / Language");
    expect(chat.text).toContain("Choose a language.");
    expect(chat.choices.map((c) => c.label)).toEqual(expect.arrayContaining(["日本語", "English", "やさしい にほんご"]));
    await chat.tap("English");
    expect(chat.text).toContain("What would you like to do?");
  });

  it("switches mid-conversation from the next message on and keeps the answers", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎です");
    expect(chat.text).toContain("求職番号を教えてください");
    // The widget's language menu sends this choice; the open question comes again in English.
    await chat.choose("locale:en");
    expect(chat.text).toContain("I will continue in English.");
    expect(chat.text).toMatch(/job seeker number/i);
    await chat.say("42010-1234567");
    expect(chat.text).toMatch(/email/i);
    const [row] = await store.db.select().from(conversations);
    expect(row!.locale).toBe("en");
    expect((row!.state as { answers?: Record<string, unknown> }).answers).toMatchObject({ name: "長崎 太郎" });
  });

  it("takes 「言語」 typed alone as a wish to see the languages, without losing the open question", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.say("言語");
    expect(chat.choices.map((c) => c.value)).toEqual(expect.arrayContaining(["locale:ja", "locale:en", "locale:ja-x-easy"]));
    await chat.choose("locale:ja");
    expect(chat.text).toContain("どなたのご相談ですか");
  });
});

describe.each(storeKinds)("choosing the language on LINE on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  it("greets in the language of the LINE profile when it is shared", async () => {
    const userId = lineUserId("english-profile");
    fake.setProfile(userId, { displayName: "Sam", language: "en" });
    const user = lineUser(h, fake, userId);
    await user.follow();
    expect(user.text).toContain("What would you like to do?");
    const [row] = await store.db.select().from(conversations).where(eq(conversations.userKey, userId));
    expect(row!.locale).toBe("en");
  });

  it("speaks Japanese when the profile has no language (not yet shared) or one we do not speak", async () => {
    for (const [name, profile] of [
      ["no-language", { displayName: "A" }],
      ["korean", { displayName: "B", language: "ko" }],
    ] as const) {
      const userId = lineUserId(name);
      fake.setProfile(userId, profile);
      const user = lineUser(h, fake, userId);
      await user.follow();
      expect(user.text, name).toContain("ご用件をお選びください");
    }
  });

  it("offers 「言語 / Language」 in the menu and switches, the open question asked again", async () => {
    const user = lineUser(h, fake, lineUserId("switcher"));
    await user.follow();
    await user.tap("相談を予約する");
    await user.tap("ハローワーク長崎");
    await user.say("言語");
    await user.tap("English");
    expect(user.text).toContain("I will continue in English.");
    expect(user.text).toContain("Who is the session for?");
  });
});
