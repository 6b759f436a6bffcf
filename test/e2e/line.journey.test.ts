import { describe, expect, it } from "vitest";
import { findOffice } from "../../src/config.ts";
import { holdSlot, requestBooking } from "../../src/store/bookings.ts";
import { conversationOfUser } from "../../src/store/conversations.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { lineUser, useLineHarness } from "./line.harness.ts";

// Things the chat did wrong on LINE (issue 15, section 6), through the fake LINE platform.
describe.each(storeKinds)("the seeker's journey over LINE on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  /** A request in the LINE user's conversation, as the intake makes it. */
  async function requestFor(userId: string, officeId: string, startsAt: string, seekerNumber: string) {
    const now = h.t.clock();
    const conversation = await conversationOfUser(store.db, "line", userId, now);
    const office = findOffice(h.t.config, officeId)!;
    const limits = { activeLimit: 1, noShowLimit: 2, noShowWindowDays: 180 };
    const actor = `seeker:line:${conversation.id}`;
    const held = await holdSlot(store.db, { office, startsAt: new Date(startsAt), conversationId: conversation.id, channel: "line", now, holdMinutes: 10, limits, actor });
    if (!held.ok) throw new Error(`hold refused: ${held.refusal.reason}`);
    const details = { requesterKind: "seeker" as const, name: "長崎 太郎", seekerNumber, email: "taro@example.jp", phone: "090-1234-5678", topic: "事務職の求人について", emailVerified: false };
    const requested = await requestBooking(store.db, { holdId: held.booking.id, office, details, now, limits, actor, holdMinutes: 10 });
    if (!requested.ok) throw new Error(`request refused: ${requested.refusal.reason}`);
    return requested.booking;
  }

  it("shows three bookings as one carousel and still sends the menu prompt, within five messages", async () => {
    const user = lineUser(h, fake, lineUserId("three-bookings"));
    await user.follow();
    await requestFor(user.userId, "nagasaki", "2026-12-01T14:00:00+09:00", "42010-1111111");
    await requestFor(user.userId, "young-nagasaki", "2026-12-02T11:00:00+09:00", "42010-1111111");
    await requestFor(user.userId, "tsukimachi", "2026-12-03T15:00:00+09:00", "42010-1111111");
    await user.tap("予約を確認する");
    expect(user.last.length).toBeLessThanOrEqual(5);
    const carousels = user.last.filter((m) => m.type === "flex" && (m.contents as { type: string }).type === "carousel");
    expect(carousels).toHaveLength(1);
    expect((carousels[0]!.contents as { contents: unknown[] }).contents).toHaveLength(3);
    expect(user.text).toContain("ご予約は3件あります");
    for (const when of ["12月1日(火) 14:00", "12月2日(水) 11:00", "12月3日(木) 15:00"]) expect(user.text).toContain(when);
    expect(user.last.at(-1)!.text).toContain("ご用件をお選びください");
    expect(user.quickReplies.map((a) => a.label)).toContain("予約を変更する");
  });
});
