import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { messages } from "../../src/store/schema.ts";
import { buildTestApp } from "../helpers/app.ts";
import { consoleSignIn, type ConsoleSession } from "../helpers/console.ts";
import { handoffChat } from "../helpers/handoff.ts";
import { addStaff, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the handoff inbox on $name: mistakes and chats that moved on", (kind) => {
  const store = useStore(kind);
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ng: ConsoleSession;
  beforeEach(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    await addStaff(store, { email: "ng@example.jp", officeId: "nagasaki" });
    ng = await consoleSignIn(t.app, "ng@example.jp");
  });

  const staffMessages = async (id: string) => (await store.db.select().from(messages).where(eq(messages.conversationId, id))).filter((m) => m.author === "staff");

  it("asks for a message next to the field instead of sending an empty one", async () => {
    const c = await handoffChat(store, { now: tuesdayTen });
    const res = await ng.post(`/staff/conversations/${c.id}/messages`, { text: "   " });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="message-error">メッセージを入力してください。');
    expect(html).toContain('aria-invalid="true"');
    expect(await staffMessages(c.id)).toHaveLength(0);
  });

  it("refuses a message that is too long, keeping what was typed", async () => {
    const c = await handoffChat(store, { now: tuesdayTen });
    const long = "あ".repeat(2001);
    const res = await ng.post(`/staff/conversations/${c.id}/messages`, { text: long });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("2000文字以内で入力してください。");
    expect(html).toContain(`${long}</textarea>`);
  });

  it("says so when the chat went back to the bot meanwhile: no message, no second hand-back", async () => {
    const c = await handoffChat(store, { now: tuesdayTen });
    expect((await ng.post(`/staff/conversations/${c.id}/release`, {})).status).toBe(303);
    const again = await ng.post(`/staff/conversations/${c.id}/release`, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("この会話はもうボットに戻っています。");
    const message = await ng.post(`/staff/conversations/${c.id}/messages`, { text: "まだいらっしゃいますか" });
    expect(message.status).toBe(409);
    expect(await message.text()).toContain("この会話はもうボットに戻っています。");
    expect(await staffMessages(c.id)).toHaveLength(0);
    expect((await ng.post(`/staff/conversations/${c.id}/claim`, {})).status).toBe(409);
    // The page still opens, without the forms, saying where the chat is.
    const page = await (await ng.get(`/staff/conversations/${c.id}`)).text();
    expect(page).toContain("この会話はボットの案内に戻っています。");
    expect(page).not.toContain('name="text"');
  });

  it("answers unknown chats with a page, never a 500", async () => {
    for (const path of ["/staff/conversations/not-a-uuid", "/staff/conversations/00000000-0000-4000-8000-000000000000"]) {
      expect((await ng.get(path)).status).toBe(404);
      expect((await ng.post(`${path}/messages`, { text: "x" })).status).toBe(404);
      expect((await ng.post(`${path}/release`, {})).status).toBe(404);
    }
    // Letting go of a chat one does not have changes nothing and claims no success.
    const c = await handoffChat(store, { now: tuesdayTen });
    const res = await ng.post(`/staff/conversations/${c.id}/unclaim`, {});
    expect(res.headers.get("location")).toBe(`/staff/conversations/${c.id}`);
  });
});
