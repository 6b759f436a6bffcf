import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { conversations, messages } from "../../src/store/schema.ts";
import { appendMessages } from "../../src/store/conversations.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { handoffChat } from "../helpers/handoff.ts";
import { addStaff, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the handoff inbox on $name: who may read and answer which chat", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "admin@example.jp", officeId: null, role: "admin" });
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  const modeOf = async (id: string) => (await store.db.select().from(conversations).where(eq(conversations.id, id)))[0]!.mode;

  it("sends a visitor without a session to sign-in, and changes nothing", async () => {
    const c = await handoffChat(store, { now: tuesdayTen });
    for (const path of ["/staff/conversations", `/staff/conversations/${c.id}`]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent(path)}`);
    }
    for (const action of ["messages", "release", "claim"]) {
      const res = await t.app.request(`/staff/conversations/${c.id}/${action}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "text=hello" });
      expect(res.status).toBe(303);
    }
    expect(await modeOf(c.id)).toBe("handoff");
    expect((await store.db.select().from(messages).where(eq(messages.conversationId, c.id))).filter((m) => m.author === "staff")).toHaveLength(0);
  });

  it("keeps each office to its own chats; a chat with no office yet is for admins only", async () => {
    const young = await handoffChat(store, { officeId: "young-nagasaki", now: tuesdayTen });
    const unplaced = await handoffChat(store, { officeId: null, now: tuesdayTen });
    const list = await (await ng.get("/staff/conversations")).text();
    expect(list).not.toContain(young.id);
    expect(list).not.toContain(unplaced.id);
    for (const c of [young, unplaced]) {
      expect((await ng.get(`/staff/conversations/${c.id}`)).status).toBe(403);
      expect((await ng.post(`/staff/conversations/${c.id}/messages`, { text: "x" })).status).toBe(403);
      expect((await ng.post(`/staff/conversations/${c.id}/claim`, { takeOver: "1" })).status).toBe(403);
      expect((await ng.post(`/staff/conversations/${c.id}/release`, {})).status).toBe(403);
      expect(await modeOf(c.id)).toBe("handoff");
    }
    const admin = await consoleSignIn(t.app, "admin@example.jp");
    const all = await (await admin.get("/staff/conversations")).text();
    expect(all).toContain(young.id);
    expect(all).toContain(unplaced.id);
    expect(all).toContain("（未選択）");
    expect((await admin.get(`/staff/conversations/${unplaced.id}`)).status).toBe(200);
  });

  it("refuses a form without the session's CSRF token or from another origin", async () => {
    const c = await handoffChat(store, { now: tuesdayTen });
    expect((await ng.post(`/staff/conversations/${c.id}/messages`, { text: "x" }, { csrf: null })).status).toBe(403);
    expect((await ng.post(`/staff/conversations/${c.id}/release`, {}, { origin: "https://evil.example" })).status).toBe(403);
    expect((await ng.post(`/staff/conversations/${c.id}/claim`, {}, { csrf: "forged-token-forged-token-forged-token-1234" })).status).toBe(403);
    expect(await modeOf(c.id)).toBe("handoff");
  });

  it("shows what a seeker typed as text, never as markup", async () => {
    const c = await handoffChat(store, { now: tuesdayTen, said: [`<img src=x onerror="alert(1)">`] });
    await appendMessages(store.db, c.id, [{ author: "user", body: { inbound: { kind: "choice", value: "<script>alert(2)</script>" } } }], tuesdayTen);
    const html = await (await ng.get(`/staff/conversations/${c.id}`)).text();
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    const res = await ng.get("/staff/conversations");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
