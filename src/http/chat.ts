import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { z } from "zod";
import { toInbound, webInboundSchema } from "../bot/web.ts";
import { officeIdSchema } from "../config.ts";
import { runTurn } from "../flows/turn.ts";
import { bookingCardStatuses, MAX_CHOICE_LABEL, MAX_CHOICES, type BotMessage, type Inbound } from "../messages.ts";
import { conversationHistory, createConversation, findConversation, hashToken, type Conversation } from "../store/conversations.ts";
import { conversations } from "../store/schema.ts";
import type { AppDeps } from "./app.ts";
import { HttpError, parseOr400, readJson } from "./errors.ts";
import { clientKey, defaultChatRateLimits, enforceShared, trustedProxies, type ChatRateLimits } from "./middleware/rateLimit.ts";
import { errorResponse, exampleSlot, jsonBody, jsonResponse, route } from "./openapi.ts";
import { locales } from "../i18n/locales.ts";
import { withoutRuby } from "../i18n/ruby.ts";

const localeSchema = z.enum(locales);
export const modeSchema = z.enum(conversations.mode.enumValues);
const createBody = z
  .object({
    office: officeIdSchema.optional(),
    locale: localeSchema.optional(),
    manage: z
      .string()
      .max(200)
      .optional()
      .meta({ description: "The token of the link in a mail to the seeker (the page's #manage=… fragment): the session opens on that booking." }),
  })
  .strict();

const botMessageSchema: z.ZodType<BotMessage> = z
  .object({
    text: z.string(),
    choices: z
      .array(
        z.object({
          label: z
            .string()
            .refine((label) => withoutRuby(label).length <= MAX_CHOICE_LABEL)
            .meta({ description: `At most ${MAX_CHOICE_LABEL} characters, not counting furigana marks ({kanji|reading}, written in ja-x-easy).` }),
          value: z.string(),
        }),
      )
      .max(MAX_CHOICES)
      .optional(),
    datePicker: z
      .object({ min: z.string().meta({ example: "2026-11-25T10:00" }), max: z.string().meta({ example: "2026-12-24T15:30" }) })
      .meta({ description: "Bounds of a date-time picker, Asia/Tokyo wall clock." })
      .optional(),
    booking: z
      .object({
        reference: z.string().meta({ example: "NG-7K3P9Q" }),
        office: z.string(),
        when: z.string().meta({ example: exampleSlot }),
        status: z.string(),
        statusCode: z.enum(bookingCardStatuses),
        rows: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
        meetingUrl: z.url().optional(),
      })
      .optional(),
  })
  .meta({ id: "BotMessage" });

const inboundSchema: z.ZodType<Inbound> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start") }),
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("choice"), value: z.string() }),
  z.object({ kind: z.literal("datetime"), value: z.string() }),
]);

/** One message of a conversation's history, as the widget and staff read it back. */
export const storedMessageSchema = z.union([
  z.object({ author: z.enum(["user", "bot", "staff"]), at: z.iso.datetime(), message: botMessageSchema }),
  z.object({ author: z.enum(["user", "bot", "staff"]), at: z.iso.datetime(), inbound: inboundSchema }),
]);

const repliesSchema = z.object({ messages: z.array(botMessageSchema), mode: modeSchema });
const sessionParams = z.object({ id: z.uuid() });
const bearer = [{ sessionToken: [] }];

const createSession = createRoute({
  method: "post",
  path: "/sessions",
  summary: "Start a web chat session",
  request: { body: jsonBody(createBody, { required: false }) },
  responses: {
    201: jsonResponse("The session, its bearer token (shown once) and the bot's greeting.", repliesSchema.extend({ sessionId: z.uuid(), token: z.string() })),
    400: errorResponse("The body has the wrong shape."),
    403: errorResponse("The calling site is not in WIDGET_ORIGINS."),
    429: errorResponse("Too many sessions from this client; see Retry-After."),
  },
});

const sendMessage = createRoute({
  method: "post",
  path: "/sessions/{id}/messages",
  summary: "Send one message and get the bot's replies",
  security: bearer,
  request: { params: sessionParams, body: jsonBody(webInboundSchema) },
  responses: {
    200: jsonResponse("The bot's replies.", repliesSchema),
    400: errorResponse("The body has the wrong shape or is not JSON."),
    401: errorResponse("Missing or wrong token."),
    404: errorResponse("No such session."),
    409: errorResponse("Another message changed the conversation at the same moment; send again."),
    413: errorResponse("The body is over 64 KiB."),
    429: errorResponse("Too many messages; see Retry-After."),
  },
});

const readSession = createRoute({
  method: "get",
  path: "/sessions/{id}",
  summary: "The conversation so far (to restore the widget after a reload)",
  security: bearer,
  request: { params: sessionParams },
  responses: {
    200: jsonResponse(
      "History, oldest first.",
      z.object({
        messages: z.array(storedMessageSchema),
        mode: modeSchema,
        locale: localeSchema,
        state: z.object({ flow: z.string().nullable(), step: z.string().nullable(), mode: modeSchema }),
      }),
    ),
    401: errorResponse("Missing or wrong token."),
    404: errorResponse("No such session."),
  },
});

