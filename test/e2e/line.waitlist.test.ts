import { describe, expect, it } from "vitest";
import { sweepOnce } from "../../src/run/sweep.ts";
import { cancelBySeeker } from "../../src/store/bookings.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";
import { makeRequest } from "../helpers/staff.ts";
import { storeKinds } from "../helpers/stores.ts";
import { lineUser, useLineHarness, type Delivered } from "./line.harness.ts";

const at = (iso: string) => new Date(`${iso}+09:00`);

// The waitlist over LINE, through the fake platform: joined from a refusal, offered by push, taken by a postback.
describe.each(storeKinds)("the waitlist over LINE on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  async function joinFor(name: string, seekerNumber: string) {
    const user = lineUser(h, fake, lineUserId(name));
    await user.follow();
    await user.tap("相談を予約する");
    await user.tap("ヤングハローワーク長崎");
    await user.tap("仕事を探している方");
    await user.tap("同意する");
    await user.say("長崎 太郎");
    await user.say(seekerNumber);
    await user.say("taro@example.jp");
    await user.say("090-1234-5678");
    await user.tap("指名しない");
    await user.say("11月30日 14時");
    expect(user.text).toContain("その時間は埋まっています。");
    await user.tap("キャンセル待ちする");
    return user;
  }

  it("pushes the offer of a freed slot to the first waiting user only, and a tap on 予約に進む holds it and goes on with the request", async () => {
    const taken = await makeRequest(store, h.t.config, { officeId: "young-nagasaki", startsAt: at("2026-11-30T14:00:00"), now: h.t.clock() });
    const first = await joinFor("waits-first", "42010-1111111");
    expect(first.text).toContain("キャンセル待ちに登録しました。\n11月30日(月) 14:00～14:30\n（1番目）");
    h.t.clock.advance(60_000);
    const second = await joinFor("waits-second", "42010-2222222");
    expect(second.text).toContain("（2番目）");

    await cancelBySeeker(store.db, { bookingId: taken.id, now: at("2026-11-25T09:00:00"), actor: "test" });
    h.t.clock.set(at("2026-11-25T09:00:00"));
    await sweepOnce(store.db, h.t.config, h.t.clock());
    await h.drainOutbox();
    const pushed = fake.delivered(first.userId).at(-1) as Delivered;
    expect(pushed.text).toContain("キャンセル待ちの日時に\n空きが出ました。");
    expect(pushed.quickReply!.items.map((i) => i.action.label)).toEqual(["予約に進む", "今回は見送る"]);
    expect((fake.delivered(second.userId).at(-1) as Delivered).text ?? "").not.toContain("空きが出ました");

    first.last = [pushed];
    h.t.clock.set(at("2026-11-25T09:05:00"));
    await first.tap("予約に進む");
    expect(first.text).toContain("11月30日(月) 14:00～14:30\nを仮押さえしました。");
    expect(first.text).toContain("ご相談の内容");

    // The same button again changes nothing.
    first.last = [pushed];
    await first.tap("予約に進む");
    expect(first.text).toContain("このご案内は、すでにお受けしています。");
  });

  it("lets a waiting LINE user see and leave their place in words", async () => {
    await makeRequest(store, h.t.config, { officeId: "young-nagasaki", startsAt: at("2026-11-30T14:00:00"), now: h.t.clock() });
    const user = await joinFor("waits-and-leaves", "42010-3333333");
    await user.say("キャンセル待ち");
    expect(user.text).toContain("・11月30日(月) 14:00～14:30（1番目）");
    await user.say("キャンセル待ちをやめる");
    expect(user.text).toContain("のキャンセル待ちをやめました。");
  });
});
