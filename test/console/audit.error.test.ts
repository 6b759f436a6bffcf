import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the audit log page on $name: filters that make no sense", (kind) => {
  const store = useStore(kind);
  let admin: ConsoleSession;
  beforeEach(async () => {
    const t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    admin = await consoleSignIn(t.app, "admin@example.jp");
  });

  it("drops a value it cannot use, says which, and still shows the log", async () => {
    for (const [query, label] of [
      ["from=2026-02-30", "開始日"],
      ["to=yesterday", "終了日"],
      ["who=nobody%40example.jp", "職員"],
      ["kind=everything", "種類"],
      ["page=-1", "ページ"],
    ] as const) {
      const res = await admin.get(`/staff/audit?${query}`);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(`${label}: この値は使えないため、条件から外しました。`);
      expect(html).toContain("サインイン");
    }
  });

  it("shows an empty page past the last one, not an error", async () => {
    const res = await admin.get("/staff/audit?page=999");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("該当する記録はありません。");
  });
});
