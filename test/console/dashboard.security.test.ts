import { beforeEach, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn } from "../helpers/console.ts";
import { addStaff, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the dashboard on $name: for admins only", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
  });

  it("sends a visitor without a session to sign-in and back", async () => {
    const res = await t.app.request("/staff/dashboard?weeks=4");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent("/staff/dashboard?weeks=4")}`);
  });

  it("refuses office staff and keeps it out of their menu; sends a strict CSP", async () => {
    const ng = await consoleSignIn(t.app, "ng@example.jp");
    expect((await ng.get("/staff/dashboard")).status).toBe(403);
    expect(await (await ng.get("/staff")).text()).not.toContain('href="/staff/dashboard"');
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    const res = await admin.get("/staff/dashboard");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(await (await admin.get("/staff")).text()).toContain('href="/staff/dashboard"');
  });
});
