// What staff notice of LINE: 既読 only once a person opens the chat, and the month's messages against the plan.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { conversations } from "../../src/store/schema.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";
import { consoleSignIn } from "../helpers/console.ts";
import { addStaff, call, loginAs } from "../helpers/staff.ts";
import { storeKinds } from "../helpers/stores.ts";
import { until } from "../helpers/until.ts";
import { scrape } from "../metrics/scrape.ts";
import { lineUser, useLineHarness } from "./line.harness.ts";

describe.each(storeKinds)("LINE as staff see it on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);
  let admin: string;
  beforeEach(async () => {
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    admin = await loginAs(h.t.app, "admin@example.jp");
  });

  it("marks the seeker's messages read when a person opens the handoff chat, not when the bot answers", async () => {
    const user = lineUser(h, fake, lineUserId("kidoku"));
    await user.follow();
    await user.say("予約について相談したいです");
    await user.say("担当者と話したい");
    await user.say("よろしくお願いします");
    expect(fake.markedAsRead).toEqual([]);

    const [conversation] = await store.db.select().from(conversations).where(eq(conversations.userKey, user.userId));
    expect(conversation!.mode).toBe("handoff");
    const res = await call(h.t.app, admin, "GET", `/api/staff/conversations/${conversation!.id}`);
    expect(res.status).toBe(200);
    await until(() => fake.markedAsRead.length > 0, "the messages marked read", 5_000);
    expect(fake.markedAsRead).toEqual([user.userId]);
    // With the latest message's token, so everything before it shows 既読 too.
    const marked = fake.requests.filter((r) => r.path === "/v2/bot/chat/markAsRead");
    expect(marked).toHaveLength(1);
    expect(marked[0]!.status).toBe(200);
  });

  it("marks them read when a person opens the chat in the console too, and again only when new messages came", async () => {
    const user = lineUser(h, fake, lineUserId("console-kidoku"));
    await user.follow();
    await user.say("担当者と話したい");
    expect(fake.markedAsRead).toEqual([]);
    const [conversation] = await store.db.select().from(conversations).where(eq(conversations.userKey, user.userId));
    const session = await consoleSignIn(h.t.app, "admin@example.jp");
    expect((await session.get(`/staff/conversations/${conversation!.id}`)).status).toBe(200);
    await until(() => fake.markedAsRead.length === 1, "the messages marked read", 5_000);
    expect((await session.get(`/staff/conversations/${conversation!.id}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.markedAsRead).toHaveLength(1);
    await user.say("まだですか");
    expect((await session.get(`/staff/conversations/${conversation!.id}`)).status).toBe(200);
    await until(() => fake.markedAsRead.length === 2, "the new message marked read", 5_000);
  });

  it("shows the month's messages against the plan's quota in the staff API and the metrics", async () => {
    fake.setQuota(500);
    const user = lineUser(h, fake, lineUserId("quota"));
    await user.follow();
    await user.say("担当者と話したい");
    const [conversation] = await store.db.select().from(conversations).where(eq(conversations.userKey, user.userId));
    // A staff answer is a push: it counts against the quota.
    expect((await call(h.t.app, admin, "POST", `/api/staff/conversations/${conversation!.id}/messages`, { text: "担当の山田です。" })).status).toBe(201);
    await h.drainOutbox();
    expect(fake.delivered(user.userId).at(-1)).toMatchObject({ text: expect.stringContaining("担当の山田です。") });

    const res = await call(h.t.app, admin, "GET", "/api/staff/line/quota");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ limit: 500, used: 1, remaining: 499, usedRatio: 0.002 });
    const metrics = await scrape(h.t.app);
    expect(metrics.value("soudan_line_quota_limit_messages")).toBe(500);
    expect(metrics.value("soudan_line_quota_used_messages")).toBe(1);
  });

  it("says so when LINE does not answer, and needs a staff session", async () => {
    fake.failNext(2, { status: 500 });
    const res = await call(h.t.app, admin, "GET", "/api/staff/line/quota");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: "line_unavailable" } });
    expect((await call(h.t.app, undefined, "GET", "/api/staff/line/quota")).status).toBe(401);
  });
});
