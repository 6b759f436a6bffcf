import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enqueue } from "../../src/store/outbox.ts";
import { followEvent, lineUserId } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { startChat } from "../helpers/chat.ts";
import { lineUser, useLineHarness } from "../e2e/line.harness.ts";
import { scrape } from "./scrape.ts";

describe.each(storeKinds)("GET /metrics on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  it("moves the counters of a booking made over LINE, and carries none of what the seeker typed", async () => {
    const app = h.t.app;
    const before = await scrape(app);
    const user = lineUser(h, fake, lineUserId("metrics"));
    await user.follow();
    await user.tap("相談を予約する");
    await user.tap("ハローワーク長崎");
    await user.tap("仕事を探している方");
    await user.tap("同意する");
    await user.say("長崎 花子です");
    await user.say("42010-7654321");
    await user.say("hanako.metrics@example.jp");
    await user.say("080-2345-6789");
    await user.tap("指名しない");
    await user.pick("2026-12-01T14:00");
    await user.say("介護の仕事に就きたい");
    await user.tap("必要ない");
    await user.tap("申し込む");
    expect(user.text).toMatch(/予約番号は (NG-[A-Z0-9]{6}) です/);
    const reference = /予約番号は (NG-[A-Z0-9]{6})/.exec(user.text)![1]!;

    const after = await scrape(app);
    const moved = (series: string) => after.value(series) - before.value(series);
    expect(moved('soudan_http_requests_total{method="POST",route="/line/webhook",status="200"}')).toBe(14);
    expect(moved('soudan_http_request_duration_seconds_count{method="POST",route="/line/webhook"}')).toBe(14);
    expect(moved('soudan_line_webhook_events_total{result="stored"}')).toBe(14);
    expect(moved('soudan_line_events_handled_total{outcome="done"}')).toBe(14);
    expect(moved('soudan_line_api_calls_total{endpoint="reply",outcome="ok"}')).toBe(14);
    expect(after.value('soudan_bookings{office="nagasaki",status="requested"}')).toBe(1);
    expect(after.value('soudan_bookings{office="tsukimachi",status="confirmed"}')).toBe(0);
    expect(after.value('soudan_conversations_active{channel="line",mode="bot"}')).toBe(1);
    expect(after.value("soudan_line_inbox_waiting_events")).toBe(0);
    expect(after.value("soudan_store_up")).toBe(1);
    // The one process answering holds every part of the LINE users.
    expect(after.value("soudan_line_user_parts")).toBe(64);
    expect(after.text).toContain("process_cpu_seconds_total");
    expect(after.text).toContain("nodejs_eventloop_lag_seconds");

    // Nothing the seeker typed, nor who they are on LINE, nor the booking's reference.
    for (const typed of ["長崎", "花子", "42010", "7654321", "hanako", "example.jp", "080-2345-6789", "08023456789", "介護", user.userId, reference]) {
      expect(after.text).not.toContain(typed);
    }
  });

  it("counts a redelivered event apart from the new ones", async () => {
    const before = await scrape(h.t.app);
    const user = lineUser(h, fake, lineUserId("redelivery"));
    const { events } = await h.send([followEvent(user.userId, { timestamp: h.t.clock().getTime() })]);
    await h.send(events, { redelivery: true });
    const after = await scrape(h.t.app);
    expect(after.value('soudan_line_webhook_events_total{result="stored"}') - before.value('soudan_line_webhook_events_total{result="stored"}')).toBe(1);
    expect(after.value('soudan_line_webhook_events_total{result="redelivered"}') - before.value('soudan_line_webhook_events_total{result="redelivered"}')).toBe(1);
  });

  it("reports outbox jobs by kind and state, the dead ones, and how long the oldest due job has waited", async () => {
    const now = h.t.clock();
    await enqueue(store.db, { kind: "mail.send", idempotencyKey: "metrics:a", payload: {}, runAt: new Date(now.getTime() - 7 * 60_000) });
    await enqueue(store.db, { kind: "mail.send", idempotencyKey: "metrics:b", payload: {}, runAt: new Date(now.getTime() + 60_000) });
    await enqueue(store.db, { kind: "line.push", idempotencyKey: "metrics:c", payload: {} });
    await store.db.execute(sql`update outbox set status = 'dead' where idempotency_key = 'metrics:c'`);
    const after = await scrape(h.t.app);
    expect(after.value('soudan_outbox_jobs{kind="mail.send",state="pending"}')).toBe(2);
    expect(after.value('soudan_outbox_jobs{kind="mail.send",state="dead"}')).toBe(0);
    expect(after.value('soudan_outbox_jobs{kind="line.push",state="dead"}')).toBe(1);
    expect(after.value("soudan_outbox_dead_jobs")).toBe(1);
    expect(after.value("soudan_outbox_oldest_due_job_age_seconds")).toBe(420);
  });

  it("counts web chat requests by route pattern, not by the session's path", async () => {
    const before = await scrape(h.t.app);
    const chat = await startChat(h.t.app);
    await chat.tap("相談を予約する");
    const after = await scrape(h.t.app);
    expect(after.value('soudan_http_requests_total{method="POST",route="/api/chat/sessions",status="201"}') - before.value('soudan_http_requests_total{method="POST",route="/api/chat/sessions",status="201"}')).toBe(1);
    expect(after.text).toContain('route="/api/chat/sessions/:id/messages"');
    expect(after.text).not.toContain(chat.sessionId);
  });
});
