import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn } from "../helpers/console.ts";
import { addStaff, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the audit log page on $name: for admins only", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
  });

  it("sends a visitor without a session to sign-in and back", async () => {
    const res = await t.app.request("/staff/audit?who=ng%40example.jp");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent("/staff/audit?who=ng%40example.jp")}`);
  });

  it("refuses office staff and keeps the page out of their menu", async () => {
    const ng = await consoleSignIn(t.app, "ng@example.jp");
    const res = await ng.get("/staff/audit");
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("ng@example.jp</td>");
    expect(await (await ng.get("/staff")).text()).not.toContain('href="/staff/audit"');
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    const page = await admin.get("/staff/audit");
    expect(page.status).toBe(200);
    expect(await (await admin.get("/staff")).text()).toContain('href="/staff/audit"');
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
