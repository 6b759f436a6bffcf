// A young-nagasaki waitlist as the console shows it, made with the real store: a full slot on Monday
// 30 November 14:00 with two people waiting for it, the first offered it when it frees; one who left;
// a named counsellor waited for over two days; and a Nagasaki place another office must not see.
import { findOffice, type Config } from "../../src/config.ts";
import { cancelBySeeker } from "../../src/store/bookings.ts";
import { createConversation } from "../../src/store/conversations.ts";
import { joinWaitlist, leaveWaitlist, sweepWaitlist, type WaitWindow, type WaitlistEntry } from "../../src/store/waitlist.ts";
import { makeRequest, tuesdayTen } from "./staff.ts";
import type { TestStore } from "./stores.ts";

const at = (iso: string) => new Date(`${iso}+09:00`);
/** When the freed slot is offered (in offer hours): the offer lasts until 09:30. */
export const offeredAt = at("2026-11-25T09:00:00");

export interface WaitlistSeed {
  first: WaitlistEntry;
  second: WaitlistEntry;
  left: WaitlistEntry;
  span: WaitlistEntry;
  nagasaki: WaitlistEntry;
}

export async function seedWaitlist(store: TestStore, config: Config): Promise<WaitlistSeed> {
  const young = findOffice(config, "young-nagasaki")!;
  const taken = await makeRequest(store, config, { officeId: young.id, startsAt: at("2026-11-30T14:00:00") });
  await makeRequest(store, config, { officeId: young.id, startsAt: at("2026-12-01T15:00:00") });
  await makeRequest(store, config, { officeId: young.id, startsAt: at("2026-12-02T15:00:00") });

  let minute = 0;
  const join = async (office: typeof young, channel: "web" | "line", window: WaitWindow, answers: Record<string, unknown>, counsellorId: string | null = null) => {
    const now = new Date(tuesdayTen.getTime() + minute++ * 60_000);
    const c = await createConversation(store.db, { channel, userKey: `wait-${minute}`, locale: "ja", officeId: office.id, now });
    const joined = await joinWaitlist(store.db, { office, counsellorId, window, conversationId: c.id, channel, locale: "ja", answers, now, actor: `seeker:${channel}:${c.id}` });
    if (!joined.ok) throw new Error(`join refused: ${joined.reason}`);
    return joined.entry;
  };
  const monday = { fromDate: "2026-11-30", toDate: "2026-11-30", fromTime: "14:00", toTime: "14:30" };
  const first = await join(young, "line", monday, { name: "長崎 一郎", seekerNumber: "42010-1111111", email: "ichiro@example.jp" });
  const second = await join(young, "web", monday, { name: "長崎 二郎", seekerNumber: "42010-2222222" });
  const left = await join(young, "web", monday, { name: "長崎 五郎" });
  await leaveWaitlist(store.db, { entryId: left.id, conversationId: left.conversationId, now: tuesdayTen, actor: "seeker:web" });
  const span = await join(young, "web", { fromDate: "2026-12-01", toDate: "2026-12-02", fromTime: "15:00", toTime: "15:30" }, { name: "長崎 三郎" }, "young-1");
  const nagasaki = await join(findOffice(config, "nagasaki")!, "web", { fromDate: "2026-12-03", toDate: "2026-12-03", fromTime: "10:00", toTime: "10:30" }, { name: "長崎 四郎" });

  await cancelBySeeker(store.db, { bookingId: taken.id, now: offeredAt, actor: "seeker:web" });
  await sweepWaitlist(store.db, { offices: [young], now: offeredAt, offerMinutes: 30 });
  return { first, second, left, span, nagasaki };
}
