import { beforeEach, describe, expect, it } from "vitest";
import { writeAudit } from "../../src/store/audit.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the audit log page on $name: what works", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "ng2@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    admin = await consoleSignIn(t.app, "admin@example.jp");
  });

  const bodyOf = (html: string) => html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));

  it("shows who read whose booking and who changed it, filtered by person and kind, in the URL", async () => {
    const b = await makeRequest(store, t.config);
    const ng = await consoleSignIn(t.app, "ng@example.jp");
    await ng.get(`/staff/bookings/${b.id}`);
    t.clock.advance(60_000);
    await ng.post(`/staff/bookings/${b.id}/confirm`, { meetingUrl: "https://meet.example.jp/a" });
    t.clock.advance(60_000);
    const ng2 = await consoleSignIn(t.app, "ng2@example.jp");
    await ng2.get(`/staff/bookings/${b.id}`);

    const all = await (await admin.get("/staff/audit")).text();
    expect(all).toContain("操作記録");
    expect(all).toContain(`予約 ${b.reference}`);

    const ngOnly = bodyOf(await (await admin.get("/staff/audit?who=ng%40example.jp")).text());
    expect(ngOnly).toContain("個人情報を閲覧");
    expect(ngOnly).toContain("確定");
    expect(ngOnly).not.toContain("ng2@example.jp");
    expect(ngOnly).toContain("status=requested");

    const reads = bodyOf(await (await admin.get("/staff/audit?kind=reads")).text());
    expect(reads.match(/個人情報を閲覧/g)).toHaveLength(2);
    expect(reads).toContain("ng2@example.jp");
    expect(reads).not.toContain("サインイン");
    // The newest first.
    expect(reads.indexOf("ng2@example.jp")).toBeLessThan(reads.indexOf("ng@example.jp"));
    // The selection survives in the form.
    expect(await (await admin.get("/staff/audit?who=ng%40example.jp")).text()).toMatch(/<option value="ng@example.jp" selected="">/);
  });

  it("limits to a date range (Tokyo days) and pages fifty entries at a time", async () => {
    for (let i = 0; i < 60; i++) {
      await writeAudit(store.db, { at: new Date(Date.parse("2026-11-20T09:00:00+09:00") + i * 60_000), actor: "system:sweep", action: "no_show", entity: "booking", entityId: `b-${i}` });
    }
    await writeAudit(store.db, { at: new Date("2026-11-21T00:30:00+09:00"), actor: "system:sweep", action: "cancel", entity: "booking", entityId: "next-day" });
    const day = await (await admin.get("/staff/audit?from=2026-11-20&to=2026-11-20")).text();
    expect(day).toContain("1～50件目");
    expect(day).not.toContain("next-day".slice(0, 8));
    expect(day).toContain('href="/staff/audit?from=2026-11-20&amp;to=2026-11-20&amp;page=2"');
    const second = await (await admin.get("/staff/audit?from=2026-11-20&to=2026-11-20&page=2")).text();
    expect(second).toContain("51～60件目");
    expect(second).toContain("前のページ");
    expect(second).not.toContain("次のページ");
    const next = await (await admin.get("/staff/audit?from=2026-11-21&to=2026-11-21")).text();
    expect(bodyOf(next)).toContain("next-day");
    expect(bodyOf(next)).toContain("システム");
  });
});
