import { beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { testConfig } from "../helpers/config.ts";
import { findOffice } from "../../src/config.ts";
import { chatNotices } from "../../src/notify/chatNotices.ts";
import { wordsFor } from "../../src/i18n/index.ts";
import { withoutRuby } from "../../src/i18n/ruby.ts";

// Things the chat did wrong (issue 15, section 6), each as the seeker meets it through the chat API.
// Tuesday 24 November 2026, 10:00 in Tokyo.
const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

type Chat = Awaited<ReturnType<typeof startChat>>;

describe.each(storeKinds)("the seeker's journey through the chat API on $name", (kind) => {
  const store = useStore(kind);
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  beforeEach(async () => {
    ({ app } = await buildTestApp(store, { now, deps: { chatRateLimits: loose } }));
  });

  async function upToWhen(chat: Chat, seekerNumber = "42010-1234567") {
    await chat.choose("menu:book");
    await chat.tap("ハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎です");
    await chat.say(seekerNumber);
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await chat.tap("指名しない");
    expect(chat.text).toContain("ご希望の日時");
  }

  async function upToSummary(chat: Chat, when = "12月1日 14時") {
    await upToWhen(chat);
    await chat.say(when);
    await chat.say("事務職の求人について");
    await chat.tap("必要ない");
    expect(chat.text).toContain("お申し込み内容をご確認ください");
  }

  async function book(chat: Chat, when = "12月1日 14時") {
    await upToSummary(chat, when);
    await chat.tap("申し込む");
    await chat.say(await mailedCode(store.db));
    expect(chat.text).toContain("お申し込みを受け付けました");
  }

  const activeRows = async () => (await store.db.select().from(bookings)).filter((b) => b.status !== "expired" && b.status !== "cancelled");

  describe("changing to the time already booked", () => {
    it("says once that it is the same time, holds nothing, and offers other times or keeping the booking", async () => {
      const chat = await startChat(app);
      await book(chat);
      await chat.tap("予約を変更する");
      await chat.say("12月1日 14時");
      expect(chat.text).toContain("今のご予約と同じ日時です");
      expect(chat.text).not.toContain("仮押さえ");
      expect(chat.last).toHaveLength(1);
      expect((await activeRows()).map((b) => b.status)).toEqual(["requested"]);
      const values = chat.choices.map((c) => c.value);
      expect(values).toEqual(expect.arrayContaining(["slot:2026-12-01T13:30", "slot:2026-12-01T14:30"]));
      expect(values).not.toContain("slot:2026-12-01T14:00");
      expect(chat.choices.map((c) => c.label)).toContain("変更しない");

      // Asked again, the same single answer: nothing held, no loop of holds.
      await chat.say("12月1日の14時でお願いします");
      expect(chat.text).toContain("今のご予約と同じ日時です");
      expect(chat.text).not.toContain("仮押さえ");
      expect((await activeRows()).map((b) => b.status)).toEqual(["requested"]);

      await chat.tap("変更しない");
      expect(chat.text).toContain("ご予約はそのままです");
      expect((await activeRows()).map((b) => b.status)).toEqual(["requested"]);
    });

    it("still moves the booking to another time offered after the same one", async () => {
      const chat = await startChat(app);
      await book(chat);
      await chat.tap("予約を変更する");
      await chat.pick("2026-12-01T14:00");
      expect(chat.text).toContain("今のご予約と同じ日時です");
      await chat.choose("slot:2026-12-01T14:30");
      expect(chat.text).toContain("へ変更しますか");
      await chat.tap("変更する");
      expect(chat.text).toContain("14:30～15:00\nへの変更を受け付けました");
    });
  });

  describe("a seeker who already has a booking", () => {
    it("is told as soon as they ask to book again in the same conversation, and may see or change it", async () => {
      const chat = await startChat(app);
      await book(chat);
      await chat.choose("menu:book");
      expect(chat.text).toContain("すでに 12月1日(火) 14:00～14:30 の\nご予約があります");
      expect(chat.choices.map((c) => c.value)).toEqual(expect.arrayContaining(["menu:status", "menu:change"]));
      await chat.tap("予約を変更する");
      expect(chat.text).toContain("現在のご予約は");
    });

    it("may still ask for another booking after being told", async () => {
      const chat = await startChat(app);
      await book(chat);
      await chat.choose("menu:book");
      await chat.tap("別の予約を申し込む");
      expect(chat.text).toContain("どなたのご相談ですか");
    });

    it("is told right after giving a seeker number that has a booking, before any other detail", async () => {
      const first = await startChat(app);
      await book(first);
      const second = await startChat(app);
      await second.choose("menu:book");
      await second.tap("ハローワーク長崎");
      await second.tap("仕事を探している方");
      await second.tap("同意する");
      await second.say("長崎 太郎です");
      await second.say("42010-1234567");
      expect(second.text).toContain("この求職番号には、すでにご予約があります");
      expect(second.text).not.toContain("メールアドレス");
      // Another conversation's booking: its time is not told to whoever types the number.
      expect(second.text).not.toContain("12月1日");
      expect(second.text).toContain("095-862-8643");
      // Another number goes on.
      await second.say("42010-7654321");
      expect(second.text).toContain("メールアドレスを教えてください");
    });

    it("is told at the seeker number in the conversation that made the booking, with a way to see or change it", async () => {
      const chat = await startChat(app);
      await book(chat);
      await chat.choose("menu:book");
      await chat.tap("別の予約を申し込む");
      await chat.tap("仕事を探している方");
      await chat.say("長崎 太郎です");
      await chat.say("42010-1234567");
      expect(chat.text).toContain("すでに 12月1日(火) 14:00～14:30 の\nご予約があります");
      expect(chat.choices.map((c) => c.value)).toEqual(expect.arrayContaining(["menu:status", "menu:change"]));
    });
  });

  describe("the summary", () => {
    it("says which buttons to choose when something else is typed, without the summary again", async () => {
      const chat = await startChat(app);
      await upToSummary(chat);
      await chat.say("えーと、どうすれば？");
      expect(chat.text).toContain("「申し込む」");
      expect(chat.text).toContain("「修正する」");
      expect(chat.text).not.toContain("お申し込み内容をご確認ください");
      expect(chat.choices.map((c) => c.value)).toEqual(["submit", "edit", "stop"]);
      expect((await activeRows()).map((b) => b.status)).toEqual(["held"]);
    });

    it.each(["はい", "yes", "送信"])("takes 「%s」 typed at the summary as sending the request", async (answer) => {
      const chat = await startChat(app);
      await upToSummary(chat);
      await chat.say(answer);
      // On the web the address is proven first: the code is the last step of sending.
      expect(chat.text).toContain("確認コード");
      await chat.say(await mailedCode(store.db));
      expect(chat.text).toContain("お申し込みを受け付けました");
    });

    it("asks what to correct when the answer is no", async () => {
      const chat = await startChat(app);
      await upToSummary(chat);
      await chat.say("いいえ");
      expect(chat.text).toContain("どこを修正しますか");
      expect(chat.choices.map((c) => c.value)).toContain("edit:phone");
    });

    it("is written in English with English punctuation", async () => {
      const chat = await startChat(app);
      await chat.say("Hello, I would like to book a session");
      await chat.tap("Hello Work Nagasaki");
      await chat.tap("I am looking for work");
      await chat.tap("I agree");
      await chat.say("John Smith");
      await chat.say("42010-7654321");
      await chat.say("john@example.com");
      await chat.say("+81 90 1234 5678");
      await chat.tap("No preference");
      await chat.say("Dec 1 at 2pm");
      await chat.say("Office work openings");
      await chat.tap("Not needed");
      const summary = chat.last[0]!.text;
      expect(summary).toContain("Office: Hello Work Nagasaki");
      expect(summary).toContain("Tue 1 Dec, 14:00–14:30");
      expect(summary).not.toMatch(/[：（）～・]/u);
      await chat.say("send");
      expect(chat.text).not.toMatch(/[：（）～・]/u);
    });
  });

  describe("the 「別の日時で予約する」 button of the staff's notices", () => {
    const config = testConfig();
    const office = findOffice(config, "nagasaki")!;
    const booking = { reference: "NG-ABCDEF", office, startsAt: new Date("2026-12-01T14:00:00+09:00"), endsAt: new Date("2026-12-01T14:30:00+09:00") };
    const notices = {
      rejection: chatNotices.rejected("ja", booking, null, []),
      "staff cancellation": chatNotices.cancelledByStaff("ja", booking, null),
      "no-show": chatNotices.noShow("ja", booking),
    };

    it.each(Object.entries(notices))("starts a booking from the %s message", async (_name, notice) => {
      const button = notice.choices!.find((c) => c.label === "別の日時で予約する")!;
      const chat = await startChat(app);
      await chat.choose(button.value);
      expect(chat.text).not.toContain("うまく読み取れませんでした");
      expect(chat.text).toContain("どちらの窓口で相談しますか");
    });
  });

  describe("menu labels typed instead of tapped", () => {
    it.each(["予約を取り消す", "予約を取り消したい"])("「%s」 opens the cancellation of the booking", async (typed) => {
      const chat = await startChat(app);
      await book(chat);
      await chat.say(typed);
      expect(chat.text).toContain("12月1日(火) 14:00～14:30\nのご予約を取り消しますか");
    });

    it("「今すぐ相談したい」 opens talking now, not a booking", async () => {
      const chat = await startChat(app, { office: "nagasaki" });
      await chat.say("今すぐ相談したい");
      expect(chat.text).toContain("今すぐの相談は、過去に規約へ");
      expect(chat.text).not.toContain("どなたのご相談ですか");
    });

    for (const locale of ["ja", "en", "ja-x-easy"] as const) {
      it(`gives every menu label typed in ${locale} the same answer as its button`, async () => {
        const words = wordsFor(locale).bot.menu;
        for (const key of ["book", "status", "change", "cancel", "now", "faq", "human"] as const) {
          const tapped = await startChat(app, { office: "nagasaki", locale });
          await tapped.choose(`menu:${key}`);
          const typed = await startChat(app, { office: "nagasaki", locale });
          // Typed as it is read: the kanji without their furigana.
          await typed.say(withoutRuby(words[key]));
          expect(typed.text, `${locale} ${key}`).toBe(tapped.text);
        }
      });
    }
  });
});

