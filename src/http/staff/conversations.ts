// Staff take over a seeker's chat: see who waits for a person, write to them, hand them back.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { markReadByStaff } from "../../bot/line/markRead.ts";
import { writeAudit } from "../../store/audit.ts";
import { conversations } from "../../store/schema.ts";
import { conversationHistory, conversationsInMode, findConversation, type Conversation } from "../../store/conversations.ts";
import { releaseToBot, sendStaffMessage } from "../../notify/channels/index.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { modeSchema, storedMessageSchema } from "../chat.ts";
import { errorResponse, jsonBody, jsonResponse, route } from "../openapi.ts";
import { jstIso } from "./present.ts";
import { actorOf, body, canSeeOffice, parseOr400, type StaffEnv, type StaffPrincipal } from "./auth.ts";
import { jstInstant, secured, signedIn, uuidParams } from "./openapi.ts";

// A conversation belongs to the office it chose (a handoff always names one); one that has not
// chosen yet is for admins only, since its transcript may already hold personal data.
export const mayHandle = (staff: StaffPrincipal, conversation: Pick<Conversation, "officeId">) =>
  conversation.officeId === null ? staff.role === "admin" : canSeeOffice(staff, conversation.officeId);

function conversationJson(c: Conversation) {
  return { id: c.id, channel: c.channel, officeId: c.officeId, locale: c.locale, state: c.mode, updatedAt: jstIso(c.updatedAt), createdAt: jstIso(c.createdAt) };
}

const conversationSchema = z.object({
  id: z.uuid(),
  channel: z.enum(conversations.channel.enumValues),
  officeId: z.string().nullable(),
  locale: z.enum(conversations.locale.enumValues),
  state: modeSchema,
  updatedAt: jstInstant,
  createdAt: jstInstant,
});
const listQuery = z.strictObject({ state: modeSchema.default("handoff") });
const messageBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });
const emptyBody = z.strictObject({});
const noConversation = errorResponse("No such conversation.");

const list = createRoute({
  method: "get",
  path: "/",
  ...secured,
  summary: "Chats in a state (default handoff): the office's own and those without an office yet.",
  request: { query: listQuery },
  responses: { 200: jsonResponse("The conversations.", z.object({ conversations: z.array(conversationSchema) })), 400: errorResponse("Wrong state."), ...signedIn },
});

const read = createRoute({
  method: "get",
  path: "/{id}",
  ...secured,
  summary: "A chat and its messages (the read is audited).",
  request: { params: uuidParams },
  responses: {
    200: jsonResponse("The chat.", z.object({ conversation: conversationSchema, messages: z.array(storedMessageSchema) })),
    ...signedIn,
    404: noConversation,
  },
});

const write = createRoute({
  method: "post",
  path: "/{id}/messages",
  ...secured,
  summary: "Write into the seeker's chat (LINE push or web chat); the bot steps back.",
  request: { params: uuidParams, body: jsonBody(messageBody) },
  responses: {
    201: jsonResponse(
      "Queued for the seeker.",
      z.object({
        message: z.object({ id: z.number(), author: z.literal("staff"), text: z.string(), at: jstInstant }),
        delivery: z.enum(["queued", "line_not_configured"]),
      }),
    ),
    400: errorResponse("A body of the wrong shape."),
    ...signedIn,
    404: noConversation,
  },
});

const release = createRoute({
  method: "post",
  path: "/{id}/release",
  ...secured,
  summary: "Hand the chat back to the bot.",
  request: { params: uuidParams, body: jsonBody(emptyBody) },
  responses: {
    200: jsonResponse("The chat, with the bot again.", z.object({ conversation: conversationSchema })),
    400: errorResponse("A body of the wrong shape."),
    ...signedIn,
    404: noConversation,
    409: errorResponse("The chat is not with staff (code invalid_state)."),
  },
});

export function conversationRoutes(deps: AppDeps) {
  const { store, clock } = deps;
  const lineConfigured = Boolean(deps.config.LINE_CHANNEL_ACCESS_TOKEN);

  async function visible(staff: StaffPrincipal, id: string): Promise<Conversation> {
    const conversation = await findConversation(store.db, id);
    if (!conversation) throw new HttpError(404, "not_found", "No such conversation.");
    if (!mayHandle(staff, conversation)) throw new HttpError(403, "forbidden", "This belongs to another office.");
    return conversation;
  }

  const app = new OpenAPIHono<StaffEnv>();
  route(app, list, async (c) => {
    const staff = c.get("staff");
    const q = parseOr400(listQuery, c.req.query());
    const rows = await conversationsInMode(store.db, q.state);
    return c.json({ conversations: rows.filter((r) => mayHandle(staff, r)).map(conversationJson) });
  });
  route(app, read, async (c) => {
    const staff = c.get("staff");
    const conversation = await visible(staff, c.req.param("id")!);
    const history = await conversationHistory(store.db, conversation.id);
    await writeAudit(store.db, { at: clock(), actor: actorOf(staff), action: "read_personal_data", entity: "conversation", entityId: conversation.id, after: { messages: history.length } });
    markReadByStaff(deps, conversation);
    return c.json({ conversation: conversationJson(conversation), messages: history });
  });
  route(app, write, async (c) => {
    const staff = c.get("staff");
    const conversation = await visible(staff, c.req.param("id")!);
    const input = await body(c, messageBody);
    const now = clock();
    const id = await sendStaffMessage(store.db, { conversation, text: input.text, staffId: staff.id, now, lineConfigured });
    deps.wakeOutbox();
    return c.json({ message: { id, author: "staff", text: input.text, at: jstIso(now) }, delivery: conversation.channel === "line" && !lineConfigured ? "line_not_configured" : "queued" }, 201);
  });
  route(app, release, async (c) => {
    const staff = c.get("staff");
    const conversation = await visible(staff, c.req.param("id")!);
    await body(c, emptyBody);
    const now = clock();
    const released = await releaseToBot(store.db, { conversation, staffId: staff.id, now, lineConfigured });
    if (!released) throw new HttpError(409, "invalid_state", "This conversation is not with staff.");
    deps.wakeOutbox();
    return c.json({ conversation: conversationJson({ ...conversation, mode: "bot", updatedAt: now }) });
  });
  return app;
}
