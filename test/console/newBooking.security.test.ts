import { beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const caller = {
  office: "nagasaki",
  counsellorId: "",
  requesterKind: "seeker",
  name: "電話 花子",
  seekerNumber: "",
  establishmentNumber: "",
  email: "hanako@example.jp",
  phone: "090-1111-2222",
  topic: "転職について",
  support: "",
  locale: "ja",
  meetingUrl: "",
  accessCode: "",
  startsAt: new Date("2026-11-25T11:00:00+09:00").toISOString(),
};

describe.each(storeKinds)("booking for someone on $name: who may", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  const count = async () => (await store.db.select().from(bookings)).length;

  it("sends a visitor without a session to sign-in, and back to the page afterwards", async () => {
    const res = await t.app.request("/staff/new?followUp=abc");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent("/staff/new?followUp=abc")}`);
    const post = await t.app.request("/staff/new", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(caller).toString() });
    expect(post.status).toBe(303);
    expect(await count()).toBe(0);
  });

  it("keeps staff to their own office: no booking there, no follow-up of its people, no peek at its slots", async () => {
    expect((await ng.post("/staff/new", { ...caller, office: "young-nagasaki", startsAt: new Date("2026-11-25T11:00:00+09:00").toISOString() })).status).toBe(403);
    const young = await makeRequest(store, t.config, { officeId: "young-nagasaki", startsAt: new Date("2026-11-30T15:00:00+09:00") });
    expect((await ng.get(`/staff/new?followUp=${young.id}`)).status).toBe(403);
    expect((await ng.post("/staff/new", { ...caller, fromBookingId: young.id })).status).toBe(403);
    expect((await ng.get("/staff/new?office=young-nagasaki")).status).toBe(403);
    expect(await count()).toBe(1);
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    expect(await (await admin.get("/staff/new?office=young-nagasaki")).text()).toContain("ヤングハローワーク長崎");
  });

  it("refuses a booking without the session's CSRF token", async () => {
    expect((await ng.post("/staff/new", caller, { csrf: null })).status).toBe(403);
    expect((await ng.post("/staff/new", caller, { origin: "https://evil.example" })).status).toBe(403);
    expect(await count()).toBe(0);
  });

  it("shows typed markup as text when the form comes back", async () => {
    const html = await (await ng.post("/staff/new", { ...caller, name: `<script>alert(1)</script>`, email: "x" })).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
