import { Hono } from "hono";

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" } },
    },
  },
} as const;

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

const botMessage = {
  type: "object",
  required: ["text"],
  properties: {
    text: { type: "string" },
    choices: {
      type: "array",
      maxItems: 13,
      items: { type: "object", required: ["label", "value"], properties: { label: { type: "string", maxLength: 20 }, value: { type: "string" } } },
    },
    datePicker: {
      type: "object",
      description: "Bounds of a date-time picker, Asia/Tokyo wall clock.",
      required: ["min", "max"],
      properties: { min: { type: "string", example: "2026-11-25T10:00" }, max: { type: "string", example: "2026-12-24T15:30" } },
    },
    booking: {
      type: "object",
      required: ["reference", "office", "when", "status", "statusCode"],
      properties: {
        reference: { type: "string", example: "NG-7K3P9Q" },
        office: { type: "string" },
        when: { type: "string", example: "12月3日(木) 14:00～14:30" },
        status: { type: "string" },
        statusCode: { type: "string", enum: ["held", "requested", "confirmed", "attended", "no_show", "cancelled", "rejected"] },
        rows: { type: "array", items: { type: "object", properties: { label: { type: "string" }, value: { type: "string" } } } },
        meetingUrl: { type: "string", format: "uri" },
      },
    },
  },
} as const;

const sessionParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } } as const;
const bearer = [{ sessionToken: [] }];

export const chatPaths = {
  "/api/chat/sessions": {
    post: {
      summary: "Start a web chat session",
      requestBody: {
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              properties: { office: { type: "string", enum: ["nagasaki", "young-nagasaki", "tsukimachi"] }, locale: { type: "string", enum: ["ja", "en"] } },
            },
          },
        },
      },
      responses: {
        "201": {
          description: "The session, its bearer token (shown once) and the bot's greeting.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["sessionId", "token", "messages"],
                properties: {
                  sessionId: { type: "string", format: "uuid" },
                  token: { type: "string" },
                  messages: { type: "array", items: { $ref: "#/components/schemas/BotMessage" } },
                  mode: { type: "string", enum: ["bot", "handoff", "closed"] },
                },
              },
            },
          },
        },
        "400": errorResponse("The body has the wrong shape."),
        "403": errorResponse("The calling site is not in WIDGET_ORIGINS."),
        "429": errorResponse("Too many sessions from this client; see Retry-After."),
      },
    },
  },
  "/api/chat/sessions/{id}/messages": {
    post: {
      summary: "Send one message and get the bot's replies",
      security: bearer,
      parameters: [sessionParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              oneOf: [
                { type: "object", required: ["text"], additionalProperties: false, properties: { text: { type: "string", description: "Over 2,000 characters gets a polite refusal." } } },
                { type: "object", required: ["choice"], additionalProperties: false, properties: { choice: { type: "string", description: "The value of a choice the bot offered." } } },
                { type: "object", required: ["datetime"], additionalProperties: false, properties: { datetime: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$", description: "Asia/Tokyo wall clock." } } },
              ],
            },
          },
        },
      },
      responses: {
        "200": {
          description: "The bot's replies.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["messages", "mode"],
                properties: { messages: { type: "array", items: { $ref: "#/components/schemas/BotMessage" } }, mode: { type: "string", enum: ["bot", "handoff", "closed"] } },
              },
            },
          },
        },
        "400": errorResponse("The body has the wrong shape or is not JSON."),
        "401": errorResponse("Missing or wrong token."),
        "404": errorResponse("No such session."),
        "409": errorResponse("Another message changed the conversation at the same moment; send again."),
        "413": errorResponse("The body is over 64 KiB."),
        "429": errorResponse("Too many messages; see Retry-After."),
      },
    },
  },
  "/api/chat/sessions/{id}": {
    get: {
      summary: "The conversation so far (to restore the widget after a reload)",
      security: bearer,
      parameters: [sessionParam],
      responses: {
        "200": {
          description: "History, oldest first.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  messages: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        author: { type: "string", enum: ["user", "bot", "staff"] },
                        at: { type: "string", format: "date-time" },
                        message: { $ref: "#/components/schemas/BotMessage" },
                        inbound: { type: "object" },
                      },
                    },
                  },
                  mode: { type: "string" },
                  locale: { type: "string", enum: ["ja", "en"] },
                  state: { type: "object", properties: { flow: { type: ["string", "null"] }, step: { type: ["string", "null"] }, mode: { type: "string" } } },
                },
              },
            },
          },
        },
        "401": errorResponse("Missing or wrong token."),
        "404": errorResponse("No such session."),
      },
    },
  },
} as const;

export const healthPaths = {
  "/healthz": { get: { summary: "The process is alive", responses: { "200": { description: "ok" } } } },
  "/readyz": {
    get: { summary: "The database answers and its migrations are applied", responses: { "200": { description: "ready" }, "503": errorResponse("not ready") } },
  },
} as const;

export function openApiDocument(extraPaths: Record<string, unknown> = {}, extraComponents: { schemas?: object; securitySchemes?: object } = {}) {
  return {
    openapi: "3.1.0",
    info: {
      title: "相談予約ボット API",
      version: "1.0.0",
      description: "Booking online job counselling at Hello Work Nagasaki: the web chat API and the staff API. Every 4xx answers { error: { code, message } }.",
    },
    paths: { ...healthPaths, ...chatPaths, ...extraPaths },
    components: {
      schemas: { Error: error, BotMessage: botMessage, ...extraComponents.schemas },
      securitySchemes: {
        ...extraComponents.securitySchemes,
        sessionToken: { type: "http", scheme: "bearer", description: "The token from POST /api/chat/sessions." },
      },
    },
  };
}

export function openApiRoutes(extraPaths: Record<string, unknown> = {}, extraComponents: { schemas?: object; securitySchemes?: object } = {}) {
  const document = openApiDocument(extraPaths, extraComponents);
  return new Hono().get("/openapi.json", (c) => c.json(document));
}
