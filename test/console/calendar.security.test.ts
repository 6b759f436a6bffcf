import { beforeEach, describe, expect, it } from "vitest";
import { addClosure } from "../../src/store/calendar.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the console calendar on $name: who may see what", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  it("sends a visitor without a session to sign-in, and back to the same day afterwards", async () => {
    const res = await t.app.request("/staff/calendar?office=nagasaki&date=2026-11-30&view=week");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent("/staff/calendar?office=nagasaki&date=2026-11-30&view=week")}`);
  });

  it("refuses another office's calendar to staff of one office, and offers them no choice of office", async () => {
    const young = await makeRequest(store, t.config, { officeId: "young-nagasaki" });
    const res = await ng.get("/staff/calendar?office=young-nagasaki&date=2026-11-30");
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain(young.reference);
    expect((await ng.get("/staff/calendar?office=atlantis")).status).toBe(404);
    const own = await (await ng.get("/staff/calendar?date=2026-11-30")).text();
    expect(own).not.toContain('name="office" id');
    expect(own).not.toContain("ヤングハローワーク長崎");
  });

  it("shows a closure's reason as text, and no seeker's name or topic", async () => {
    const b = await makeRequest(store, t.config);
    await addClosure(store.db, { officeId: "nagasaki", date: "2026-11-30", reason: `<img src=x onerror="alert(1)">`, now: tuesdayTen, actor: "test" });
    const html = await (await ng.get("/staff/calendar?date=2026-11-30")).text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain(b.reference);
    expect(html).not.toContain("事務職の求人について");
  });

  it("sends the console's strict Content-Security-Policy", async () => {
    const res = await ng.get("/staff/calendar");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
