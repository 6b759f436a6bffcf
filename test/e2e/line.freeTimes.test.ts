import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";
import { makeRequest } from "../helpers/staff.ts";
import { storeKinds } from "../helpers/stores.ts";
import { lineUser, useLineHarness } from "./line.harness.ts";

describe.each(storeKinds)("choosing from the free times over LINE on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  async function upToWhen(user: ReturnType<typeof lineUser>, counsellor = "指名しない") {
    await user.follow();
    await user.tap("相談を予約する");
    await user.tap("ハローワーク長崎");
    await user.tap("仕事を探している方");
    await user.tap("同意する");
    await user.say("長崎 太郎です");
    await user.say("42010-1234567");
    await user.say("taro@example.jp");
    await user.say("090-1234-5678");
    await user.tap(counsellor);
    expect(user.text).toContain("ご希望の日時");
  }

  /** Every reply LINE took (the fake refuses a body outside LINE's limits): at most 13 quick replies, labels of at most 20. */
  function everyReplyWithinLimits() {
    const replies = fake.requests.filter((r) => r.path === "/v2/bot/message/reply");
    expect(replies.every((r) => r.status === 200)).toBe(true);
    for (const request of replies) {
      const messages = (request.body as { messages: { quickReply?: { items: { action: { label: string } }[] } }[] }).messages;
      const items = messages.at(-1)!.quickReply?.items ?? [];
      expect(items.length).toBeLessThanOrEqual(13);
      for (const item of items) expect(item.action.label.length).toBeLessThanOrEqual(20);
    }
    expect(fake.requests.some((r) => r.path.startsWith("/v2/bot/message/push"))).toBe(false);
  }

  it("lists the free days and times as quick replies, and books the time tapped", async () => {
    const user = lineUser(h, fake, lineUserId("free-times"));
    await upToWhen(user);
    expect(user.quickReplies.map((a) => a.label)).toEqual(["空いている日時から選ぶ", "日時を選ぶ"]);

    await user.tap("空いている日時から選ぶ");
    expect(user.text).toContain("空きがある日はこちらです");
    const days = user.quickReplies;
    // Ten days, later days, and the picker: thirteen quick replies.
    expect(days).toHaveLength(12);
    expect(days[0]!.label).toBe("11月25日(水) 空き12");
    expect(days.at(-2)!.label).toBe("もっと先の日");
    expect(days.at(-1)!.type).toBe("datetimepicker");

    await user.tap("12月1日(火) 空き12");
    expect(user.text).toContain("12月1日(火)の\n空いている時間です");
    expect(user.quickReplies).toHaveLength(13);
    expect(user.quickReplies.at(-1)!.label).toBe("ほかの日を選ぶ");

    await user.tap("14:00～14:30");
    expect(user.text).toContain("12月1日(火) 14:00～14:30\nを仮押さえしました");
    await user.say("事務職の求人について");
    await user.tap("必要ない");
    await user.tap("申し込む");
    expect(user.text).toMatch(/予約番号は NG-[A-Z0-9]{6} です/);
    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ status: "requested" });
    expect(row!.startsAt.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    everyReplyWithinLimits();
  });

  it("refuses a time taken between listing and tapping, with the next free ones", async () => {
    const user = lineUser(h, fake, lineUserId("free-times-taken"));
    await upToWhen(user);
    await user.tap("空いている日時から選ぶ");
    await user.tap("12月1日(火) 空き12");
    await makeRequest(store, h.t.config, { startsAt: new Date("2026-12-01T14:00:00+09:00"), seekerNumber: "42010-7654321" });
    await user.tap("14:00～14:30");
    expect(user.text).toContain("その時間は埋まっています");
    expect(user.quickReplies.map((a) => a.label)).toEqual(expect.arrayContaining(["12/1(火) 13:30", "12/1(火) 14:30"]));
    await user.tap("12/1(火) 14:30");
    expect(user.text).toContain("12月1日(火) 14:30～15:00\nを仮押さえしました");
    everyReplyWithinLimits();
  });

  it("lists only the named counsellor's free days, and typed times still work there", async () => {
    const user = lineUser(h, fake, lineUserId("free-times-named"));
    await upToWhen(user, "相談員B");
    await user.tap("空いている日時から選ぶ");
    expect(user.text).toContain("相談員Bの空きがある日です");
    const labels = user.quickReplies.filter((a) => a.type === "postback").map((a) => a.label);
    expect(labels.slice(0, 3)).toEqual(["11月25日(水) 空き4", "11月27日(金) 空き12", "11月30日(月) 空き6"]);
    expect(labels.some((l) => /\((火|木)\)/.test(l))).toBe(false);
    await user.say("11月30日 15時");
    expect(user.text).toContain("11月30日(月) 15:00～15:30\nを仮押さえしました");
    const [held] = await store.db.select().from(bookings).where(eq(bookings.status, "held"));
    expect(held).toMatchObject({ counsellorId: "nagasaki-2" });
    everyReplyWithinLimits();
  });
});
