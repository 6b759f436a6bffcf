// Choosing the language: the bot menu's 「言語 / Language」 on both channels, switching mid-conversation
// (everything from the next message on, the answers kept), and a LINE profile's language.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookings, conversations } from "../../src/store/schema.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";
import { buildTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { testConfig } from "../helpers/config.ts";
import { withoutRuby } from "../../src/i18n/ruby.ts";
import { invitationMail } from "../../src/notify/mail/compose.ts";
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

  it("takes a whole booking in やさしい日本語, furigana marks in the chat and none in the mail", async () => {
    const chat = await startChat(app, { locale: "ja-x-easy" });
    const tap = (label: string) => {
      const found = chat.choices.find((c) => withoutRuby(c.label) === label);
      if (!found) throw new Error(`no choice ${label} among ${chat.choices.map((c) => withoutRuby(c.label)).join(", ")}`);
      return chat.choose(found.value);
    };
    expect(withoutRuby(chat.text)).toContain("ここで 予約を します。");
    expect(chat.text).toContain("{予約|よやく}");
    await tap("相談の 予約");
    await tap("ハローワーク長崎");
    expect(withoutRuby(chat.text)).toContain("だれの 相談ですか？");
    await tap("仕事を 探している");
    expect(withoutRuby(chat.text)).toContain("日本語の きまりが 正しい きまりです。");
    await tap("同意する");
    await chat.say("長崎 太郎");
    await chat.say("42010-1234567");
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await tap("選ばない");
    expect(withoutRuby(chat.text)).toContain("いつが いいですか？");
    await chat.pick("2026-12-01T14:00");
    expect(withoutRuby(chat.text)).toContain("12月1日(火) 午後2時～2時30分を 取って おきます。");
    await chat.say("事務の仕事を探したい");
    await tap("いらない");
    await tap("申し込む");
    await chat.say(await mailedCode(store.db));
    expect(chat.text).toMatch(/NG-[A-Z0-9]{6}/);
    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ locale: "ja-x-easy", status: "requested", name: "長崎 太郎" });
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

  it("takes a whole booking in やさしい日本語 chosen from the menu (LINE has no such profile language), kanji without furigana marks", async () => {
    const userId = lineUserId("easy");
    fake.setProfile(userId, { displayName: "C", language: "ja" });
    const user = lineUser(h, fake, userId);
    await user.follow();
    await user.tap("言語 / Language");
    await user.tap("やさしい にほんご");
    expect(user.text).toContain("ここで 予約を します。");
    await user.tap("相談の 予約");
    await user.tap("ハローワーク長崎");
    await user.tap("仕事を 探している");
    expect(user.text).toContain("日本語の きまりが 正しい きまりです。");
    await user.tap("同意する");
    await user.say("長崎 太郎");
    await user.say("42010-1234567");
    await user.say("taro@example.jp");
    await user.say("090-1234-5678");
    await user.tap("選ばない");
    await user.pick("2026-12-01T14:00");
    expect(user.text).toContain("12月1日(火) 午後2時～2時30分を 取って おきます。");
    await user.say("事務の仕事を探したい");
    await user.tap("いらない");
    await user.tap("申し込む");
    expect(user.text).toMatch(/NG-[A-Z0-9]{6}/);
    const delivered = JSON.stringify(fake.delivered(userId));
    expect(delivered).not.toMatch(/\{[^{}|]+\|/);
    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ locale: "ja-x-easy", status: "requested" });
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

describe("a mail and its .ics in やさしい日本語", () => {
  it("writes the date plainly, no furigana marks, and an .ics whose summary reads the same", () => {
    const office = testConfig().offices[0]!;
    const mail = invitationMail(
      { reference: "NG-ABCDEF", seekerName: "長崎 太郎", email: "taro@example.jp", office, startsAt: new Date("2026-12-03T14:00:00+09:00"), endsAt: new Date("2026-12-03T14:30:00+09:00"), meetingUrl: "https://meet.example.jp/x" },
      "ja-x-easy",
    );
    expect(mail.subject).toContain("12月3日(木) 午後2時から");
    expect(mail.text).toContain("12月3日(木) 午後2時～2時30分");
    const ics = mail.attachments![0]!.content;
    expect(ics).toContain("DTSTART:20261203T050000Z");
    for (const text of [mail.subject, mail.text, ics]) expect(text).not.toMatch(/\{[^{}|]+\|/);
  });
});
