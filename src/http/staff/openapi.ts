// OpenAPI 3.1 paths of the staff API, merged into the project's OpenAPI document.
const error = { $ref: "#/components/schemas/Error" };
const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const errorResponse = (description: string) => ({ description, ...json(error) });
const bookingResponse = { description: "The booking after the change.", ...json({ type: "object", properties: { booking: { $ref: "#/components/schemas/StaffBooking" } } }) };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const secured = { security: [{ staffBearer: [] }, { staffCookie: [] }] };
const common = {
  "401": errorResponse("No staff session (code unauthorized)."),
  "403": errorResponse("Another office's booking or chat (code forbidden)."),
};
const action = (summary: string, body: unknown, extra: Record<string, unknown> = {}) => ({
  post: {
    tags: ["staff"],
    summary,
    ...secured,
    parameters: [idParam],
    ...(body ? { requestBody: { required: true, ...json(body) } } : {}),
    responses: {
      "200": bookingResponse,
      "400": errorResponse("A body of the wrong shape (code invalid_request)."),
      ...common,
      "404": errorResponse("No such booking (also for a malformed id)."),
      "409": errorResponse("The booking's state does not allow this (code invalid_state)."),
      ...extra,
    },
  },
});
const reason = { type: "object", required: ["reason"], additionalProperties: false, properties: { reason: { type: "string", minLength: 1, maxLength: 500 } } };

export const staffComponents = {
  schemas: {
    StaffBooking: {
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" },
        reference: { type: "string", examples: ["NG-7K3PQ2"] },
        office: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
        status: { enum: ["requested", "confirmed", "attended", "no_show", "cancelled", "rejected"] },
        statusReason: { type: ["string", "null"] },
        startsAt: { type: "string", format: "date-time", examples: ["2026-12-03T14:00:00.000+09:00"] },
        endsAt: { type: "string", format: "date-time" },
        when: { type: "string", examples: ["12月3日(木) 14:00～14:30"] },
        counsellor: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, named: { type: "boolean" } } },
        channel: { enum: ["web", "line", "staff"] },
        locale: { enum: ["ja", "en"] },
        meetingUrl: { type: ["string", "null"] },
        accessCode: { type: ["string", "null"] },
        person: {
          description: "Only in GET /api/staff/bookings/{id}; reading it is written to the audit log.",
          type: "object",
          properties: Object.fromEntries(["name", "seekerNumber", "establishmentNumber", "email", "phone", "topic", "support"].map((k) => [k, { type: ["string", "null"] }])),
        },
      },
    },
  },
  securitySchemes: {
    staffBearer: { type: "http", scheme: "bearer", description: "The token from POST /api/staff/login (valid 12 hours)." },
    staffCookie: { type: "apiKey", in: "cookie", name: "staff_session" },
  },
};