/** The web chat API: sessions with a bearer token each, one turn per posted message. */
export function chatRoutes(deps: AppDeps, given: Partial<ChatRateLimits> = {}) {
  const limits = { ...defaultChatRateLimits, ...given };
  const proxies = trustedProxies(deps.config.TRUST_PROXY);
  const turnDeps = { db: deps.store.db, config: deps.config, clock: deps.clock, wakeOutbox: deps.wakeOutbox };

  // The limits are counted in the database, so they hold however many processes serve the chat,
  // and before the session is looked up, so a flood costs one small write a request. The session
  // is keyed by the id in the path: a wrong token counts against it too.
  const limit = (c: Context, client: string, ...more: { key: string; perMinute: number }[]) =>
    enforceShared(c, deps.store.db, deps.clock(), more.map((l) => ({ ...l, key: l.key.replace("{client}", client) })));

  async function authorised(c: Context): Promise<Conversation> {
    const conversation = await findConversation(deps.store.db, c.req.param("id") ?? "");
    if (!conversation || conversation.channel !== "web") throw new HttpError(404, "session_not_found", "No such chat session.");
    const header = c.req.header("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new HttpError(401, "unauthorized", "Send the session token as 'Authorization: Bearer <token>'.");
    const given = Buffer.from(hashToken(token), "hex");
    const expected = Buffer.from(conversation.tokenHash ?? "", "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(401, "unauthorized", "The session token is not valid for this session.");
    }
    return conversation;
  }

  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent("securitySchemes", "sessionToken", {
    type: "http",
    scheme: "bearer",
    description: "The token from POST /api/chat/sessions.",
  });
  app.use(
    "*",
    cors({
      origin: (origin) => (deps.config.WIDGET_ORIGINS.includes(origin) ? origin : null),
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["Content-Type", "Authorization"],
      exposeHeaders: ["Retry-After"],
      maxAge: 600,
    }),
  );
  // A browser on a site not in WIDGET_ORIGINS is refused outright, not only denied the response.
  app.use("*", async (c, next) => {
    const origin = c.req.header("origin");
    if (origin && !deps.config.WIDGET_ORIGINS.includes(origin) && !isSameOrigin(c, origin)) {
      throw new HttpError(403, "origin_not_allowed", "This site is not allowed to use the chat.");
    }
    await next();
  });

  route(app, createSession, async (c) => {
    const client = clientKey(c, proxies);
    await limit(c, client, { key: "chat:sessions:client:{client}", perMinute: limits.sessionsPerMinutePerClient });
    const body = parseOr400(createBody, await readJson(c));
    const token = randomBytes(32).toString("base64url");
    const conversation = await createConversation(deps.store.db, {
      channel: "web",
      userKey: randomUUID(),
      token,
      officeId: body.office,
      locale: body.locale ?? "ja",
      now: deps.clock(),
    });
    const result = await runTurn(turnDeps, conversation, { kind: "start", ...(body.manage !== undefined ? { manageToken: body.manage } : {}) }, { client });
    return c.json({ sessionId: conversation.id, token, messages: result.messages, mode: result.mode }, 201);
  });

  route(app, sendMessage, async (c) => {
    const client = clientKey(c, proxies);
    await limit(
      c,
      client,
      { key: "chat:messages:client:{client}", perMinute: limits.messagesPerMinutePerClient },
      { key: `chat:messages:session:${sessionKey(c)}`, perMinute: limits.messagesPerMinutePerSession },
    );
    // The session is read once, in the turn (behind any earlier turn of it), and its token checked there.
    const inbound = async () => toInbound(parseOr400(webInboundSchema, await readJson(c)));
    const result = await runTurn(turnDeps, sessionKey(c), inbound, { client, signal: c.get("givenUp"), read: () => authorised(c) });
    return c.json({ messages: result.messages, mode: result.mode });
  });

  route(app, readSession, async (c) => {
    await limit(
      c,
      clientKey(c, proxies),
      { key: "chat:history:client:{client}", perMinute: limits.historyReadsPerMinutePerClient },
      { key: `chat:history:session:${sessionKey(c)}`, perMinute: limits.historyReadsPerMinutePerSession },
    );
    const conversation = await authorised(c);
    const history = await conversationHistory(deps.store.db, conversation.id);
    const state = conversation.state as { flow?: string; step?: string };
    return c.json({
      messages: history,
      mode: conversation.mode,
      locale: conversation.locale,
      state: { flow: state.flow ?? null, step: state.step ?? null, mode: conversation.mode },
    });
  });

  return app;
}

/** The session id from the path, cut short: an attacker's made-up ids do not make long keys. */
function sessionKey(c: Context): string {
  return (c.req.param("id") ?? "").slice(0, 64);
}

function isSameOrigin(c: Context, origin: string): boolean {
  try {
    return new URL(c.req.url).host === new URL(origin).host;
  } catch {
    return false;
  }
}
