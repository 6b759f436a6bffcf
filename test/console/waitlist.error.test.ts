// The Waitlist page: a filter that makes no sense, and a removal that comes too late or finds nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";
import { offeredAt, seedWaitlist, type WaitlistSeed } from "../helpers/waitlistSeed.ts";

describe.each(storeKinds)("the Waitlist page on $name: mistakes", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let yn: ConsoleSession;
  let seed: WaitlistSeed;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: offeredAt });
    await addStaff(store, { email: "yn@example.jp", officeId: "young-nagasaki" });
    seed = await seedWaitlist(store, t.config);
    t.clock.set(new Date("2026-11-25T09:05:00+09:00"));
    yn = await consoleSignIn(t.app, "yn@example.jp");
  });

  it("drops a filter that makes no sense and says which, answering 400 with the rest applied", async () => {
    for (const [query, field] of [
      ["from=2026-02-30", "開始日"],
      ["to=tomorrow", "終了日"],
      ["from=2026-12-02&to=2026-12-01", "終了日"],
      ["status=gone", "状態"],
      ["office=nowhere", "事業所"],
    ] as const) {
      const res = await yn.get(`/staff/waitlist?${query}`);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(`${field}: この値は使えないため、条件から外しました。`);
      expect(html).toContain("長崎 三郎");
    }
    expect(await (await yn.get("/staff/waitlist?status=%3Cscript%3E")).text()).not.toContain("<script>");
  });

  it("says a place that already ended cannot be removed, and answers an unknown place with 404", async () => {
    const res = await yn.post(`/staff/waitlist/${seed.left.id}/remove`, { back: "?status=live" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("このキャンセル待ちはすでに終わっています");
    expect(html).toContain('<option value="live" selected="">');
    expect((await yn.post("/staff/waitlist/00000000-0000-4000-8000-000000000000/remove", {})).status).toBe(404);
    expect((await yn.post("/staff/waitlist/not-an-id/remove", {})).status).toBe(404);
  });

  it("removes a place once when the button is pressed twice", async () => {
    expect((await yn.post(`/staff/waitlist/${seed.second.id}/remove`, {})).status).toBe(303);
    expect((await yn.post(`/staff/waitlist/${seed.second.id}/remove`, {})).status).toBe(409);
  });
});
