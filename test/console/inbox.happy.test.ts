import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLineClient } from "../../src/line/client.ts";
import { createJobHandlers } from "../../src/notify/handlers.ts";
import { createMailer } from "../../src/notify/mail/transport.ts";
import { createOutboxWorkers } from "../../src/notify/outboxWorker.ts";
import { parseStaffChannels } from "../../src/notify/staffChannels.ts";
import { appendMessages } from "../../src/store/conversations.ts";
import { auditLog, conversations } from "../../src/store/schema.ts";
import { lineUserId, startFakeLinePlatform, type FakeLine } from "../fakes/line-platform/index.ts";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { handoffChat } from "../helpers/handoff.ts";
import { addStaff, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the handoff inbox on $name: what works", (kind) => {
  const store = useStore(kind);
  let fake: FakeLine;
  let mailDir: string;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  let drain: () => Promise<void>;

  beforeAll(async () => {
    fake = await startFakeLinePlatform();
    mailDir = await mkdtemp(join(tmpdir(), "inbox-mail-"));
  });
  afterAll(async () => {
    await fake.close();
    await rm(mailDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    fake.reset();
    t = await buildTestApp(store, { now: tuesdayTen, env: { LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken, LINE_API_BASE_URL: fake.baseUrl } });
    const workers = createOutboxWorkers({
      db: store.db,
      clock: t.clock,
      handlers: createJobHandlers({
        db: store.db,
        config: t.config,
        channels: parseStaffChannels({}),
        mailer: createMailer({ from: "bot@example.jp", mailDir }),
        line: createLineClient({ accessToken: fake.channelAccessToken, baseUrl: fake.baseUrl, timeoutMs: 2_000 }),
        clock: t.clock,
      }),
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      random: () => 1,
      batchSize: 50,
    });
    drain = async () => {
      for (let i = 0; i < 10; i++) if ((await workers.runOnce()) === 0) return;
      throw new Error("the outbox did not settle");
    };
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "ng2@example.jp", officeId: "nagasaki" });
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  const claimOf = async (id: string) => (await store.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  const audits = (action: string) => store.db.select().from(auditLog).where(eq(auditLog.action, action));

  it("answers a web chat from the console: listed, read (audited), claimed, answered in the seeker's chat, released", async () => {
    const chat = await startChat(t.app, { office: "nagasaki" });
    await chat.say("人と話したい");
    await chat.say("求人票の見方を教えてください");
    expect(chat.mode).toBe("handoff");

    const list = await (await ng.get("/staff/conversations")).text();
    expect(list).toContain("担当者を待っているチャット");
    expect(list).toContain(`/staff/conversations/${chat.sessionId}`);
    expect(list).toContain("未対応");
    expect(list).toMatch(/<strong class="unanswered">2件<\/strong>/);
    expect(list).toContain('data-live="conversations"');

    const page = await (await ng.get(`/staff/conversations/${chat.sessionId}`)).text();
    expect(page).toContain("求人票の見方を教えてください");
    expect(page).toContain("まだ誰も対応していません。");
    expect((await audits("read_personal_data")).map((a) => a.entityId)).toEqual([chat.sessionId]);

    const claimed = await ng.post(`/staff/conversations/${chat.sessionId}/claim`, {});
    expect(claimed.status).toBe(303);
    expect(claimed.headers.get("location")).toBe(`/staff/conversations/${chat.sessionId}?done=claimed`);
    expect(await (await ng.get("/staff/conversations")).text()).toContain("ng@example.jp（あなた）");

    const sent = await ng.post(`/staff/conversations/${chat.sessionId}/messages`, { text: "担当の山本です。求人票の右上をご覧ください。", seen: "" });
    expect(sent.headers.get("location")).toBe(`/staff/conversations/${chat.sessionId}?done=sent`);
    const history = await (await t.app.request(`/api/chat/sessions/${chat.sessionId}`, { headers: { authorization: `Bearer ${chat.token}` } })).json();
    expect(history.messages.at(-1)).toMatchObject({ author: "staff", message: { text: "担当の山本です。求人票の右上をご覧ください。" } });
    expect(await (await ng.get("/staff/conversations")).text()).not.toMatch(/<strong class="unanswered">/);

    const released = await ng.post(`/staff/conversations/${chat.sessionId}/release`, {});
    expect(released.headers.get("location")).toBe("/staff/conversations?done=released");
    await drain();
    expect(await claimOf(chat.sessionId)).toMatchObject({ mode: "bot", claimedBy: null });
    const after = await (await t.app.request(`/api/chat/sessions/${chat.sessionId}`, { headers: { authorization: `Bearer ${chat.token}` } })).json();
    expect(after.mode).toBe("bot");
    expect(after.messages.at(-1).message.text).toContain("担当者との会話を終えました");
    expect(await (await ng.get("/staff/conversations?done=released")).text()).toContain("担当者を待っているチャットはありません。");
  });

  it("answers a LINE chat: the text reaches the seeker on LINE, and so does the hand-back", async () => {
    const userId = lineUserId("inbox-user");
    const c = await handoffChat(store, { channel: "line", userKey: userId, now: tuesdayTen, said: ["電話で相談できますか"] });
    await ng.post(`/staff/conversations/${c.id}/messages`, { text: "はい、095-862-8643 へお電話ください。" });
    await drain();
    expect(fake.delivered(userId)).toEqual([{ type: "text", text: "はい、095-862-8643 へお電話ください。" }]);
    // Whoever writes first answers the chat.
    expect((await claimOf(c.id)).claimedBy).not.toBeNull();
    await ng.post(`/staff/conversations/${c.id}/release`, {});
    await drain();
    expect(fake.delivered(userId)).toHaveLength(2);
    expect(JSON.stringify(fake.delivered(userId)[1])).toContain("担当者との会話を終えました");
  });

  it("shows who handles a chat, warns a colleague, and lets them take it over explicitly, audited", async () => {
    const c = await handoffChat(store, { now: tuesdayTen });
    await ng.post(`/staff/conversations/${c.id}/claim`, {});
    const other = await consoleSignIn(t.app, "ng2@example.jp");
    expect(await (await other.get("/staff/conversations")).text()).toContain("ng@example.jp");
    const page = await (await other.get(`/staff/conversations/${c.id}`)).text();
    expect(page).toContain("ng@example.jp さんがこのチャットに対応しています。");
    expect(page).toContain("引き継いで対応する");

    // A plain claim does not silently take it: the page says who has it.
    const plain = await other.post(`/staff/conversations/${c.id}/claim`, {});
    expect(plain.status).toBe(409);
    expect(await plain.text()).toContain("ng@example.jp さんがこのチャットに対応しています。");

    const taken = await other.post(`/staff/conversations/${c.id}/claim`, { takeOver: "1" });
    expect(taken.headers.get("location")).toBe(`/staff/conversations/${c.id}?done=taken`);
    const [me] = await store.db.select().from(auditLog).where(and(eq(auditLog.action, "claim_conversation"), eq(auditLog.entityId, c.id)));
    const [takeOver] = await audits("take_over_conversation");
    expect(takeOver).toMatchObject({ entityId: c.id, before: { claimedBy: (me!.after as { claimedBy: string }).claimedBy }, actor: expect.stringMatching(/^staff:/) });
    expect(takeOver!.actor).not.toBe(me!.actor);
    expect(await (await ng.get("/staff/conversations")).text()).toContain("ng2@example.jp");

    // The colleague lets go; the chat waits for anyone again.
    expect((await other.post(`/staff/conversations/${c.id}/unclaim`, {})).headers.get("location")).toBe(`/staff/conversations/${c.id}?done=unclaimed`);
    expect((await claimOf(c.id)).claimedBy).toBeNull();
  });

  it("warns before sending over a colleague's newer claim, keeping the text, and sends when asked again", async () => {
    const c = await handoffChat(store, { now: tuesdayTen });
    const page = await (await ng.get(`/staff/conversations/${c.id}`)).text();
    const seen = /name="seen" value="([^"]*)"/.exec(page)![1]!;
    const other = await consoleSignIn(t.app, "ng2@example.jp");
    await other.post(`/staff/conversations/${c.id}/claim`, {});

    const first = await ng.post(`/staff/conversations/${c.id}/messages`, { text: "ご連絡ありがとうございます。", seen });
    expect(first.status).toBe(409);
    const again = await first.text();
    expect(again).toContain("ng2@example.jp さんが対応を始めました");
    expect(again).toContain("ご連絡ありがとうございます。</textarea>");
    expect(again).toContain("それでも送信する");
    const seenNow = /name="seen" value="([^"]*)"/.exec(again)![1]!;
    expect(seenNow).not.toBe("");

    const sent = await ng.post(`/staff/conversations/${c.id}/messages`, { text: "ご連絡ありがとうございます。", seen: seenNow });
    expect(sent.status).toBe(303);
    // Writing does not take the chat from the colleague who has it.
    expect((await claimOf(c.id)).claimedBy).toBe(seenNow);
  });

  it("refreshes the open chat with what the seeker writes next, without recording another read each time", async () => {
    const c = await handoffChat(store, { now: tuesdayTen, said: ["よろしくお願いします"] });
    const page = await (await ng.get(`/staff/conversations/${c.id}`)).text();
    expect(page).toContain('data-live="conversation"');
    expect(page).toContain('id="live-region"');
    expect(page).toContain("求職者から新しいメッセージがあります。");
    await appendMessages(store.db, c.id, [{ author: "user", body: { inbound: { kind: "text", text: "まだですか" } } }], tuesdayTen);
    const refreshed = await t.app.request(`/staff/conversations/${c.id}`, { headers: { cookie: ng.cookie, "x-console-fetch": "1" } });
    expect(await refreshed.text()).toContain("まだですか");
    expect(await audits("read_personal_data")).toHaveLength(1);
    t.clock.advance(61 * 60_000);
    await t.app.request(`/staff/conversations/${c.id}`, { headers: { cookie: ng.cookie, "x-console-fetch": "1" } });
    expect(await audits("read_personal_data")).toHaveLength(2);
  });
});
