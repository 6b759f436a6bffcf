// やさしい日本語 through the chat API, every button's label typed instead of tapped (a person may copy
// it, or write what the button says): each does what tapping it does.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { catalogues } from "../../src/i18n/index.ts";
import { withoutRuby } from "../../src/i18n/ruby.ts";
import { choiceOfTypedLabel } from "../../src/flows/typedLabels.ts";
import { MAX_CHOICE_LABEL } from "../../src/messages.ts";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { makeRequest } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };
const easy = catalogues["ja-x-easy"].bot;
/** What a person reads, and so types: the kanji without their reading. */
const seen = (label: string) => withoutRuby(label);

type Chat = Awaited<ReturnType<typeof startChat>>;

describe.each(storeKinds)("やさしい日本語: a label typed is the button tapped, on $name", (kind) => {
  const store = useStore(kind);
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  let config: Awaited<ReturnType<typeof buildTestApp>>["config"];
  beforeEach(async () => {
    ({ app, config } = await buildTestApp(store, { now, deps: { chatRateLimits: loose } }));
  });

  const text = (chat: Chat) => withoutRuby(chat.text);

  async function upToCode(chat: Chat) {
    await chat.say(seen(easy.menu.book));
    await chat.choose("office:nagasaki");
    await chat.say(seen(easy.intake.requesterSeeker));
    await chat.say(seen(easy.intake.consentAgree));
    await chat.say("長崎 太郎");
    await chat.say("42010-1234567");
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await chat.choose("counsellor:none");
    await chat.say("12月1日 14時");
    await chat.say("事務の仕事を探したい");
    await chat.choose("support:none");
    await chat.say(seen(easy.intake.submit));
    expect(text(chat)).toContain("メールに 6けたの 数字が あります。");
  }

  it("sends the code again, and opens the address for change, from their labels typed", async () => {
    const chat = await startChat(app, { locale: "ja-x-easy" });
    await upToCode(chat);
    await chat.say(seen(easy.verify.resend));
    expect(text(chat)).toContain("taro@example.jpに\nメールを 送りました。");
    await chat.say("メールアドレスをなおす");
    expect(text(chat)).toContain("メールアドレスを 書いて ください。");
  });

  it("sees, moves and cancels a booking with the labels typed, spaces between phrases or not", async () => {
    const chat = await startChat(app, { locale: "ja-x-easy" });
    await upToCode(chat);
    await chat.say(await mailedCode(store.db));
    expect(chat.text).toMatch(/NG-[A-Z0-9]{6}/);

    await chat.say("予約を見る");
    expect(text(chat)).toContain("予約が 1件 あります。");

    await chat.say("予約の日をかえる");
    expect(text(chat)).toContain("今の 予約は 12月1日(火) 午後2時～2時30分です。");
    await chat.say("12月1日 14時");
    expect(text(chat)).toContain("今の 予約と 同じ 時間です。");
    await chat.say(seen(easy.change.keep));
    expect(text(chat)).toContain("予約は そのままです。");

    await chat.say(seen(easy.menu.change));
    await chat.say("12月2日 14時");
    expect(text(chat)).toContain("今：12月1日(火) 午後2時～2時30分\n新しい 日：12月2日(水) 午後2時～2時30分");
    expect(chat.choices.map((c) => seen(c.label))).toEqual(["はい、かえます", "いいえ、かえません"]);
    await chat.say("はい、かえます");
    expect(text(chat)).toContain("日を かえる 申し込みを 受け付けました。");
    expect(text(chat)).toMatch(/新しい 予約番号は NG-[A-Z0-9]{6}です。/);

    await chat.say(seen(easy.menu.cancel));
    expect(text(chat)).toContain("12月2日(水) 午後2時～2時30分の\n予約を やめますか？");
    await chat.say("いいえ、やめません");
    expect(text(chat)).toContain("予約は そのままです。");
    await chat.say("予約をやめる");
    await chat.say(seen(easy.cancel.doIt));
    expect(text(chat)).toContain("予約を やめました。");
    const rows = await store.db.select().from(bookings).where(eq(bookings.locale, "ja-x-easy"));
    expect(rows.filter((b) => b.status !== "cancelled" && b.status !== "expired")).toEqual([]);
  });

  it("answers each FAQ topic from its label typed", async () => {
    const chat = await startChat(app, { locale: "ja-x-easy" });
    await chat.say(seen(easy.menu.faq));
    const firstLine = (answer: string) => seen(answer).split("\n")[0]!;
    const expected = {
      hours: "【相談できる 時間】",
      phones: "【電話番号】",
      cost: firstLine(easy.faq.answers.cost),
      needed: firstLine(easy.faq.answers.needed),
      recording: firstLine(easy.faq.answers.recording),
      join: firstLine(easy.faq.answers.join),
      myPage: firstLine(easy.faq.answers.myPage),
    };
    for (const [topic, first] of Object.entries(expected)) {
      await chat.say(seen(easy.faq[topic as keyof typeof expected]));
      expect(text(chat).split("\n")[0], topic).toBe(first);
    }
  });

  it("keeps an address as written, picks no counsellor, opens the free days and books another, from the labels typed", async () => {
    const chat = await startChat(app, { locale: "ja-x-easy" });
    await chat.say(seen(easy.menu.book));
    await chat.choose("office:nagasaki");
    await chat.say(seen(easy.intake.requesterSeeker));
    await chat.say(seen(easy.intake.consentAgree));
    await chat.say("長崎 太郎");
    await chat.say("42010-1234567");
    await chat.say("taro@gmial.com");
    expect(text(chat)).toContain("「taro@gmial.com」と 書きました。\n「taro@gmail.com」では ありませんか？");
    expect(chat.choices.map((c) => seen(c.label))).toEqual(["taro@gmail.com", "書いた とおりで いい"]);
    await chat.say("書いたとおりでいい");
    expect(text(chat)).toContain("電話番号を 書いて ください。");
    await chat.say("090-1234-5678");
    await chat.say(seen(easy.intake.noPreference));
    expect(text(chat)).toContain("いつが いいですか？");
    await chat.say("あいている日から選ぶ");
    expect(text(chat)).toContain("あいて いる 日です。\n日を 選んで ください。");
    expect(chat.choices.map((c) => seen(c.label))).toContain(seen(easy.intake.moreDays));
    await chat.say("12月1日 14時");
    await chat.say("事務の仕事を探したい");
    await chat.choose("support:none");
    await chat.say(seen(easy.intake.submit));
    await chat.say(await mailedCode(store.db));
    const [booked] = await store.db.select().from(bookings).where(eq(bookings.locale, "ja-x-easy"));
    expect(booked?.email).toBe("taro@gmial.com");

    await chat.say(seen(easy.menu.book));
    expect(text(chat)).toContain("もう 予約が あります。\n12月1日(火) 午後2時～2時30分です。");
    expect(chat.choices.map((c) => seen(c.label))).toContain("もう1つ 予約する");
    await chat.say("もう1つ予約する");
    expect(text(chat)).toContain(seen(easy.intake.askRequester));
  });

  it("takes the counsellor of the last session from its label typed", async () => {
    const earlier = await makeRequest(store, config, {
      now: new Date("2026-10-01T10:00:00+09:00"),
      startsAt: new Date("2026-10-05T14:00:00+09:00"),
      seekerNumber: "42010-1234567",
    });
    await store.db.update(bookings).set({ status: "attended", counsellorId: "nagasaki-2" }).where(eq(bookings.id, earlier.id));
    const chat = await startChat(app, { locale: "ja-x-easy" });
    await chat.say(seen(easy.menu.book));
    await chat.choose("office:nagasaki");
    await chat.say(seen(easy.intake.requesterSeeker));
    await chat.say(seen(easy.intake.consentAgree));
    await chat.say("長崎 太郎");
    await chat.say("42010-1234567");
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    expect(chat.choices[0]).toEqual({ label: easy.intake.sameCounsellor, value: "counsellor:nagasaki-2" });
    await chat.say("前と同じ人");
    expect(text(chat)).toContain("いつが いいですか？");
    await chat.say("11月30日 14時");
    const [held] = await store.db.select().from(bookings).where(eq(bookings.status, "held"));
    expect(held).toMatchObject({ counsellorId: "nagasaki-2", counsellorNamed: true });
  });

  it("leaves the staff for the automatic guide, and finds a booking by its reference, from the labels typed", async () => {
    const chat = await startChat(app, { locale: "ja-x-easy" });
    await chat.say(seen(easy.menu.human));
    expect(chat.mode).toBe("handoff");
    await chat.say(seen(easy.handoff.leave));
    expect(chat.mode).toBe("bot");
    await chat.say(seen(easy.find.choice));
    expect(text(chat)).toContain("予約番号を 書いて ください。");
  });
});

