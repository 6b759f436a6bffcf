import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sweepOnce } from "../../src/run/sweep.ts";
import { cancelBySeeker, type Booking } from "../../src/store/bookings.ts";
import { bookings, waitlistEntries } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { startDelivery, type Delivery } from "../helpers/delivery.ts";
import { makeRequest } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

// Tuesday 24 November 2026, 10:00 in Tokyo; Young Hello Work Nagasaki has one counsellor.
const at = (iso: string) => new Date(`${iso}+09:00`);
const now = at("2026-11-24T10:00:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

describe.each(storeKinds)("the waitlist through the chat API on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let delivery: Delivery;
  let taken: Booking;
  beforeEach(async () => {
    t = await buildTestApp(store, { now, deps: { chatRateLimits: loose } });
    delivery = await startDelivery(store, t);
    taken = await makeRequest(store, t.config, { officeId: "young-nagasaki", startsAt: at("2026-11-30T14:00:00"), now });
  });
  afterEach(async () => {
    await delivery.close();
  });

  async function upToWhen(name: string, seekerNumber: string) {
    const chat = await startChat(t.app);
    await chat.choose("menu:book");
    await chat.tap("ヤングハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say(name);
    await chat.say(seekerNumber);
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await chat.tap("指名しない");
    return chat;
  }

  async function waiting(name: string, seekerNumber: string) {
    t.clock.advance(60_000);
    const chat = await upToWhen(name, seekerNumber);
    await chat.say("11月30日 14時");
    expect(chat.text).toContain("その時間は埋まっています。");
    expect(chat.text).toContain("「キャンセル待ち」もできます。");
    await chat.tap("キャンセル待ちする");
    return chat;
  }

  /** The bot messages the outbox added to a web chat's history since the last look. */
  async function pushedTo(chat: { sessionId: string; token: string }) {
    const res = await t.app.request(`/api/chat/sessions/${chat.sessionId}`, { headers: { authorization: `Bearer ${chat.token}` } });
    const body = (await res.json()) as { messages: { author: string; message?: { text: string; choices?: { label: string; value: string }[] } }[] };
    return body.messages.filter((m) => m.author === "bot").map((m) => m.message!);
  }

  async function sweepAt(when: Date) {
    t.clock.set(when);
    const result = await sweepOnce(store.db, t.config, when);
    await delivery.drain();
    return result.waitlist;
  }

  it("offers a taken time's waitlist, and the first of three waiting is offered the freed slot, which only their own chat can take, once", async () => {
    const a = await waiting("長崎 一郎", "42010-1111111");
    expect(a.text).toContain("キャンセル待ちに登録しました。\n11月30日(月) 14:00～14:30\n（1番目）");
    const b = await waiting("長崎 二郎", "42010-2222222");
    expect(b.text).toContain("（2番目）");
    const c = await waiting("長崎 三郎", "42010-3333333");
    expect(c.text).toContain("（3番目）");
    // The intake ended with the join: no hold is left behind.
    expect(await store.db.select().from(bookings).where(eq(bookings.status, "held"))).toEqual([]);

    await cancelBySeeker(store.db, { bookingId: taken.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    expect(await sweepAt(at("2026-11-25T09:00:00"))).toMatchObject({ offered: 1 });
    const offer = (await pushedTo(a)).at(-1)!;
    expect(offer.text).toContain("キャンセル待ちの日時に\n空きが出ました。");
    expect(offer.text).toContain("11月30日(月) 14:00～14:30");
    expect(offer.text).toContain("11月25日(水) 09:30まで仮押さえしています。");
    expect((await pushedTo(b)).at(-1)!.text).not.toContain("空きが出ました");

    // Someone else's chat cannot take it; the right one can, once.
    const accept = offer.choices!.find((x) => x.label === "予約に進む")!.value;
    await c.choose(accept);
    expect(c.text).toContain("キャンセル待ちを\n申し込んだトークでのみ");
    t.clock.set(at("2026-11-25T09:10:00"));
    await a.choose(accept);
    expect(a.text).toContain("11月30日(月) 14:00～14:30\nを仮押さえしました。");
    expect(a.text).toContain("ご相談の内容");
    await a.choose(accept);
    expect(a.text).toContain("このご案内は、すでにお受けしています。");
  });

  it("goes on with the request after accepting, with the answers given when joining", async () => {
    const a = await waiting("長崎 一郎", "42010-1111111");
    await cancelBySeeker(store.db, { bookingId: taken.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    await sweepAt(at("2026-11-25T09:00:00"));
    const offer = (await pushedTo(a)).at(-1)!;
    t.clock.set(at("2026-11-25T09:05:00"));
    await a.choose(offer.choices![0]!.value);
    await a.say("事務職の求人について");
    await a.tap("必要ない");
    expect(a.text).toContain("長崎 一郎");
    expect(a.text).toContain("11月30日(月) 14:00～14:30");
    await a.tap("申し込む");
    await a.say(await mailedCode(store.db));
    expect(a.text).toContain("お申し込みを受け付けました");
    const [requested] = await store.db.select().from(bookings).where(and(eq(bookings.status, "requested"), eq(bookings.startsAt, at("2026-11-30T14:00:00"))));
    expect(requested).toMatchObject({ name: "長崎 一郎", seekerNumber: "42010-1111111", officeId: "young-nagasaki" });
  });

  it("moves an unanswered or declined offer to the next person, waits overnight, and says an expired offer has gone", async () => {
    const a = await waiting("長崎 一郎", "42010-1111111");
    const b = await waiting("長崎 二郎", "42010-2222222");
    const c = await waiting("長崎 三郎", "42010-3333333");
    await cancelBySeeker(store.db, { bookingId: taken.id, now: at("2026-11-25T19:40:00"), actor: "test" });
    await sweepAt(at("2026-11-25T19:50:00"));
    const offerA = (await pushedTo(a)).at(-1)!;
    // Ten minutes that evening and twenty the next morning.
    expect(offerA.text).toContain("11月26日(木) 08:50まで");
    expect(await sweepAt(at("2026-11-26T08:49:00"))).toMatchObject({ lapsed: 0, offered: 0 });
    expect(await sweepAt(at("2026-11-26T08:50:00"))).toMatchObject({ lapsed: 1, offered: 1 });
    expect((await pushedTo(a)).at(-1)!.text).toContain("期限が過ぎたため");
    await a.choose(offerA.choices![0]!.value);
    expect(a.text).toContain("このご案内は期限が過ぎたため");

    const offerB = (await pushedTo(b)).at(-1)!;
    expect(offerB.text).toContain("11月26日(木) 09:20まで");
    t.clock.set(at("2026-11-26T09:00:00"));
    await b.choose(offerB.choices!.find((x) => x.label === "今回は見送る")!.value);
    expect(b.text).toContain("ほかの方にご案内します");
    expect(await sweepAt(at("2026-11-26T09:01:00"))).toMatchObject({ offered: 1 });
    expect((await pushedTo(c)).at(-1)!.text).toContain("空きが出ました");
    expect(await store.db.select().from(bookings).where(and(eq(bookings.status, "held"), eq(bookings.startsAt, at("2026-11-30T14:00:00"))))).toHaveLength(1);
  });

  it("mails the offer too when the address was proven with a code, and only then", async () => {
    const a = await waiting("長崎 一郎", "42010-1111111");
    const b = await waiting("長崎 二郎", "42010-2222222");
    const [entryA] = await store.db.select().from(waitlistEntries).orderBy(waitlistEntries.createdAt).limit(1);
    await store.db
      .update(waitlistEntries)
      .set({ answers: { ...(entryA!.answers as object), email: "ichiro@example.jp", emailVerified: "ichiro@example.jp" } })
      .where(eq(waitlistEntries.id, entryA!.id));
    await cancelBySeeker(store.db, { bookingId: taken.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    await sweepAt(at("2026-11-25T09:00:00"));
    const offers = delivery.mails.filter((m) => m.subject?.includes("キャンセル待ち"));
    expect(offers.map((m) => m.subject)).toEqual(["【ヤングハローワーク長崎】キャンセル待ちの日時に空きが出ました"]);
    expect(offers[0]!.text).toContain("11月30日(月) 14:00～14:30");
    expect(offers[0]!.text).toContain("11月25日(水) 09:30まで仮押さえしています。");
    expect((await pushedTo(a)).at(-1)!.text).toContain("空きが出ました");
    // B's offer comes when A lets it go; B's address was only typed, so it goes to the chat alone.
    t.clock.set(at("2026-11-25T09:01:00"));
    await a.choose((await pushedTo(a)).at(-1)!.choices![1]!.value);
    await sweepAt(at("2026-11-25T09:02:00"));
    expect((await pushedTo(b)).at(-1)!.text).toContain("空きが出ました");
    expect(delivery.mails.filter((m) => m.subject?.includes("キャンセル待ち"))).toHaveLength(1);
  });

  it("shows the places and leaves one, by a choice or in words", async () => {
    const a = await waiting("長崎 一郎", "42010-1111111");
    await a.say("キャンセル待ち");
    expect(a.text).toContain("キャンセル待ちの状況です。\n・11月30日(月) 14:00～14:30（1番目）");
    await a.say("キャンセル待ちをやめる");
    expect(a.text).toContain("のキャンセル待ちをやめました。");
    await a.say("キャンセル待ち");
    expect(a.text).toContain("キャンセル待ちの登録はありません。");
    const b = await waiting("長崎 二郎", "42010-2222222");
    expect(b.text).toContain("（1番目）");
    await b.tap("キャンセル待ちを確認");
    await b.tap("キャンセル待ちをやめる");
    expect(b.text).toContain("のキャンセル待ちをやめました。");
    expect((await store.db.select().from(waitlistEntries)).map((e) => [e.status, e.answers])).toEqual([
      ["left", null],
      ["left", null],
    ]);
  });

  it("offers to wait for a whole day that is full", async () => {
    // Every other slot of Monday taken too.
    for (const time of ["11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:30", "15:00", "15:30", "16:00", "16:30"]) {
      await makeRequest(store, t.config, { officeId: "young-nagasaki", startsAt: at(`2026-11-30T${time}:00`), now });
    }
    const a = await upToWhen("長崎 一郎", "42010-1111111");
    await a.say("11月30日");
    await a.tap("キャンセル待ちする");
    expect(a.text).toContain("11月30日(月) 11:00～17:00\n（1番目）");
  });
});
