import { beforeEach, describe, expect, it } from "vitest";
import { addAbsence, addClosure } from "../../src/store/calendar.ts";
import { absences, bookings, closures, counsellors } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the office calendar on $name: who may change what", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  it("sends a visitor without a session to sign-in, and changes nothing for a form posted without one", async () => {
    const res = await t.app.request("/staff/office-calendar?office=nagasaki");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/login?next=%2Fstaff%2Foffice-calendar%3Foffice%3Dnagasaki");
    const post = await t.app.request("/staff/office-calendar/closures", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "office=nagasaki&date=2026-12-01&reason=x",
    });
    expect(post.status).toBe(303);
    expect(await store.db.select().from(closures)).toEqual([]);
  });

  it("keeps staff of one office out of another's closures, absences and availability", async () => {
    const young = await makeRequest(store, t.config, { officeId: "young-nagasaki" });
    expect((await ng.get("/staff/office-calendar?office=young-nagasaki")).status).toBe(403);
    const preview = await ng.post("/staff/office-calendar/closures/preview", { office: "young-nagasaki", date: "2026-11-30", reason: "x" });
    expect(preview.status).toBe(403);
    expect(await preview.text()).not.toContain(young.reference);
    expect((await ng.post("/staff/office-calendar/closures", { office: "young-nagasaki", date: "2026-11-30", reason: "x" })).status).toBe(403);
    expect((await ng.post("/staff/office-calendar/absences", { office: "young-nagasaki", counsellorId: "young-1", date: "2026-12-01" })).status).toBe(403);
    expect((await ng.post("/staff/office-calendar/available-now", { counsellorId: "young-1", minutes: "60" })).status).toBe(403);
    expect(await store.db.select().from(closures)).toEqual([]);
    expect(await store.db.select().from(absences)).toEqual([]);
    expect((await store.db.select().from(bookings))[0]!.status).toBe("requested");
    expect((await store.db.select().from(counsellors)).every((c) => c.availableNowUntil === null)).toBe(true);

    // Another office's closure or absence cannot be removed by naming its id with one's own office.
    const closed = await addClosure(store.db, { officeId: "young-nagasaki", date: "2026-12-03", reason: "x", now: tuesdayTen, actor: "test" });
    const away = await addAbsence(store.db, { counsellorId: "young-1", date: "2026-12-03", now: tuesdayTen, actor: "test" });
    expect((await ng.post(`/staff/office-calendar/closures/${closed.ok && closed.closure.id}/remove`, { office: "nagasaki" })).status).toBe(403);
    expect((await ng.post(`/staff/office-calendar/absences/${away.absence.id}/remove`, { office: "nagasaki" })).status).toBe(403);
    expect(await store.db.select().from(closures)).toHaveLength(1);
    expect(await store.db.select().from(absences)).toHaveLength(1);
  });

  it("lets only an admin close every office, or remove a closure of every office", async () => {
    const res = await ng.post("/staff/office-calendar/closures", { office: "all", date: "2026-12-01", reason: "台風" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("すべての事業所の休業は管理者だけが登録できます。");
    const everywhere = await addClosure(store.db, { officeId: null, date: "2026-12-04", reason: "台風", now: tuesdayTen, actor: "test" });
    const page = await (await ng.get("/staff/office-calendar")).text();
    expect(page).toContain("すべての事業所");
    expect(page).not.toContain(`closures/${everywhere.ok && everywhere.closure.id}/remove`);
    expect((await ng.post(`/staff/office-calendar/closures/${everywhere.ok && everywhere.closure.id}/remove`, { office: "nagasaki" })).status).toBe(403);
    expect(await store.db.select().from(closures)).toHaveLength(1);
  });

  it("refuses every form without the session's CSRF token", async () => {
    const forms: [string, Record<string, string>][] = [
      ["/staff/office-calendar/closures/preview", { office: "nagasaki", date: "2026-12-01", reason: "x" }],
      ["/staff/office-calendar/closures", { office: "nagasaki", date: "2026-12-01", reason: "x" }],
      ["/staff/office-calendar/absences", { office: "nagasaki", counsellorId: "nagasaki-1", date: "2026-12-01" }],
      ["/staff/office-calendar/available-now", { counsellorId: "nagasaki-1", minutes: "60" }],
    ];
    for (const [path, fields] of forms) {
      expect((await ng.post(path, fields, { csrf: null })).status).toBe(403);
      expect((await ng.post(path, fields, { origin: "https://evil.example" })).status).toBe(403);
    }
    expect(await store.db.select().from(closures)).toEqual([]);
    expect(await store.db.select().from(absences)).toEqual([]);
  });

  it("shows a typed reason as text on the confirm step and in the list", async () => {
    const reason = `<script>alert(1)</script>`;
    const preview = await (await ng.post("/staff/office-calendar/closures/preview", { office: "nagasaki", date: "2026-12-01", reason })).text();
    expect(preview).not.toContain("<script>alert");
    expect(preview).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    await ng.post("/staff/office-calendar/closures", { office: "nagasaki", date: "2026-12-01", reason });
    const list = await (await ng.get("/staff/office-calendar")).text();
    expect(list).not.toContain("<script>alert");
    expect(list).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