describe("やさしい日本語 labels", () => {
  it("fit a LINE quick reply (20 characters) as LINE shows them", () => {
    const labels = [
      ...Object.values(easy.choice),
      easy.cancel.doIt,
      easy.cancel.keep,
      easy.change.doIt,
      easy.change.keep,
      easy.verify.resend,
      easy.verify.changeEmail,
      easy.find.choice,
      easy.handoff.leave,
      ...(["hours", "phones", "cost", "needed", "recording", "join", "myPage"] as const).map((t) => easy.faq[t]),
      ...Object.values(easy.rows),
      easy.waitlist.joinChoice,
      easy.waitlist.see,
      easy.waitlist.leave,
      easy.waitlist.leaveOne("12/3(木) 午後2時30分"),
      easy.intake.bookAnother,
      easy.intake.emailKeepTyped,
      easy.intake.sameCounsellor,
      easy.intake.noPreference,
      easy.intake.freeTimes,
      easy.intake.freeDayChoice("12月30日(水)", 16),
      easy.intake.moreDays,
      easy.intake.earlierDays,
      easy.intake.laterTimes,
      easy.intake.otherDays,
      easy.intake.spanLabel("12月30日(水)", "1月4日(月)"),
      easy.intake.afterLabel("12月3日(木) 午後2時"),
      easy.intake.beforeLabel("12月3日(木) 午後2時"),
    ];
    expect(labels.filter((l) => seen(l).length > MAX_CHOICE_LABEL)).toEqual([]);
  });

  it("take the waitlist's buttons typed to what tapping them does", () => {
    expect(choiceOfTypedLabel("待って いる 時間を 見る")).toBe("menu:waitlist");
    expect(choiceOfTypedLabel("待つのをやめる")).toBe("menu:leaveWaitlist");
  });

  it("write the code's mail without furigana marks (mail cannot show them)", () => {
    const mail = [easy.verify.mailSubject("ハローワーク長崎"), easy.verify.mailBody("123456", 10, "ハローワーク長崎")];
    expect(mail.filter((t) => /\{[^{}|]+\|/.test(t))).toEqual([]);
  });
});
