// Issue 15, item 4: a booking made in one chat (a phone's browser) is seen, changed and cancelled from
// another (a PC), with its reference and the email or phone given, or through the link in its mail.
// Guessing references gets the same answer for an unknown one and for wrong details, and is throttled.
import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStaffBooking } from "../../src/booking/staffBooking.ts";
import { bookings } from "../../src/store/schema.ts";
import { buildTestApp, serveTestApp } from "../helpers/app.ts";
import { mailedCode, startChat } from "../helpers/chat.ts";
import { recipientOf, startDelivery, type Delivery } from "../helpers/delivery.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

const now = new Date("2026-11-24T10:00:00+09:00");
const loose = { sessionsPerMinutePerClient: 10_000, messagesPerMinutePerSession: 10_000, messagesPerMinutePerClient: 100_000 };
const SECRET = "a-test-secret-of-at-least-32-characters";
const BASE = "https://soudan.example.jp";
const seeker = { name: "長崎 花子", email: "Hanako.N@example.jp", phone: "090-1234-5678" };

const toSeeker = (mail: ParsedMail) => recipientOf(mail)?.toLowerCase() === seeker.email.toLowerCase();

type Served = Awaited<ReturnType<typeof serveTestApp>>;
type Client = ReturnType<Served["as"]>;

