import { beforeEach, describe, expect, it } from "vitest";
import { desc, like } from "drizzle-orm";
import { wordsFor, type Locale } from "../../src/i18n/index.ts";
import { bookings, outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

// A whole booking in 简体中文 and in Tiếng Việt through the chat API, typed the way a seeker of that
// language types it. Tuesday 24 November 2026, 10:00 in Tokyo; 12月1日 / 1/12 is Tuesday 1 December.
const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

const seekers: Array<{ locale: Locale; book: string; name: string; when: string; topic: string; email: string }> = [
  { locale: "zh-Hans", book: "我想预约", name: "王 明", when: "12月1日下午2点", topic: "想找办公室的工作", email: "wang@example.jp" },
  { locale: "vi", book: "Tôi muốn đặt lịch", name: "Nguyen Van An", when: "1/12 lúc 14h", topic: "Tôi muốn tìm việc văn phòng", email: "an@example.jp" },
];

describe.each(storeKinds)("a whole booking in Chinese and Vietnamese through the chat API on $name", (kind) => {
  const store = useStore(kind);
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  beforeEach(async () => {
    ({ app } = await buildTestApp(store, { now, deps: { chatRateLimits: loose } }));
  });

  it.each(seekers)("books in $locale, every answer in $locale, and stores the booking in $locale", async (s) => {
    const w = wordsFor(s.locale).bot;
    const chat = await startChat(app, { locale: s.locale });
    expect(chat.text).toContain(w.menu.greeting);

    await chat.say(s.book);
    expect(chat.text).toContain(w.intake.askOffice);
    await chat.tap(chat.choices[0]!.label);
    await chat.tap(w.intake.requesterSeeker);
    expect(chat.text).toContain(w.intake.askConsent);
    await chat.tap(w.intake.consentAgree);
    expect(chat.text).toContain(w.intake.askName);
    await chat.say(s.name);
    await chat.say("42010-1234567");
    await chat.say(s.email);
    await chat.say("090-1234-5678");
    await chat.tap(w.intake.noPreference);
    expect(chat.text).toContain(w.intake.askWhen.split("\n")[0]!);

    await chat.say(s.when);
    expect(chat.text).toContain(w.intake.askTopic);
    await chat.say(s.topic);
    await chat.tap(w.intake.supportNone);
    expect(chat.text).toContain(w.intake.summaryIntro);
    await chat.tap(w.intake.submit);

    // the confirmation code's mail is in the seeker's language
    const [codeMail] = await store.db.select({ payload: outbox.payload }).from(outbox).where(like(outbox.idempotencyKey, "email-code:%")).orderBy(desc(outbox.id)).limit(1);
    const mail = (codeMail!.payload as { mail: { subject: string; text: string } }).mail;
    expect(mail.text).toContain(w.verify.mailBody("000000", 10, "").split("\n")[0]!);

    await chat.say(await mailedCode(store.db));
    expect(chat.text).toContain(w.intake.submitted("").split("\n")[0]!);

    const [row] = await store.db.select().from(bookings);
    expect(row!.locale).toBe(s.locale);
    expect(row!.startsAt.toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });

  it("reads 3/12 as 3 December in a Vietnamese conversation", async () => {
    const w = wordsFor("vi").bot;
    const chat = await startChat(app, { locale: "vi" });
    await chat.say("đặt lịch");
    await chat.tap(chat.choices[0]!.label);
    await chat.tap(w.intake.requesterSeeker);
    await chat.tap(w.intake.consentAgree);
    await chat.say("Nguyen Van An");
    await chat.say("42010-1234567");
    await chat.say("an@example.jp");
    await chat.say("090-1234-5678");
    await chat.tap(w.intake.noPreference);
    await chat.say("3/12 lúc 10h");
    expect(chat.text).toContain(w.intake.askTopic);
    expect(chat.text).toContain("thứ Năm, 3/12, 10:00–10:30");
  });
});
