import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createOutboxWorkers, PermanentJobError } from "../../src/notify/outboxWorker.ts";
import { enqueue } from "../../src/store/outbox.ts";
import { auditLog, outbox } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { addStaff, call, loginAs, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the staff API's dead outbox jobs on $name", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: string;
  let staff: string;
  let woken = 0;

  beforeEach(async () => {
    woken = 0;
    t = await buildTestApp(store, { now: tuesdayTen, deps: { wakeOutbox: () => void woken++ } });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    admin = await loginAs(t.app, "admin@example.jp");
    staff = await loginAs(t.app, "ng@example.jp");
  });

  /** A mail job that the server refused: dead after its one attempt. */
  async function deadMail(key: string, firstAttemptAt = tuesdayTen): Promise<number> {
    await enqueue(store.db, { kind: "mail.send", idempotencyKey: key, payload: { mail: { to: "yamada@example.jp", subject: "予約", text: "山田太郎様" } }, runAt: tuesdayTen });
    const workers = createOutboxWorkers({ db: store.db, clock: () => tuesdayTen, handlers: { "mail.send": async () => Promise.reject(new PermanentJobError("550 mailbox unavailable")) } });
    await workers.runOnce();
    const [job] = await store.db.select().from(outbox).where(eq(outbox.idempotencyKey, key));
    await store.db.update(outbox).set({ firstAttemptAt }).where(eq(outbox.id, job!.id));
    return job!.id;
  }

  it("lists dead jobs for an admin with their error but no personal data", async () => {
    const id = await deadMail("m1");
    const res = await call(t.app, admin, "GET", "/api/staff/outbox");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).jobs).toEqual([expect.objectContaining({ id, kind: "mail.send", status: "dead", attempts: 1, lastError: "550 mailbox unavailable" })]);
    expect(text).not.toContain("yamada");
    expect(text).not.toContain("山田");
  });

  it("requeues a dead job, wakes the workers and writes who did it to the audit log", async () => {
    const id = await deadMail("m2");
    const res = await call(t.app, admin, "POST", `/api/staff/outbox/${id}/requeue`);
    expect(res.status).toBe(200);
    expect((await res.json()).job).toEqual({ id, kind: "mail.send", status: "pending", freshRetryKey: false });
    expect(woken).toBe(1);
    const [job] = await store.db.select().from(outbox).where(eq(outbox.id, id));
    expect(job).toMatchObject({ status: "pending", attempts: 0, firstAttemptAt: null });
    const audit = await store.db.select().from(auditLog).where(eq(auditLog.action, "outbox.requeue"));
    expect(audit).toEqual([expect.objectContaining({ entity: "outbox", entityId: String(id) })]);
    expect(audit[0]!.actor).toMatch(/^staff:/);
  });

  it("gives a LINE push a fresh retry key when its first attempt is more than a day old", async () => {
    await enqueue(store.db, { kind: "line.push", idempotencyKey: "p1", payload: { to: "U1", messages: [], retryKey: "old-key" }, runAt: tuesdayTen });
    await store.db.update(outbox).set({ status: "dead", attempts: 300, firstAttemptAt: new Date(tuesdayTen.getTime() - 25 * 3_600_000) });
    const [job] = await store.db.select().from(outbox);
    const res = await call(t.app, admin, "POST", `/api/staff/outbox/${job!.id}/requeue`);
    expect((await res.json()).job.freshRetryKey).toBe(true);
    const [after] = await store.db.select().from(outbox);
    expect((after!.payload as { retryKey: string }).retryKey).not.toBe("old-key");
  });

  it("answers 409 for a job that is not dead, 404 for none, 400 for a wrong filter", async () => {
    await enqueue(store.db, { kind: "mail.send", idempotencyKey: "live", payload: {}, runAt: tuesdayTen });
    const [job] = await store.db.select().from(outbox);
    expect((await call(t.app, admin, "POST", `/api/staff/outbox/${job!.id}/requeue`)).status).toBe(409);
    expect((await call(t.app, admin, "POST", "/api/staff/outbox/999999/requeue")).status).toBe(404);
    expect((await call(t.app, admin, "POST", "/api/staff/outbox/abc/requeue")).status).toBe(404);
    const bad = await call(t.app, admin, "GET", "/api/staff/outbox?status=exploded");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_request");
  });

  it("keeps the outbox from office staff and from callers without a session", async () => {
    const id = await deadMail("m3");
    for (const [method, path] of [
      ["GET", "/api/staff/outbox"],
      ["POST", `/api/staff/outbox/${id}/requeue`],
    ] as const) {
      expect((await call(t.app, staff, method, path)).status, `${method} ${path}`).toBe(403);
      expect((await call(t.app, undefined, method, path)).status, `${method} ${path}`).toBe(401);
    }
    const [job] = await store.db.select().from(outbox).where(eq(outbox.id, id));
    expect(job!.status).toBe("dead");
  });
});