describe.each(storeKinds)("managing a booking from anywhere, on $name", (kind) => {
  const store = useStore(kind);
  let served: Served;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let delivery: Delivery;

  async function start(env: Record<string, string> = { MANAGE_LINK_SECRET: SECRET }) {
    t = await buildTestApp(store, { now, env: { TRUST_PROXY: "127.0.0.1", PUBLIC_BASE_URL: BASE, ...env }, deps: { chatRateLimits: loose } });
    served = await serveTestApp(t.app);
    delivery = await startDelivery(store, t);
  }
  beforeEach(() => start());
  afterEach(async () => {
    await delivery.close();
    await served.close();
  });

  /** Books Monday 30 November at `time` from a phone's browser; the booking's reference. */
  async function bookOnPhone(time = "10:00"): Promise<string> {
    const chat = await startChat(served.as("198.51.100.7"), { office: "nagasaki" });
    await chat.choose("menu:book");
    await chat.tap("仕事を探している方");
    await chat.tap("同意する");
    await chat.say(seeker.name);
    await chat.tap("まだ登録していない");
    await chat.say(seeker.email);
    await chat.say(seeker.phone);
    await chat.tap("指名しない");
    await chat.pick(`2026-11-30T${time}`);
    await chat.say("求人の探し方について");
    await chat.tap("必要ない");
    await chat.tap("申し込む");
    await chat.say(await mailedCode(store.db));
    expect(chat.text).toContain("お申し込みを受け付けました");
    const [row] = await store.db.select().from(bookings).where(eq(bookings.status, "requested"));
    return row!.reference;
  }

  const statusOf = async (reference: string) => (await store.db.select().from(bookings).where(eq(bookings.reference, reference)))[0]?.status;

  /** A new chat on a PC that looks the booking up; the chat, after the answer to the contact question. */
  async function lookUp(client: Client, reference: string, contact: string) {
    const chat = await startChat(client, { office: "nagasaki" });
    await chat.choose("menu:find");
    await chat.say(reference);
    await chat.say(contact);
    return chat;
  }

  /** The link in the seeker's latest mail, as they would click it. */
  async function linkInMail(): Promise<string> {
    await delivery.drain();
    const mine = delivery.mails.filter(toSeeker);
    const text = mine.at(-1)?.text ?? "";
    const link = new RegExp(`${BASE.replace(/\./g, "\\.")}/#manage=(\\S+)`).exec(text);
    if (!link) throw new Error(`no link in the seeker's mail:\n${text}`);
    return link[1]!;
  }

  it("finds the booking in a new chat by reference and email, shows it, and moves it", { timeout: 120_000 }, async () => {
    const reference = await bookOnPhone();
    const pc = await startChat(served.as("203.0.113.20"), { office: "nagasaki" });
    await pc.tap("予約を確認する");
    expect(pc.text).toContain("受付中のご予約はありません");
    await pc.tap("予約番号で探す");
    expect(pc.text).toContain("予約番号を教えてください");
    await pc.say(reference.toLowerCase().replace("-", " "));
    expect(pc.text).toContain("メールアドレスか電話番号");
    await pc.say("hanako.n@EXAMPLE.jp");
    expect(pc.text).toContain("ご予約が見つかりました");
    expect(pc.last[0]!.booking).toMatchObject({ reference, when: "11月30日(月) 10:00～10:30", statusCode: "requested" });

    await pc.tap("予約を確認する");
    expect(pc.text).toContain("ご予約は1件あります");
    await pc.tap("予約を変更する");
    expect(pc.text).toContain("現在のご予約は");
    await pc.pick("2026-11-30T11:00");
    await pc.tap("変更する");
    expect(pc.text).toContain("への変更を受け付けました");
    expect(await statusOf(reference)).toBe("cancelled");
    const moved = (await store.db.select().from(bookings).where(eq(bookings.status, "requested")))[0]!;
    expect(moved.startsAt.toISOString()).toBe("2026-11-30T02:00:00.000Z");
    expect(moved).toMatchObject({ email: seeker.email, phone: seeker.phone, name: seeker.name });
  });

  it("finds it by reference and phone written in one message, and cancels it", { timeout: 120_000 }, async () => {
    const reference = await bookOnPhone();
    const pc = await startChat(served.as("203.0.113.21"), { office: "nagasaki" });
    await pc.say(`${reference} の予約を取り消したい`);
    expect(pc.text).toContain("メールアドレスか電話番号");
    await pc.say("09012345678");
    expect(pc.text).toContain("ご予約が見つかりました");
    await pc.tap("予約を取り消す");
    await pc.tap("取り消す");
    expect(pc.text).toContain("のご予約を取り消しました");
    expect(await statusOf(reference)).toBe("cancelled");
  });

  it("finds a booking staff took on the phone, and moves it from the chat", { timeout: 120_000 }, async () => {
    const taken = await createStaffBooking(
      { store, config: t.config, clock: t.clock, wakeOutbox: () => {} },
      {
        input: { office: "nagasaki", startsAt: "2026-11-30T14:00:00+09:00", name: "諫早 次郎", email: "jiro@example.jp", phone: "095-800-1234", topic: "履歴書の書き方" },
        actor: "staff:test",
        readEarlier: async () => {
          throw new Error("no earlier booking");
        },
      },
    );
    if (!taken.ok) throw new Error("staff could not book");
    const pc = await lookUp(served.as("203.0.113.24"), taken.booking.reference, "0958001234");
    expect(pc.text).toContain("ご予約が見つかりました");
    await pc.tap("予約を変更する");
    await pc.pick("2026-11-30T15:00");
    await pc.tap("変更する");
    expect(pc.text).toContain("への変更を受け付けました");
    expect(await statusOf(taken.booking.reference)).toBe("cancelled");
    const [moved] = await store.db.select().from(bookings).where(eq(bookings.status, "requested"));
    expect(moved).toMatchObject({ name: "諫早 次郎", phone: "095-800-1234", topic: "履歴書の書き方" });
  });

  it("opens the chat on the booking from the link in its mail, which dies with the booking", { timeout: 120_000 }, async () => {
    const reference = await bookOnPhone();
    const token = await linkInMail();
    const mail = delivery.mails.filter(toSeeker).at(-1)!;
    expect(mail.text).toContain("チャットで、日時の変更や");
    expect(mail.text).toContain("取り消しができます。");

    const pc = await startChat(served.as("203.0.113.22"), { office: "nagasaki", manage: token });
    expect(pc.text).toContain("ご予約が見つかりました");
    expect(pc.last[0]!.booking).toMatchObject({ reference });
    await pc.tap("予約を取り消す");
    await pc.tap("取り消す");
    expect(await statusOf(reference)).toBe("cancelled");

    const again = await startChat(served.as("203.0.113.22"), { office: "nagasaki", manage: token });
    expect(again.text).toContain("このリンクは使えなくなりました");
    expect(again.last[0]!.booking).toBeUndefined();
    await again.tap("予約を取り消す");
    expect(again.text).toContain("取り消せるご予約はありません");
  });

  it("refuses a link once the session has started, and an altered one, changing nothing", { timeout: 120_000 }, async () => {
    const reference = await bookOnPhone();
    const token = await linkInMail();
    const altered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    const tampered = await startChat(served.as("203.0.113.23"), { office: "nagasaki", manage: altered });
    expect(tampered.text).toContain("このリンクは正しくありません");
    await tampered.tap("予約を取り消す");
    expect(tampered.text).toContain("取り消せるご予約はありません");

    for (const junk of ["", "x", "../../etc/passwd", "<script>", `${token}.${token}`, "%00"]) {
      const odd = await startChat(served.as("203.0.113.23"), { manage: junk });
      expect(odd.text).toContain("このリンクは正しくありません");
    }
    const tooLong = await served.as("203.0.113.23").request("/api/chat/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ manage: "x".repeat(201) }),
    });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.code).toBeTruthy();
    for (const manage of [123, null, ["x"], { token: "x" }]) {
      const wrong = await served.as("203.0.113.23").request("/api/chat/sessions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ manage }),
      });
      expect(wrong.status, JSON.stringify(manage)).toBe(400);
    }

    t.clock.set(new Date("2026-11-30T10:00:00+09:00"));
    const late = await startChat(served.as("203.0.113.23"), { office: "nagasaki", manage: token });
    expect(late.text).toContain("このリンクは使えなくなりました");
    expect(await statusOf(reference)).toBe("requested");
  });

  it("answers wrong contact details exactly as an unknown reference", { timeout: 120_000 }, async () => {
    const reference = await bookOnPhone();
    const made = reference.endsWith("Z") ? `${reference.slice(0, -1)}Y` : `${reference.slice(0, -1)}Z`;
    const wrongEmail = await lookUp(served.as("203.0.113.30"), reference, "someone@example.jp");
    const unknown = await lookUp(served.as("203.0.113.31"), made, "someone@example.jp");
    const wrongPhone = await lookUp(served.as("203.0.113.32"), reference, "090-9999-9999");
    expect(wrongEmail.last).toEqual(unknown.last);
    expect(wrongPhone.last).toEqual(unknown.last);
    expect(unknown.text).toContain("見つかりませんでした");
    await wrongEmail.tap("予約を取り消す");
    expect(wrongEmail.text).toContain("取り消せるご予約はありません");
    expect(await statusOf(reference)).toBe("requested");
  });

  it("throttles tries per reference, even from new clients with the right details", { timeout: 120_000 }, async () => {
    const reference = await bookOnPhone();
    for (let i = 0; i < 5; i++) {
      const guess = await lookUp(served.as(`192.0.2.${10 + i}`), reference, `guess${i}@example.jp`);
      expect(guess.text).toContain("見つかりませんでした");
    }
    const owner = await lookUp(served.as("192.0.2.99"), reference, seeker.email);
    expect(owner.text).toContain("確認の回数が上限に達しました");
    expect(owner.text).not.toContain("見つかりました。");
    expect(owner.last.some((m) => m.booking)).toBe(false);

    t.clock.advance(2 * 3_600_000);
    const later = await lookUp(served.as("192.0.2.99"), reference, seeker.email);
    expect(later.text).toContain("ご予約が見つかりました");
  });

  it("throttles tries per client, whatever references it tries", { timeout: 120_000 }, async () => {
    const guesser = served.as("192.0.2.200");
    const answers: string[] = [];
    for (let i = 0; i < 11; i++) answers.push((await lookUp(guesser, `NG-${"23456789AB"[i % 10]}K7P9Q`, "a@example.jp")).text);
    expect(answers.slice(0, 10).every((a) => a.includes("見つかりませんでした"))).toBe(true);
    expect(answers[10]).toContain("確認の回数が上限に達しました");
  });

  it("tells in every mail that the booking can be changed in the chat, without a link when no secret is set", { timeout: 120_000 }, async () => {
    await delivery.close();
    await served.close();
    await start({});
    const reference = await bookOnPhone();
    await delivery.drain();
    const mail = delivery.mails.filter(toSeeker).at(-1)!;
    expect(mail.text).toContain("チャットで、予約番号と");
    expect(mail.text).toContain(`${BASE}/`);
    expect(mail.text).not.toContain("#manage=");
    expect(mail.text).toContain(reference);
    const pc = await startChat(served.as("203.0.113.40"), { office: "nagasaki", manage: "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA" });
    expect(pc.text).toContain("このリンクは正しくありません");
  });
});
