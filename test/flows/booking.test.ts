import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookings, closures, consents, conversations, counsellors, outbox, termsVersions } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

// Tuesday 24 November 2026, 10:00 in Tokyo.
const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

describe.each(storeKinds)("booking conversations through the chat API on $name", (kind) => {
  const store = useStore(kind);
  let app: Awaited<ReturnType<typeof buildTestApp>>["app"];
  beforeEach(async () => {
    ({ app } = await buildTestApp(store, { now, deps: { chatRateLimits: loose } }));
  });

  /** Walks the intake up to the question about the time. */
  async function upToWhen(chat: Awaited<ReturnType<typeof startChat>>, seekerNumber = "42010-1234567") {
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

  async function finishAfterWhen(chat: Awaited<ReturnType<typeof startChat>>) {
    await chat.say("事務職の求人について");
    await chat.tap("必要ない");
    expect(chat.text).toContain("お申し込み内容をご確認ください");
    await chat.tap("申し込む");
    await chat.say(await mailedCode(store.db));
  }

  it("takes a whole booking in Japanese and tells staff through the outbox", async () => {
    const chat = await startChat(app);
    expect(chat.text).toContain("ご用件をお選びください");
    await upToWhen(chat);
    const picker = chat.last.at(-1)!.datePicker!;
    expect(picker).toEqual({ min: "2026-11-25T10:00", max: "2026-12-24T15:30" });
    await chat.say("12月1日 14時");
    expect(chat.text).toContain("12月1日(火) 14:00～14:30\nを仮押さえしました");
    await finishAfterWhen(chat);
    expect(chat.text).toMatch(/予約番号は NG-[A-Z0-9]{6} です/);
    expect(chat.text).toContain("開始10分後");
    const card = chat.last.find((m) => m.booking)!.booking!;
    expect(card).toMatchObject({ when: "12月1日(火) 14:00～14:30", statusCode: "requested", office: "ハローワーク長崎" });

    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ status: "requested", name: "長崎 太郎", seekerNumber: "42010-1234567", email: "taro@example.jp", phone: "090-1234-5678", topic: "事務職の求人について" });
    expect(row!.startsAt.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    const keys = (await store.db.select({ key: outbox.idempotencyKey }).from(outbox)).map((j) => j.key);
    expect(keys).toContain(`staff:requested:${row!.id}`);
    const [consent] = await store.db.select().from(consents);
    expect(consent).toMatchObject({ termsVersion: "2023-06-05", channel: "web", seekerNumber: "42010-1234567" });
    // The conversation no longer keeps the personal answers once the booking holds them.
    const [conversation] = await store.db.select().from(conversations);
    expect(JSON.stringify(conversation!.state)).not.toContain("長崎 太郎");
  });

  it("takes a booking in English when the user writes English", async () => {
    const chat = await startChat(app);
    await chat.say("Hello, I would like to book a session");
    expect(chat.text).toContain("Which office");
    await chat.tap("Hello Work Nagasaki");
    await chat.tap("I am looking for work");
    await chat.tap("I agree");
    await chat.say("John Smith");
    await chat.say("42010-7654321");
    await chat.say("john@example.com");
    await chat.say("+81 90 1234 5678");
    await chat.tap("No preference");
    await chat.say("Dec 1 at 2pm");
    expect(chat.text).toContain("Tue 1 Dec, 14:00–14:30 is held for you");
    await chat.say("Finding office work");
    await chat.tap("Not needed");
    expect(chat.text).toContain("Please check your request");
    await chat.tap("Send request");
    expect(chat.text).toContain("We have sent a 6-digit code to john@example.com");
    await chat.say(await mailedCode(store.db));
    expect(chat.text).toMatch(/Your reference is NG-/);
    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ locale: "en", phone: "090-1234-5678" });
  });

  it("takes several answers from one message", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.say("12月1日の14時で、山田花子です");
    expect(chat.text).toContain("どなたのご相談ですか");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    // The name came with the first message.
    expect(chat.text).toContain("求職番号を教えてください");
    await chat.say("42010-1111111");
    await chat.say("hanako@example.jp");
    await chat.say("095-862-0000");
    await chat.tap("指名しない");
    // And so did the time: it is held straight away.
    expect(chat.text).toContain("12月1日(火) 14:00～14:30\nを仮押さえしました");
  });

  it("explains an invalid seeker number and lets a person not yet registered go on", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎");
    await chat.say("12345");
    expect(chat.text).toContain("求職番号の形になっていないようです");
    await chat.tap("まだ登録していない");
    expect(chat.text).toContain("求職者マイページ");
    expect(chat.text).toContain("メールアドレス");
  });

  it("suggests a fix for a likely email slip", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎");
    await chat.say("42010-1234567");
    await chat.say("taro@gmail.con");
    expect(chat.text).toContain("「taro@gmail.com」の\nお間違いではありませんか");
    await chat.tap("taro@gmail.com");
    expect(chat.text).toContain("電話番号");
  });

  it("refuses a same-day wish with the cutoff and offers the nearest times", async () => {
    const chat = await startChat(app);
    await upToWhen(chat);
    await chat.say("今日の14時");
    expect(chat.text).toContain("ご予約は前日までに承っています");
    expect(chat.choices.length).toBeGreaterThan(0);
    expect(chat.choices[0]!.value).toMatch(/^slot:2026-11-2[5-9]T14:00$/);
  });

  it("names the holiday when the wish falls on one", async () => {
    const chat = await startChat(app);
    await upToWhen(chat);
    // 23 December 2026 is a Wednesday and no holiday; 3 November would be 文化の日, but it is past.
    await store.db.insert(closures).values({ officeId: null, date: "2026-12-02", reason: "台風" });
    await chat.say("12月2日の10時");
    expect(chat.text).toContain("臨時休業です（台風）");
    await chat.say("1月4日の10時");
    expect(chat.text).toContain("ご予約は 12月24日(木) の分まで承っています");
  });

  it("offers other times when the slot is full", async () => {
    const first = await startChat(app);
    await upToWhen(first, "42010-0000001");
    await first.say("12月1日 14時");
    const second = await startChat(app);
    await upToWhen(second, "42010-0000002");
    await second.say("12月1日 14時");
    expect(second.text).toContain("その時間は埋まっています");
    expect(second.choices.map((c) => c.value)).toEqual(expect.arrayContaining(["slot:2026-12-01T13:30", "slot:2026-12-01T14:30"]));
    await second.choose("slot:2026-12-01T14:30");
    expect(second.text).toContain("14:30～15:00\nを仮押さえしました");
  });

  it("confirms an hour that could be morning or afternoon", async () => {
    const chat = await startChat(app);
    await upToWhen(chat);
    await chat.say("12月1日の2時");
    expect(chat.text).toContain("午後の時刻として");
    expect(chat.text).toContain("14:00");
    await chat.tap("はい");
    expect(chat.text).toContain("を仮押さえしました");
  });

  it("changes one answer from the summary and comes back to it", async () => {
    const chat = await startChat(app);
    await upToWhen(chat);
    await chat.say("12月1日 14時");
    await finishAfterWhenUntilSummary(chat);
    await chat.tap("修正する");
    await chat.tap("電話番号");
    expect(chat.text).toContain("電話番号を教えてください");
    await chat.say("080-9999-8888");
    expect(chat.text).toContain("電話番号：080-9999-8888");
    await chat.tap("申し込む");
    await chat.say(await mailedCode(store.db));
    const [row] = await store.db.select().from(bookings);
    expect(row!.phone).toBe("080-9999-8888");
  });

  async function finishAfterWhenUntilSummary(chat: Awaited<ReturnType<typeof startChat>>) {
    await chat.say("事務職の求人について");
    await chat.tap("必要ない");
    expect(chat.text).toContain("お申し込み内容をご確認ください");
  }

  it("stops half-way, releasing the held slot and forgetting the answers", async () => {
    const chat = await startChat(app);
    await upToWhen(chat);
    await chat.say("12月1日 14時");
    await chat.say("やめる");
    expect(chat.text).toContain("ご利用ありがとうございました");
    const [held] = await store.db.select().from(bookings);
    expect(held!.status).toBe("expired");
    const [conversation] = await store.db.select().from(conversations);
    expect(JSON.stringify(conversation!.state)).not.toContain("taro@example.jp");
  });

  it("goes back one question", async () => {
    const chat = await startChat(app);
    await upToWhen(chat);
    await chat.say("戻る");
    expect(chat.text).toContain("相談員の指名はありますか");
  });

  it("hands the conversation to a person and tells staff", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.say("人と話したい");
    expect(chat.text).toContain("担当者にお伝えしました");
    expect(chat.mode).toBe("handoff");
    await chat.say("まだですか？");
    expect(chat.text).toContain("返信までお待ちください");
    const jobs = await store.db.select().from(outbox);
    expect(jobs.filter((j) => (j.payload as { event: string }).event === "handoff")).toHaveLength(1);
  });

  it("answers a second booking with the one already made and offers to change it", async () => {
    const chat = await startChat(app);
    await upToWhen(chat);
    await chat.say("12月1日 14時");
    await finishAfterWhen(chat);
    // Told at once; asking for another, the same conversation remembers the office and the consent.
    await chat.choose("menu:book");
    expect(chat.text).toContain("すでに 12月1日(火) 14:00～14:30 の\nご予約があります");
    await chat.tap("別の予約を申し込む");
    expect(chat.text).toContain("どなたのご相談ですか");
    await chat.tap("仕事を探している方");
    expect(chat.text).toContain("お名前");
    for (const answer of ["長崎 太郎", "42010-1234567"]) await chat.say(answer);
    expect(chat.text).toContain("すでに 12月1日(火) 14:00～14:30 の\nご予約があります");
    expect(chat.choices.map((c) => c.value)).toContain("menu:change");
  });

  it("shows, moves and cancels a booking", async () => {
    const chat = await startChat(app);
    await upToWhen(chat);
    await chat.say("12月1日 14時");
    await finishAfterWhen(chat);

    await chat.tap("予約を確認する");
    expect(chat.text).toContain("12月1日(火) 14:00～14:30\n受付済み（日時調整中）");

    await chat.tap("予約を変更する");
    expect(chat.text).toContain("現在のご予約は");
    await chat.say("12月3日 10時");
    expect(chat.text).toContain("へ変更しますか");
    await chat.tap("変更する");
    expect(chat.text).toContain("12月3日(木) 10:00～10:30\nへの変更を受け付けました");
    const rows = await store.db.select().from(bookings);
    expect(rows.map((r) => r.status).sort()).toEqual(["cancelled", "requested"]);

    await chat.tap("予約を取り消す");
    expect(chat.text).toContain("12月3日(木) 10:00～10:30\nのご予約を取り消しますか");
    await chat.tap("取り消す");
    expect(chat.text).toContain("ご予約を取り消しました");
    const after = await store.db.select().from(bookings).where(eq(bookings.status, "requested"));
    expect(after).toHaveLength(0);
  });

  it("answers questions about cost and recording", async () => {
    const chat = await startChat(app);
    await chat.say("料金はかかりますか？");
    expect(chat.text).toContain("相談は無料です");
    await chat.tap("録画・録音");
    expect(chat.text).toContain("録画・録音は");
  });

  it("offers to resume an unfinished request after a long pause", async () => {
    const built = await buildTestApp(store, { now, deps: { chatRateLimits: loose } });
    const chat = await startChat(built.app);
    await upToWhen(chat);
    built.clock.advance(2 * 3_600_000);
    await chat.say("こんにちは");
    expect(chat.text).toContain("前回の続きがあります");
    await chat.tap("続きから");
    expect(chat.text).toContain("ご希望の日時");
  });

  it("says kindly that there is no booking without consent to the terms", async () => {
    const chat = await startChat(app, { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.tap("仕事を探している方");
    await chat.tap("同意しない");
    expect(chat.text).toContain("オンライン相談はご利用いただけません");
    expect(chat.text).toContain("095-862-8643");
    expect(await store.db.select().from(consents)).toHaveLength(0);
  });

  describe("talking now (terms art. 6-2)", () => {
    async function bookedChat() {
      const chat = await startChat(app);
      await upToWhen(chat);
      await chat.say("12月1日 14時");
      await finishAfterWhen(chat);
      return chat;
    }
    const markAvailable = () =>
      store.db.update(counsellors).set({ availableNowUntil: new Date(now.getTime() + 30 * 60_000) }).where(eq(counsellors.id, "nagasaki-1"));

    it("is only for people whose consent is on record", async () => {
      await markAvailable();
      const chat = await startChat(app, { office: "nagasaki" });
      await chat.tap("今すぐ相談する");
      expect(chat.text).toContain("過去に規約へ\n同意いただいた方が対象です");
    });

    it("says so when no counsellor is free now", async () => {
      const chat = await bookedChat();
      await chat.tap("今すぐ相談する");
      expect(chat.text).toContain("すぐに対応できる\n相談員がいません");
    });

    it("calls back the phone on record, which cannot be changed here, and tells staff", async () => {
      const chat = await bookedChat();
      await markAvailable();
      await chat.tap("今すぐ相談する");
      expect(chat.text).toContain("記録のある電話番号（090-1234-5678）に");
      await chat.say("080-0000-1111");
      expect(chat.text).toContain("電話番号を変更できません");
      await chat.tap("はい");
      expect(chat.text).toContain("ミーティングIDとパスコード");
      const jobs = await store.db.select().from(outbox);
      expect(jobs.filter((j) => (j.payload as { event: string }).event === "now")).toHaveLength(1);
    });

    it("asks for the current terms first when they changed since the consent", async () => {
      const chat = await bookedChat();
      await markAvailable();
      await store.db.insert(termsVersions).values({ version: "2023-04-20", url: "https://example.jp/terms-old" }).onConflictDoNothing();
      await store.db.update(consents).set({ termsVersion: "2023-04-20" });
      await chat.tap("今すぐ相談する");
      expect(chat.text).toContain("利用規約が改定されました（2023-06-05版）");
      await chat.tap("同意する");
      expect(chat.text).toContain("記録のある電話番号");
      const versions = (await store.db.select().from(consents)).map((c) => c.termsVersion).sort();
      expect(versions).toEqual(["2023-04-20", "2023-06-05"]);
    });
  });

  it("starts fresh after a long silence and forgets the answers", async () => {
    const built = await buildTestApp(store, { now, deps: { chatRateLimits: loose } });
    const chat = await startChat(built.app);
    await upToWhen(chat);
    built.clock.advance(73 * 3_600_000);
    await chat.say("こんにちは");
    expect(chat.text).not.toContain("前回の続き");
    const [conversation] = await store.db.select().from(conversations);
    expect(JSON.stringify(conversation!.state)).not.toContain("taro@example.jp");
  });

  describe("answers the bot never offered, and changes of mind", () => {
    it("asks for the time again when the counsellor changes after a time was held", async () => {
      const chat = await startChat(app);
      await upToWhen(chat);
      await chat.say("11月30日 14時");
      await finishAfterWhenUntilSummary(chat);
      await chat.tap("修正する");
      await chat.tap("指名");
      await chat.tap("相談員B");
      expect(chat.text).toContain("ご希望の日時");
      // The other answers stand: the summary comes back at once.
      await chat.say("11月30日 14時");
      expect(chat.text).toContain("指名：相談員B");
      await chat.tap("申し込む");
      await chat.say(await mailedCode(store.db));
      const active = await store.db.select().from(bookings).where(eq(bookings.status, "requested"));
      expect(active).toHaveLength(1);
      expect(active[0]).toMatchObject({ counsellorId: "nagasaki-2", counsellorNamed: true });
      expect((await store.db.select().from(bookings).where(eq(bookings.status, "held"))).length).toBe(0);
    });

    it("does not submit when the user writes that they will not", async () => {
      const chat = await startChat(app);
      await upToWhen(chat);
      await chat.say("12月1日 14時");
      await finishAfterWhenUntilSummary(chat);
      await chat.say("申込はやめておきます");
      expect(chat.text).not.toContain("受け付けました");
      expect(await store.db.select().from(bookings).where(eq(bookings.status, "requested"))).toHaveLength(0);
    });

    it("refuses to edit an answer the summary did not offer, and ignores unknown menu values", async () => {
      const chat = await startChat(app);
      await upToWhen(chat);
      await chat.say("12月1日 14時");
      await finishAfterWhenUntilSummary(chat);
      await chat.choose("edit:office");
      expect(chat.text).toContain("お申し込み内容をご確認ください");
      await chat.choose("menu:drop-tables");
      expect(chat.text).toContain("お申し込み内容をご確認ください");
      expect(await store.db.select().from(bookings).where(eq(bookings.status, "held"))).toHaveLength(1);
    });

    it("asks which support is needed when the answer is only yes", async () => {
      const chat = await startChat(app);
      await upToWhen(chat);
      await chat.say("12月1日 14時");
      await chat.say("事務職の求人について");
      await chat.say("はい");
      expect(chat.text).toContain("通訳や介助の方の同席は必要ですか");
      await chat.tap("通訳が必要");
      expect(chat.text).toContain("通訳・介助：通訳が必要");
    });

    it("takes a time offered with another counsellor when changing a named booking", async () => {
      const chat = await startChat(app);
      await upToWhen(chat);
      await chat.say("戻る");
      await chat.tap("相談員B");
      await chat.say("11月30日 14時");
      await finishAfterWhen(chat);
      await chat.tap("予約を変更する");
      // Counsellor B does not work on Tuesdays; A does.
      await chat.say("12月1日 10時");
      const withAnyone = chat.choices.find((c) => c.value.endsWith("|any"));
      expect(withAnyone).toBeTruthy();
      await chat.choose(withAnyone!.value);
      expect(chat.text).toContain("へ変更しますか");
    });

    it("lets the user leave a handoff and use the bot again", async () => {
      const chat = await startChat(app, { office: "nagasaki" });
      await chat.say("人と話したい");
      await chat.tap("自動案内に戻る");
      expect(chat.mode).toBe("bot");
      expect(chat.text).toContain("ご用件をお選びください");
    });
  });
});
