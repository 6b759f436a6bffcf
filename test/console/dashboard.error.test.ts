import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeLinePlatform, type FakeLine } from "../fakes/line-platform/index.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn } from "../helpers/console.ts";
import { addStaff } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the dashboard on $name: bad input and LINE failing", (kind) => {
  const store = useStore(kind);
  let fake: FakeLine;
  beforeAll(async () => {
    fake = await startFakeLinePlatform();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(async () => {
    fake.reset();
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
  });
  const now = new Date("2026-12-07T09:00:00+09:00");

  it("shows the default period and says which value it could not use", async () => {
    const t = await buildTestApp(store, { now });
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    for (const [query, label] of [
      ["from=2026-02-30", "開始週（この日を含む週から）"],
      ["weeks=500", "週数"],
    ] as const) {
      const res = await admin.get(`/staff/dashboard?${query}`);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(`${label}: この値は使えないため、既定の値で表示しました。`);
      expect(html).toContain("<caption>ハローワーク長崎の週ごとの数字</caption>");
    }
    expect(await (await admin.get("/staff/dashboard")).text()).toContain("LINE が設定されていないため、送信数はありません。");
  });

  it("still shows the office figures when LINE does not answer", async () => {
    const t = await buildTestApp(store, { now, env: { LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken, LINE_API_BASE_URL: fake.baseUrl } });
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    fake.failNext(1, { status: 500, path: "/v2/bot/message/quota/consumption" });
    const res = await admin.get("/staff/dashboard");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("LINE から送信数を取得できませんでした。");
    expect(html).toContain("<caption>ハローワーク長崎の週ごとの数字</caption>");
  });
});
