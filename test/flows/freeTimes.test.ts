import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_CHOICE_LABEL, MAX_CHOICES } from "../../src/messages.ts";
import { bookings, closures } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { makeRequest } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

// Tuesday 24 November 2026, 10:00 in Tokyo.
const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };

type Chat = Awaited<ReturnType<typeof startChat>>;

describe.each(storeKinds)("choosing from the free times through the chat API on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp(store, { now, deps: { chatRateLimits: loose } });
  });

  async function upToWhen(chat: Chat, options: { seekerNumber?: string; counsellor?: string } = {}) {
    await chat.choose("menu:book");
    await chat.tap("ハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎です");
    await chat.say(options.seekerNumber ?? "42010-1234567");
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    await chat.tap(options.counsellor ?? "指名しない");
    expect(chat.text).toContain("ご希望の日時");
  }

  async function finishAfterWhen(chat: Chat) {
    await chat.say("事務職の求人について");
    await chat.tap("必要ない");
    await chat.tap("申し込む");
    await chat.say(await mailedCode(store.db));
  }

  function withinLimits(chat: Chat) {
    expect(chat.choices.length).toBeLessThanOrEqual(MAX_CHOICES);
    for (const c of chat.choices) expect(c.label.length).toBeLessThanOrEqual(MAX_CHOICE_LABEL);
  }

  const labels = (chat: Chat) => chat.choices.map((c) => c.label);

  it("lists the days with free times, then the chosen day's times, and holds the time chosen", async () => {
    const chat = await startChat(t.app);
    await upToWhen(chat);
    expect(labels(chat)).toEqual(["空いている日時から選ぶ"]);
    expect(chat.last.at(-1)!.datePicker).toEqual({ min: "2026-11-25T10:00", max: "2026-12-24T15:30" });

    await chat.tap("空いている日時から選ぶ");
    expect(chat.text).toContain("空きがある日はこちらです");
    withinLimits(chat);
    // Ten weekdays from tomorrow (today is past its cutoff), then later days.
    expect(labels(chat)).toEqual([
      "11月25日(水) 空き12",
      "11月26日(木) 空き12",
      "11月27日(金) 空き12",
      "11月30日(月) 空き12",
      "12月1日(火) 空き12",
      "12月2日(水) 空き12",
      "12月3日(木) 空き12",
      "12月4日(金) 空き12",
      "12月7日(月) 空き12",
      "12月8日(火) 空き12",
      "もっと先の日",
    ]);

    await chat.tap("12月1日(火) 空き12");
    expect(chat.text).toContain("12月1日(火)の\n空いている時間です");
    withinLimits(chat);
    expect(labels(chat)[0]).toBe("10:00～10:30");
    expect(labels(chat)).toContain("15:30～16:00");
    expect(labels(chat).at(-1)).toBe("ほかの日を選ぶ");

    await chat.tap("14:00～14:30");
    expect(chat.text).toContain("12月1日(火) 14:00～14:30\nを仮押さえしました");
    await finishAfterWhen(chat);
    expect(chat.text).toMatch(/予約番号は NG-[A-Z0-9]{6} です/);
    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ status: "requested" });
    expect(row!.startsAt.toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });

  it("refuses a time taken between listing and choosing, with the next free ones", async () => {
    const chat = await startChat(t.app);
    await upToWhen(chat);
    await chat.tap("空いている日時から選ぶ");
    await chat.tap("12月1日(火) 空き12");
    // Only 相談員A works on Tuesdays: someone else takes 14:00 meanwhile.
    await makeRequest(store, t.config, { startsAt: new Date("2026-12-01T14:00:00+09:00"), seekerNumber: "42010-7654321" });

    await chat.tap("14:00～14:30");
    expect(chat.text).toContain("その時間は埋まっています");
    expect(chat.choices.map((c) => c.value)).toEqual(expect.arrayContaining(["slot:2026-12-01T13:30", "slot:2026-12-01T14:30"]));
    expect(await store.db.select().from(bookings).where(eq(bookings.status, "held"))).toHaveLength(0);

    // The list read again says so too.
    await chat.say("空いている日時から選ぶ");
    expect(labels(chat)).toContain("12月1日(火) 空き11");
    await chat.tap("12月1日(火) 空き11");
    expect(labels(chat)).not.toContain("14:00～14:30");
  });

  it("says a day closed since it was listed has no free time left, and lists the days again", async () => {
    const chat = await startChat(t.app);
    await upToWhen(chat);
    await chat.tap("空いている日時から選ぶ");
    await store.db.insert(closures).values({ officeId: null, date: "2026-12-02", reason: "台風" });
    await chat.tap("12月2日(水) 空き12");
    expect(chat.text).toContain("12月2日(水)は\n空きがなくなりました");
    expect(chat.text).toContain("空きがある日はこちらです");
    expect(labels(chat).some((l) => l.startsWith("12月2日"))).toBe(false);
    expect(labels(chat)).toContain("12月9日(水) 空き12");
  });

  it("lists only the named counsellor's days and times, and holds the time with them", async () => {
    const chat = await startChat(t.app);
    await upToWhen(chat, { counsellor: "相談員B" });
    await chat.tap("空いている日時から選ぶ");
    expect(chat.text).toContain("相談員Bの空きがある日です");
    // 相談員B works Wednesday mornings, Mondays from 13:00 and all Friday.
    expect(labels(chat).slice(0, 4)).toEqual(["11月25日(水) 空き4", "11月27日(金) 空き12", "11月30日(月) 空き6", "12月2日(水) 空き4"]);
    expect(labels(chat).some((l) => /\((火|木)\)/.test(l))).toBe(false);

    await chat.tap("11月30日(月) 空き6");
    expect(labels(chat)).toEqual(["13:00～13:30", "13:30～14:00", "14:00～14:30", "14:30～15:00", "15:00～15:30", "15:30～16:00", "ほかの日を選ぶ"]);
    await chat.tap("13:30～14:00");
    expect(chat.text).toContain("11月30日(月) 13:30～14:00\nを仮押さえしました");
    const [held] = await store.db.select().from(bookings).where(eq(bookings.status, "held"));
    expect(held).toMatchObject({ counsellorId: "nagasaki-2", counsellorNamed: true });
  });

  it("keeps understanding typed times on the lists, and the label typed opens the list", async () => {
    const chat = await startChat(t.app);
    await upToWhen(chat);
    await chat.say("空いている日時から選ぶ");
    expect(chat.text).toContain("空きがある日はこちらです");
    await chat.tap("11月26日(木) 空き12");
    await chat.say("12月3日 10時");
    expect(chat.text).toContain("12月3日(木) 10:00～10:30\nを仮押さえしました");
  });

  it("goes back from a day's times to its page of days, and pages through later and earlier days", async () => {
    const chat = await startChat(t.app);
    await upToWhen(chat);
    await chat.tap("空いている日時から選ぶ");
    await chat.tap("もっと先の日");
    expect(labels(chat)[0]).toBe("12月9日(水) 空き12");
    expect(labels(chat)).toContain("前の日に戻る");
    await chat.tap("12月10日(木) 空き12");
    await chat.tap("ほかの日を選ぶ");
    expect(labels(chat)[0]).toBe("12月9日(水) 空き12");
    await chat.tap("前の日に戻る");
    expect(labels(chat)[0]).toBe("11月25日(水) 空き12");
    expect(labels(chat)).not.toContain("前の日に戻る");
  });

  it("changes a booking to a time chosen from the list, without offering its own time", async () => {
    const chat = await startChat(t.app);
    await upToWhen(chat);
    await chat.say("12月1日 14時");
    await finishAfterWhen(chat);

    await chat.tap("予約を変更する");
    expect(chat.text).toContain("現在のご予約は");
    await chat.tap("空いている日時から選ぶ");
    expect(labels(chat)).toContain("12月1日(火) 空き11");
    await chat.tap("12月1日(火) 空き11");
    expect(labels(chat)).not.toContain("14:00～14:30");
    await chat.tap("10:00～10:30");
    expect(chat.text).toContain("へ変更しますか");
    await chat.tap("変更する");
    expect(chat.text).toContain("12月1日(火) 10:00～10:30\nへの変更を受け付けました");
  });

  it("offers the list in English, within the choice limits", async () => {
    const chat = await startChat(t.app);
    await chat.say("Hello, I would like to book a session");
    await chat.tap("Hello Work Nagasaki");
    await chat.tap("I am looking for work");
    await chat.tap("I agree");
    for (const answer of ["John Smith", "42010-7654321", "john@example.com", "090-1234-5678"]) await chat.say(answer);
    await chat.tap("No preference");
    await chat.tap("Pick a free time");
    expect(chat.text).toContain("These days have free times");
    withinLimits(chat);
    expect(labels(chat)[0]).toBe("Wed 25 Nov (12 free)");
    await chat.tap("Wed 25 Nov (12 free)");
    expect(chat.text).toContain("Free times on Wed 25 Nov");
    await chat.tap("11:00–11:30");
    expect(chat.text).toContain("Wed 25 Nov, 11:00–11:30 is held for you");
  });
});

describe.each(storeKinds)("the free days around holidays and the year-end on $name", (kind) => {
  const store = useStore(kind);

  it("skips the year-end closure and a national holiday", async () => {
    // Tuesday 22 December 2026: the window runs to 21 January 2027; 11 January 2027 is 成人の日.
    const { app } = await buildTestApp(store, { now: new Date("2026-12-22T10:00:00+09:00"), deps: { chatRateLimits: loose } });
    const chat = await startChat(app);
    await chat.choose("menu:book");
    await chat.tap("ハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    for (const answer of ["長崎 太郎です", "42010-1234567", "taro@example.jp", "090-1234-5678"]) await chat.say(answer);
    await chat.tap("指名しない");
    await chat.tap("空いている日時から選ぶ");
    const days = chat.choices.map((c) => c.label.split(" ")[0]);
    expect(days).toEqual([
      "12月23日(水)",
      "12月24日(木)",
      "12月25日(金)",
      "12月28日(月)",
      "1月4日(月)",
      "1月5日(火)",
      "1月6日(水)",
      "1月7日(木)",
      "1月8日(金)",
      "1月12日(火)",
      "もっと先の日",
    ]);
  });
});
