import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLineClient } from "../../src/line/client.ts";
import { lineUserId, startFakeLinePlatform, type FakeLine } from "../fakes/line-platform/index.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { seedDashboardWeek } from "../helpers/dashboardSeed.ts";
import { addStaff } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the dashboard on $name: what works", (kind) => {
  const store = useStore(kind);
  let fake: FakeLine;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: ConsoleSession;
  beforeAll(async () => {
    fake = await startFakeLinePlatform();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(async () => {
    fake.reset();
    t = await buildTestApp(store, { now: new Date("2026-12-07T09:00:00+09:00"), env: { LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken, LINE_API_BASE_URL: fake.baseUrl } });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    admin = await consoleSignIn(t.app, "admin@example.jp");
    await seedDashboardWeek(store);
  });

  const rowOf = (html: string, office: string, week: string) => {
    const table = html.slice(html.indexOf(`<caption>${office}の週ごとの数字</caption>`));
    const start = table.indexOf(`<th scope="row">${week}の週</th>`);
    return table.slice(start, table.indexOf("</tr>", start));
  };
  const cells = (row: string) => [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);

  it("shows each office's weeks as charts and as a table with the seeded figures", async () => {
    const res = await admin.get("/staff/dashboard?from=2026-12-01&weeks=4");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(cells(rowOf(html, "ハローワーク長崎", "11/30"))).toEqual(["6", "4", "1", "1", "50%", "1時間15分", "5日1時間", "4 / 46（9%）"]);
    expect(cells(rowOf(html, "ハローワーク長崎", "12/7"))).toEqual(["0", "0", "0", "0", "―", "―", "―", "0 / 82（0%）"]);
    expect(cells(rowOf(html, "ヤングハローワーク長崎", "11/30"))).toEqual(["1", "0", "0", "0", "―", "―", "3日0時間", "1 / 60（2%）"]);
    expect(html).toContain('<svg class="chart" viewBox="0 0 640 220" role="img" aria-labelledby="req-0-title req-0-desc">');
    expect(html).toContain("<title id=\"req-0-title\">ハローワーク長崎：週ごとの申込みと確定</title>");
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("shows this month's LINE messages against the plan's quota, from LINE's own endpoints", async () => {
    fake.setQuota(200);
    const client = createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl });
    for (let i = 0; i < 3; i++) await client.push(lineUserId(`quota-${i}`), [{ type: "text", text: "お知らせ" }], crypto.randomUUID());
    const html = await (await admin.get("/staff/dashboard")).text();
    expect(html).toContain("3通 ／ 上限 200通（2%）");
    expect(fake.requests.map((r) => r.path)).toEqual(expect.arrayContaining(["/v2/bot/message/quota", "/v2/bot/message/quota/consumption"]));
    fake.setQuota(3);
    expect(await (await admin.get("/staff/dashboard")).text()).toContain("上限に近づいています。");
    fake.setQuota(null);
    expect(await (await admin.get("/staff/dashboard")).text()).toContain("3通（上限なしのプラン）");
  });
});
