import { beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { addStaff, makeRequest, mondayTwoPm, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const caller = {
  office: "nagasaki",
  counsellorId: "",
  requesterKind: "seeker",
  name: "電話 花子",
  seekerNumber: "42010-7654321",
  establishmentNumber: "",
  email: "hanako@example.jp",
  phone: "090-1111-2222",
  topic: "介護職への転職について",
  support: "",
  locale: "ja",
  meetingUrl: "",
  accessCode: "",
  startsAt: new Date("2026-11-25T10:30:00+09:00").toISOString(),
};

describe.each(storeKinds)("booking for someone on $name: mistakes and refusals", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });

  const count = async () => (await store.db.select().from(bookings)).length;

  it("shows each wrong field next to it, keeping everything typed, and books nothing", async () => {
    const res = await s.post("/staff/new", { ...caller, startsAt: "", name: " ", email: "hanako@", phone: "12", seekerNumber: "2026-11-30", meetingUrl: "http://meet.example.jp/x", topic: "転職" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("入力内容を確認してください。");
    expect(html).toContain('id="startsAt-error">空いている枠を選んでください。');
    expect(html).toContain('id="name-error">氏名を入力してください');
    expect(html).toContain('id="email-error">メールアドレスを正しく入力してください。');
    expect(html).toContain('id="phone-error">電話番号を正しく入力してください');
    expect(html).toContain('id="seekerNumber-error">求職番号は');
    expect(html).toContain('id="meetingUrl-error">https:// で始まるURLを入力してください。');
    expect(html).toContain('value="hanako@"');
    expect(html).toContain('value="2026-11-30"');
    expect(html).toContain('value="http://meet.example.jp/x"');
    expect(html).toMatch(/<textarea id="topic"[^>]*>転職<\/textarea>/);
    expect(await count()).toBe(0);
  });

  it("refuses a slot that was taken meanwhile, says so, and keeps the person's details", async () => {
    const startsAt = new Date("2026-11-26T10:00:00+09:00");
    await makeRequest(store, t.config, { startsAt });
    const res = await s.post("/staff/new", { ...caller, startsAt: startsAt.toISOString() });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('id="startsAt-error">その枠は埋まりました。ほかの枠を選んでください。');
    expect(html).toContain('value="電話 花子"');
    expect(await count()).toBe(1);
  });

  it("applies the bot's rules: not for today, not on a closed day, not beside the seeker's other booking", async () => {
    const today = await s.post("/staff/new", { ...caller, startsAt: new Date("2026-11-24T15:00:00+09:00").toISOString() });
    expect(today.status).toBe(409);
    expect(await today.text()).toContain("その日の受付は締め切りました（前日まで）。");
    const tomorrowLate = await s.post("/staff/new", { ...caller, startsAt: new Date("2026-11-28T10:00:00+09:00").toISOString() });
    expect(tomorrowLate.status).toBe(409);
    expect(await tomorrowLate.text()).toContain("その日は休業日です。");
    await makeRequest(store, t.config, { startsAt: mondayTwoPm, seekerNumber: "42010-7654321" });
    const second = await s.post("/staff/new", { ...caller });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("この求職番号の方には、すでに確定前または確定済みの予約があります。");
    expect(await count()).toBe(1);
  });

  it("answers a follow-up of an unknown booking with 404 and a nonsense date with the default view", async () => {
    expect((await s.get("/staff/new?followUp=00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await s.get("/staff/new?followUp=x")).status).toBe(404);
    const res = await s.get("/staff/new?from=2026-02-31&counsellor=nobody&office=nowhere");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("11月25日(水)");
  });
});
