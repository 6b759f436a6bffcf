import { beforeEach, describe, expect, it } from "vitest";
import { dashboardStats } from "../../src/store/dashboard.ts";
import { buildTestApp } from "../helpers/app.ts";
import { seedDashboardWeek } from "../helpers/dashboardSeed.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the dashboard figures on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: new Date("2026-12-07T09:00:00+09:00") });
    await seedDashboardWeek(store);
  });

  it("counts each office's week exactly: requests, outcomes, medians and the share of bookable slots booked", async () => {
    const offices = t.config.offices.filter((o) => o.id !== "tsukimachi");
    const stats = await dashboardStats(store.db, { offices, from: "2026-11-30", weeks: 2, now: t.clock() });
    expect(stats).toEqual([
      {
        officeId: "nagasaki",
        week: "2026-11-30",
        requests: 6,
        confirmed: 4,
        rejected: 1,
        cancelled: 1,
        attended: 1,
        noShows: 1,
        noShowRate: 0.5,
        medianMinutesToConfirm: 75,
        medianLeadHours: 121.5,
        booked: 4,
        bookable: 46,
        utilisation: 4 / 46,
      },
      { officeId: "nagasaki", week: "2026-12-07", requests: 0, confirmed: 0, rejected: 0, cancelled: 0, attended: 0, noShows: 0, noShowRate: null, medianMinutesToConfirm: null, medianLeadHours: null, booked: 0, bookable: 82, utilisation: 0 },
      {
        officeId: "young-nagasaki",
        week: "2026-11-30",
        requests: 1,
        confirmed: 0,
        rejected: 0,
        cancelled: 0,
        attended: 0,
        noShows: 0,
        noShowRate: null,
        medianMinutesToConfirm: null,
        medianLeadHours: 72,
        booked: 1,
        bookable: 60,
        utilisation: 1 / 60,
      },
      { officeId: "young-nagasaki", week: "2026-12-07", requests: 0, confirmed: 0, rejected: 0, cancelled: 0, attended: 0, noShows: 0, noShowRate: null, medianMinutesToConfirm: null, medianLeadHours: null, booked: 0, bookable: 60, utilisation: 0 },
    ]);
  });

  it("answers an office with nothing in the range with zeros, not an error", async () => {
    const tsukimachi = t.config.offices.filter((o) => o.id === "tsukimachi");
    const [week] = await dashboardStats(store.db, { offices: tsukimachi, from: "2026-11-30", weeks: 1, now: t.clock() });
    expect(week).toMatchObject({ requests: 0, noShowRate: null, utilisation: 0, bookable: 60 });
  });
});