export const staffPaths = {
  "/api/staff/login": {
    post: {
      tags: ["staff"],
      summary: "Log in; answers a bearer token and sets an HttpOnly, SameSite=Strict cookie.",
      requestBody: { required: true, ...json({ type: "object", required: ["email", "password"], properties: { email: { type: "string" }, password: { type: "string" } } }) },
      responses: {
        "200": { description: "Logged in.", ...json({ type: "object", properties: { token: { type: "string" }, expiresAt: { type: "string", format: "date-time" }, staff: { type: "object" } } }) },
        "400": errorResponse("A body of the wrong shape."),
        "401": errorResponse("Wrong email or password (the same answer for an unknown email)."),
        "429": { ...errorResponse("Five failures: locked for 15 minutes."), headers: { "Retry-After": { schema: { type: "integer" } } } },
      },
    },
  },
  "/api/staff/logout": { post: { tags: ["staff"], summary: "End this session.", ...secured, responses: { "200": { description: "Logged out." }, "401": common["401"] } } },
  "/api/staff/me": { get: { tags: ["staff"], summary: "Who is logged in.", ...secured, responses: { "200": { description: "The staff member." }, "401": common["401"] } } },
  "/api/staff/bookings": {
    get: {
      tags: ["staff"],
      summary: "Bookings of the caller's office (an admin: all, or ?office=). No personal details.",
      ...secured,
      parameters: [
        { name: "office", in: "query", schema: { enum: ["nagasaki", "young-nagasaki", "tsukimachi"] } },
        { name: "status", in: "query", description: "Comma-separated statuses.", schema: { type: "string" } },
        { name: "from", in: "query", description: "First JST date, YYYY-MM-DD.", schema: { type: "string", format: "date" } },
        { name: "to", in: "query", description: "Last JST date, inclusive.", schema: { type: "string", format: "date" } },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 200 } },
      ],
      responses: { "200": { description: "The bookings, by start.", ...json({ type: "object", properties: { bookings: { type: "array", items: { $ref: "#/components/schemas/StaffBooking" } } } }) }, "400": errorResponse("Wrong filters."), ...common },
    },
    post: {
      tags: ["staff"],
      summary: "Book a follow-up agreed during a session (terms art. 6(4)); with meetingUrl it is confirmed at once and the invitation sent.",
      ...secured,
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["office", "startsAt"],
          properties: {
            office: { type: "string" },
            startsAt: { type: "string", format: "date-time" },
            counsellorId: { type: "string" },
            fromBookingId: { type: "string", format: "uuid", description: "Copies the seeker's details, chat and channel." },
            name: { type: "string" },
            seekerNumber: { type: "string" },
            email: { type: "string" },
            phone: { type: "string" },
            topic: { type: "string" },
            locale: { enum: ["ja", "en"] },
            meetingUrl: { type: "string", format: "uri", pattern: "^https://" },
            accessCode: { type: "string" },
          },
        }),
      },
      responses: { "201": bookingResponse, "400": errorResponse("A body of the wrong shape."), ...common, "409": errorResponse("The time cannot be booked; the code is the rule's reason, with alternatives.") },
    },
  },
  "/api/staff/bookings/{id}": {
    get: {
      tags: ["staff"],
      summary: "One booking with the seeker's personal details (the read is audited).",
      ...secured,
      parameters: [idParam],
      responses: { "200": bookingResponse, ...common, "404": errorResponse("No such booking.") },
    },
  },
  "/api/staff/bookings/{id}/confirm": action(
    "Confirm a request; the seeker gets the invitation (mail with .ics, and LINE or web chat) and a reminder is scheduled.",
    { type: "object", required: ["meetingUrl"], additionalProperties: false, properties: { meetingUrl: { type: "string", format: "uri", pattern: "^https://" }, accessCode: { type: "string" }, counsellorId: { type: "string" } } },
    { "409": errorResponse("invalid_state, or slot_taken when the counsellor is busy then.") },
  ),
  "/api/staff/bookings/{id}/reject": action("Decline a request; the seeker is told why and offered other times.", reason),
  "/api/staff/bookings/{id}/cancel": action("Cancel a request or session before it starts; the seeker is told.", reason),
  "/api/staff/bookings/{id}/attended": action("Record that the session took place (from its start).", null),
  "/api/staff/bookings/{id}/no-show": action("Record a no-show (from 10 minutes after the start); staff and the seeker are told.", null),
  "/api/staff/conversations": {
    get: {
      tags: ["staff"],
      summary: "Chats in a state (default handoff): the office's own and those without an office yet.",
      ...secured,
      parameters: [{ name: "state", in: "query", schema: { enum: ["handoff", "bot", "closed"], default: "handoff" } }],
      responses: { "200": { description: "The conversations." }, "400": errorResponse("Wrong state."), ...common },
    },
  },
  "/api/staff/conversations/{id}": {
    get: { tags: ["staff"], summary: "A chat and its messages (the read is audited).", ...secured, parameters: [idParam], responses: { "200": { description: "The chat." }, ...common, "404": errorResponse("No such conversation.") } },
  },
  "/api/staff/conversations/{id}/messages": {
    post: {
      tags: ["staff"],
      summary: "Write into the seeker's chat (LINE push or web chat); the bot steps back.",
      ...secured,
      parameters: [idParam],
      requestBody: { required: true, ...json({ type: "object", required: ["text"], properties: { text: { type: "string", minLength: 1, maxLength: 2000 } } }) },
      responses: { "201": { description: "Stored and queued." }, "400": errorResponse("No text."), ...common, "404": errorResponse("No such conversation.") },
    },
  },
  "/api/staff/conversations/{id}/release": {
    post: { tags: ["staff"], summary: "Hand the chat back to the bot.", ...secured, parameters: [idParam], responses: { "200": { description: "Released." }, ...common, "404": errorResponse("No such conversation."), "409": errorResponse("Not with staff.") } },
  },
  "/api/staff/availability": {
    put: {
      tags: ["staff"],
      summary: "A counsellor is available for 'now' sessions for some minutes (0 ends it).",
      ...secured,
      requestBody: { required: true, ...json({ type: "object", required: ["counsellorId", "minutes"], properties: { counsellorId: { type: "string" }, minutes: { type: "integer", minimum: 0, maximum: 480 } } }) },
      responses: { "200": { description: "Until when." }, "400": errorResponse("Wrong shape."), ...common, "404": errorResponse("No such counsellor.") },
    },
  },
} as const;
