// "Book for someone": a phone caller's request and a follow-up agreed during a session, made from the
// console with the bot's rules, and the seeker told through the outbox.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bookings, outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { calendarOf, recipientOf, startDelivery, type Delivery } from "../helpers/delivery.ts";
import { addStaff, makeRequest, mondayTwoPm, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const phoneCaller = {
  office: "nagasaki",
  counsellorId: "",
  requesterKind: "seeker",
  name: "電話 花子",
  seekerNumber: "４２０１０ー７６５４３２１",
  establishmentNumber: "",
  email: "hanako@example.jp",
  phone: "０９０１１１１２２２２",
  topic: "介護職への転職について",
  support: "",
  locale: "ja",
  meetingUrl: "",
  accessCode: "",
};

describe.each(storeKinds)("booking for someone on $name: what works", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let s: ConsoleSession;
  let d: Delivery;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    d = await startDelivery(store, t);
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    s = await consoleSignIn(t.app, "ng@example.jp");
  });
  afterEach(async () => {
    await d.close();
  });

  const row = async (id: string) => (await store.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  const idFrom = (res: Response) => /\/staff\/bookings\/([0-9a-f-]{36})\?done=/.exec(res.headers.get("location") ?? "")?.[1];

  it("shows only the free slots, per day, from the next bookable day, with how many counsellors are free", async () => {
    await makeRequest(store, t.config, { startsAt: mondayTwoPm });
    const html = await (await s.get("/staff/new")).text();
    expect(html).toContain("空いている枠（ハローワーク長崎・指名なし（空いている相談員））");
    expect(html).toContain("11月25日(水)");
    expect(html).not.toContain("11月24日(火)");
    // Saturday and Sunday are not business days.
    expect(html).not.toContain("11月28日(土)");
    expect(html).toContain("10:00（空き2名）");
    const monday = html.slice(html.indexOf("11月30日(月)"));
    expect(monday).toContain("14:00（空き1名）");
    expect(monday).toContain(`value="${mondayTwoPm.toISOString()}"`);

    // Naming the counsellor who has the Monday 14:00 session takes that slot out.
    const taken = (await store.db.select().from(bookings))[0]!.counsellorId;
    const named = await (await s.get(`/staff/new?counsellor=${taken}&from=2026-11-30`)).text();
    expect(named.slice(named.indexOf("11月30日(月)"), named.indexOf("12月1日(火)"))).not.toContain(`value="${mondayTwoPm.toISOString()}"`);
  });

  it("books a phone caller's request: it waits for confirmation and the seeker gets the usual acknowledgement", async () => {
    const startsAt = new Date("2026-11-25T10:30:00+09:00").toISOString();
    const res = await s.post("/staff/new", { ...phoneCaller, startsAt });
    expect(res.status).toBe(303);
    const id = idFrom(res)!;
    expect(res.headers.get("location")).toBe(`/staff/bookings/${id}?done=created`);
    expect(await row(id)).toMatchObject({
      status: "requested",
      channel: "staff",
      officeId: "nagasaki",
      name: "電話 花子",
      seekerNumber: "42010-7654321",
      phone: "090-1111-2222",
      startsAt: new Date(startsAt),
    });
    const keys = (await store.db.select({ key: outbox.idempotencyKey }).from(outbox)).map((j) => j.key);
    expect(keys).toContain(`seeker:requested:${id}`);
    await d.drain();
    const ack = d.mails.filter((m) => recipientOf(m) === "hanako@example.jp");
    expect(ack.map((m) => m.subject)).toEqual(["【ハローワーク長崎】お申し込みを受け付けました"]);
    expect(ack[0]!.text).toContain("11月25日(水) 10:30～11:00");
    expect(await (await s.get(`/staff/bookings/${id}?done=created`)).text()).toContain("予約を登録しました。");
  });

  it("confirms at once with a meeting URL, and the invitation goes out", async () => {
    const startsAt = new Date("2026-11-26T11:00:00+09:00").toISOString();
    const res = await s.post("/staff/new", { ...phoneCaller, startsAt, counsellorId: "nagasaki-1", meetingUrl: "https://meet.example.jp/phone", accessCode: "4321" });
    const id = idFrom(res)!;
    expect(res.headers.get("location")).toBe(`/staff/bookings/${id}?done=created_confirmed`);
    expect(await row(id)).toMatchObject({ status: "confirmed", counsellorId: "nagasaki-1", counsellorNamed: true, meetingUrl: "https://meet.example.jp/phone" });
    await d.drain();
    const invitation = d.mails.find((m) => m.subject?.includes("オンライン職業相談のご案内"))!;
    expect(recipientOf(invitation)).toBe("hanako@example.jp");
    expect(invitation.text).toContain("4321");
    expect(calendarOf(invitation, "invite.ics")).toContain(`UID:${(await row(id)).reference}@soudan-yoyaku`);
  });

  it("books a follow-up from a session's page with the person filled in, into the same chat", async () => {
    const first = await makeRequest(store, t.config, { startsAt: mondayTwoPm });
    await s.post(`/staff/bookings/${first.id}/confirm`, { meetingUrl: "https://meet.example.jp/first" });
    t.clock.set(new Date("2026-11-30T14:35:00+09:00"));
    s = await consoleSignIn(t.app, "ng@example.jp");
    await s.post(`/staff/bookings/${first.id}/attended`, {});

    const bookingPage = await (await s.get(`/staff/bookings/${first.id}`)).text();
    expect(bookingPage).toContain(`href="/staff/new?followUp=${first.id}"`);
    const html = await (await s.get(`/staff/new?followUp=${first.id}`)).text();
    expect(html).toContain(`次回の予約（${first.reference} の方）`);
    expect(html).toContain('value="長崎 太郎"');
    expect(html).toContain('value="taro@example.jp"');
    expect(html).toContain(`name="fromBookingId" value="${first.id}"`);
    expect(html).toContain("12月1日(火)");

    const form = Object.fromEntries([...html.matchAll(/<input id="(\w+)" name="\w+" type="\w+"(?: required="")? value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const topic = /<textarea id="topic"[^>]*>([^<]*)<\/textarea>/.exec(html)![1]!;
    const startsAt = new Date("2026-12-02T10:00:00+09:00").toISOString();
    const res = await s.post("/staff/new", { ...phoneCaller, ...form, topic, office: "nagasaki", fromBookingId: first.id, startsAt });
    const id = idFrom(res)!;
    expect(await row(id)).toMatchObject({ status: "requested", name: "長崎 太郎", email: "taro@example.jp", conversationId: first.conversationId, channel: "web" });
  });
});
