import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { addBookingNote } from "../../src/store/bookingNotes.ts";
import { previousCounsellor, type Booking } from "../../src/store/bookings.ts";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { addStaff, makeRequest } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";

// Tuesday 24 November 2026, 10:00 in Tokyo.
const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };
const SEEKER = "42010-1234567";
const NOTE = "前回は面接練習を希望、次回は書類添削";

describe.each(storeKinds)("the same counsellor as last time, through the chat API on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp(store, { now, deps: { chatRateLimits: loose } });
  });

  /** A session in October that took place with 相談員B, with a handover note staff wrote after it. */
  async function earlierSession(options: { seekerNumber?: string; channel?: "web" | "line"; userKey?: string; status?: "attended" | "confirmed" } = {}): Promise<Booking> {
    const b = await makeRequest(store, t.config, {
      now: new Date("2026-10-01T10:00:00+09:00"),
      startsAt: new Date("2026-10-05T14:00:00+09:00"),
      seekerNumber: options.seekerNumber ?? SEEKER,
      ...(options.channel ? { channel: options.channel, userKey: options.userKey } : {}),
    });
    await store.db.update(bookings).set({ status: options.status ?? "attended", counsellorId: "nagasaki-2", meetingUrl: "https://meet.example.jp/r/old" }).where(eq(bookings.id, b.id));
    const staff = await addStaff(store, { email: `staff-${b.id.slice(0, 8)}@example.jp`, officeId: "nagasaki" });
    await addBookingNote(store.db, { bookingId: b.id, staffId: staff.id, body: NOTE, now: new Date("2026-10-05T15:00:00+09:00") });
    return b;
  }

  async function upToCounsellor(seekerNumber: string) {
    const chat = await startChat(t.app);
    await chat.choose("menu:book");
    await chat.tap("ハローワーク長崎");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say("長崎 太郎です");
    await chat.say(seekerNumber);
    await chat.say("taro@example.jp");
    await chat.say("090-1234-5678");
    expect(chat.text).toContain("相談員の指名はありますか");
    return chat;
  }

  it("offers the counsellor of the seeker's last session first, and holds the time with them", async () => {
    await earlierSession();
    const chat = await upToCounsellor(SEEKER);
    expect(chat.choices[0]).toEqual({ label: "前回と同じ相談員", value: "counsellor:nagasaki-2" });
    expect(chat.text).toContain("前回は相談員Bが担当しました。");
    // 相談員B is offered once, as the same counsellor.
    expect(chat.choices.filter((c) => c.value === "counsellor:nagasaki-2")).toHaveLength(1);
    expect(chat.choices.map((c) => c.label)).toContain("指名しない");
    expect(JSON.stringify(chat.last)).not.toContain(NOTE);

    await chat.tap("前回と同じ相談員");
    expect(chat.text).toContain("ご希望の日時");
    await chat.say("11月30日 14時");
    expect(chat.text).toContain("11月30日(月) 14:00～14:30\nを仮押さえしました");
    expect(JSON.stringify(chat.last)).not.toContain(NOTE);
    const [held] = await store.db.select().from(bookings).where(eq(bookings.status, "held"));
    expect(held).toMatchObject({ counsellorId: "nagasaki-2", counsellorNamed: true });
  });

  it("counts a confirmed session that is over as the last one", async () => {
    await earlierSession({ status: "confirmed" });
    const chat = await upToCounsellor(SEEKER);
    expect(chat.choices[0]!.label).toBe("前回と同じ相談員");
  });

  it("asks a seeker without an earlier session as before", async () => {
    await earlierSession({ seekerNumber: "42010-7654321" });
    const chat = await upToCounsellor(SEEKER);
    expect(chat.choices[0]!.label).toBe("指名しない");
    expect(chat.choices.map((c) => c.label)).not.toContain("前回と同じ相談員");
    expect(chat.text).not.toContain("前回は");
  });

  it("tells nobody who counselled a seeker when only the seeker number matches (another email)", async () => {
    const b = await earlierSession();
    await store.db.update(bookings).set({ email: "someone-else@example.jp" }).where(eq(bookings.id, b.id));
    const chat = await upToCounsellor(SEEKER);
    expect(chat.choices.map((c) => c.label)).not.toContain("前回と同じ相談員");
    expect(chat.text).not.toContain("前回は");
    expect(chat.text).not.toContain("相談員B");
  });

  it("does not count a session that was cancelled or not attended", async () => {
    const b = await earlierSession();
    await store.db.update(bookings).set({ status: "no_show" }).where(eq(bookings.id, b.id));
    const chat = await upToCounsellor(SEEKER);
    expect(chat.choices.map((c) => c.label)).not.toContain("前回と同じ相談員");
  });

  it("finds the last counsellor of a LINE user who gives another seeker number", async () => {
    const userId = lineUserId("returning-line-user");
    await earlierSession({ seekerNumber: "42010-7654321", channel: "line", userKey: userId });
    expect(await previousCounsellor(store.db, { officeId: "nagasaki", seekerNumber: SEEKER, lineUserKey: userId, now })).toBe("nagasaki-2");
    expect(await previousCounsellor(store.db, { officeId: "nagasaki", seekerNumber: SEEKER, lineUserKey: lineUserId("someone-else"), now })).toBeUndefined();
    expect(await previousCounsellor(store.db, { officeId: "young-nagasaki", lineUserKey: userId, now })).toBeUndefined();
  });
});
