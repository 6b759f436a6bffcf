// Reasons stored as codes: staff decline a request with a reason from the list and a line of their own;
// the database holds the code and the line, and each reader (the Japanese and the English console, the
// JSON API, the seeker's mail and chat) shows the reason in their own language.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bookings } from "../../src/store/schema.ts";
import { conversationHistory } from "../../src/store/conversations.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { recipientOf, startDelivery, type Delivery } from "../helpers/delivery.ts";
import { addStaff, call, loginAs, makeRequest, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("a reason for declining, stored as a code, read in each reader's language on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  let d: Delivery;
  let token: string;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    d = await startDelivery(store, t);
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
    token = await loginAs(t.app, "ng@example.jp");
  });
  afterEach(async () => {
    await d.close();
  });

  const row = async (id: string) => (await store.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  const english = (path: string) => t.app.request(path, { headers: { cookie: `${s.cookie}; console_lang=en` } });

  it("stores the code and what staff wrote, and tells an English-speaking seeker in English by mail and in the chat", async () => {
    const b = await makeRequest(store, t.config, { locale: "en", email: "taro@example.jp" });
    await d.drain();
    d.mails.length = 0;
    expect((await s.post(`/staff/bookings/${b.id}/reject`, { reason: "slot_unavailable", detail: "Please try Wednesday." })).status).toBe(303);
    expect(await row(b.id)).toMatchObject({ status: "rejected", statusReason: "slot_unavailable", statusDetail: "Please try Wednesday." });

    await d.drain();
    const mail = d.mails.find((m) => recipientOf(m) === "taro@example.jp")!;
    expect(mail.text).toContain("No counsellor is free at that time\nPlease try Wednesday.");
    expect(mail.text).not.toContain("相談員の都合");
    const chat = JSON.stringify(await conversationHistory(store.db, b.conversationId!));
    expect(chat).toContain("No counsellor is free at that time");
    expect(chat).not.toContain("slot_unavailable");
  });

  it("shows staff the label in the console's language and in the language the JSON API is asked for, Japanese by default", async () => {
    const b = await makeRequest(store, t.config, { locale: "en" });
    expect((await s.post(`/staff/bookings/${b.id}/reject`, { reason: "not_eligible", detail: "" })).status).toBe(303);
    expect(await row(b.id)).toMatchObject({ statusReason: "not_eligible", statusDetail: null });

    const ja = await (await s.get(`/staff/bookings/${b.id}`)).text();
    expect(ja).toContain("<dt>理由</dt><dd>オンライン相談の対象外です</dd>");
    const en = await (await english(`/staff/bookings/${b.id}`)).text();
    expect(en).toContain("<dt>Reason</dt><dd>Not eligible for online counselling</dd>");

    expect((await (await call(t.app, token, "GET", `/api/staff/bookings/${b.id}`)).json()).booking.statusReason).toBe("オンライン相談の対象外です");
    expect((await (await call(t.app, token, "GET", `/api/staff/bookings/${b.id}?lang=en`)).json()).booking.statusReason).toBe("Not eligible for online counselling");
    const list = await (await call(t.app, token, "GET", "/api/staff/bookings?status=rejected&lang=en")).json();
    expect(list.bookings.map((x: { statusReason: string }) => x.statusReason)).toEqual(["Not eligible for online counselling"]);
  });

  it("keeps a reason staff write themselves as written, in every reader", async () => {
    const b = await makeRequest(store, t.config, { locale: "en" });
    expect((await s.post(`/staff/bookings/${b.id}/reject`, { reason: "other", detail: "台風のため休館します" })).status).toBe(303);
    expect(await row(b.id)).toMatchObject({ statusReason: "台風のため休館します", statusDetail: null });
    expect(await (await english(`/staff/bookings/${b.id}`)).text()).toContain("<dd>台風のため休館します</dd>");
    expect((await (await call(t.app, token, "GET", `/api/staff/bookings/${b.id}?lang=en`)).json()).booking.statusReason).toBe("台風のため休館します");
  });

  it("offers the reasons in the console's language", async () => {
    const b = await makeRequest(store, t.config);
    const en = await (await english(`/staff/bookings/${b.id}`)).text();
    for (const label of ["No counsellor is free at that time", "Not eligible for online counselling", "A duplicate of another request", "Other"]) expect(en).toContain(`>${label}</option>`);
    const ja = await (await s.get(`/staff/bookings/${b.id}`)).text();
    expect(ja).toContain(">その日時は相談員の都合がつきません</option>");
  });
});
