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

const officeId = { enum: ["nagasaki", "young-nagasaki", "tsukimachi"] };
const hhmm = { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" };
const officeQuery = { name: "office", in: "query", schema: officeId };
const fromQuery = { name: "from", in: "query", description: "First JST date, YYYY-MM-DD.", schema: { type: "string", format: "date" } };
const toQuery = { name: "to", in: "query", description: "Last JST date, inclusive.", schema: { type: "string", format: "date" } };
const seekerNumberParam = { name: "seekerNumber", in: "path", required: true, description: "求職番号, e.g. 42010-1234567.", schema: { type: "string" } };
const closure = {
  type: "object",
  properties: { id: { type: "string", format: "uuid" }, office: { enum: [...officeId.enum, null], description: "null: every office." }, date: { type: "string", format: "date" }, reason: { type: "string" }, createdAt: { type: "string", format: "date-time" } },
};
const absence = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    counsellor: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
    office: { type: ["string", "null"] },
    date: { type: "string", format: "date" },
    from: { type: ["string", "null"] },
    to: { type: ["string", "null"] },
    createdAt: { type: "string", format: "date-time" },
  },
};
const affected = {
  type: "object",
  description: "A requested or confirmed booking on the day: contact the seeker.",
  properties: { id: { type: "string", format: "uuid" }, reference: { type: "string" }, office: { type: "string" }, counsellorId: { type: "string" }, status: { type: "string" }, startsAt: { type: "string", format: "date-time" }, when: { type: "string" } },
};

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
  "/api/staff/abuse/clients": {
    get: {
      tags: ["staff"],
      summary: "Suspected abuse (admins): web clients that held at least `min` slots in the last `hours`, with how many became requests and from how many sessions, emails and phones. The read is audited.",
      ...secured,
      parameters: [
        { name: "hours", in: "query", schema: { type: "integer", minimum: 1, maximum: 720, default: 24 } },
        { name: "min", in: "query", schema: { type: "integer", minimum: 1, description: "Defaults to REQUESTS_PER_CLIENT." } },
      ],
      responses: { "200": { description: "The clients, busiest first." }, "400": errorResponse("Wrong filters."), ...common },
    },
  },
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
  "/api/staff/closures": {
    get: {
      tags: ["staff"],
      summary: "Closures (a typhoon day) of the caller's office and those of every office; an admin sees all, or ?office=.",
      ...secured,
      parameters: [officeQuery, fromQuery, toQuery],
      responses: { "200": { description: "The closures, by date.", ...json({ type: "object", properties: { closures: { type: "array", items: closure } } }) }, "400": errorResponse("Wrong filters, or a date that does not exist."), ...common },
    },
    post: {
      tags: ["staff"],
      summary:
        "Close an office for a day; the chat refuses that day at once with the reason. Bookings already on it are listed as affected; with tellSeekers they are also cancelled and each seeker is told (mail and chat) with other free times.",
      ...secured,
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["date", "reason"],
          additionalProperties: false,
          properties: {
            date: { type: "string", format: "date" },
            reason: { type: "string", minLength: 1, maxLength: 100 },
            office: { ...officeId, description: "Omitted: every office (admins only)." },
            tellSeekers: { type: "boolean", description: "Cancel the affected bookings and tell each seeker, offering other times (default false: only list them)." },
          },
        }),
      },
      responses: {
        "201": { description: "Stored.", ...json({ type: "object", properties: { closure, affected: { type: "array", items: affected }, told: { type: "integer" } } }) },
        "400": errorResponse("A body of the wrong shape, a date that does not exist, or one in the past (code invalid_request)."),
        "401": common["401"],
        "403": errorResponse("Another office, or every office by a non-admin (code forbidden)."),
        "409": errorResponse("The office is already closed that day (code already_closed)."),
      },
    },
  },
  "/api/staff/closures/affected": {
    get: {
      tags: ["staff"],
      summary: "The requested and confirmed bookings a closure of that day would affect, before closing it.",
      ...secured,
      parameters: [{ name: "date", in: "query", required: true, schema: { type: "string", format: "date" } }, { ...officeQuery, description: "Omitted: every office (admins only)." }],
      responses: {
        "200": { description: "The affected bookings.", ...json({ type: "object", properties: { affected: { type: "array", items: affected } } }) },
        "400": errorResponse("No date, one that does not exist, or one in the past."),
        "401": common["401"],
        "403": errorResponse("Another office, or every office by a non-admin (code forbidden)."),
      },
    },
  },
  "/api/staff/closures/{id}": {
    delete: { tags: ["staff"], summary: "Reopen: remove a closure.", ...secured, parameters: [idParam], responses: { "204": { description: "Removed." }, ...common, "404": errorResponse("No such closure (also for a malformed id).") } },
  },
  "/api/staff/absences": {
    get: {
      tags: ["staff"],
      summary: "Absences of the caller's office's counsellors; an admin sees all, or ?office=.",
      ...secured,
      parameters: [officeQuery, fromQuery, toQuery],
      responses: { "200": { description: "The absences, by date.", ...json({ type: "object", properties: { absences: { type: "array", items: absence } } }) }, "400": errorResponse("Wrong filters."), ...common },
    },
    post: {
      tags: ["staff"],
      summary: "A counsellor is away for a day, or from/to a time; their slots stop being offered at once. Bookings it overlaps are listed as affected, not cancelled.",
      ...secured,
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["counsellorId", "date"],
          additionalProperties: false,
          properties: {
            counsellorId: { type: "string" },
            date: { type: "string", format: "date" },
            from: { ...hhmm, description: "Omitted: from the start of the day." },
            to: { ...hhmm, description: "Omitted: to the end of the day. After from." },
          },
        }),
      },
      responses: {
        "201": { description: "Stored.", ...json({ type: "object", properties: { absence, affected: { type: "array", items: affected } } }) },
        "400": errorResponse("A body of the wrong shape, an unknown counsellor, from not before to, or a past date (code invalid_request)."),
        ...common,
      },
    },
  },
  "/api/staff/absences/{id}": {
    delete: { tags: ["staff"], summary: "Remove an absence.", ...secured, parameters: [idParam], responses: { "204": { description: "Removed." }, ...common, "404": errorResponse("No such absence (also for a malformed id).") } },
  },
  "/api/staff/seekers/{seekerNumber}/clear-no-shows": {
    post: {
      tags: ["staff"],
      summary: "Clear a seeker's no-show record: earlier no-shows stop counting and a suspension is lifted at every office (admins only; audited).",
      ...secured,
      parameters: [seekerNumberParam],
      responses: { "204": { description: "Cleared." }, "400": errorResponse("Not a seeker number."), "401": common["401"], "403": errorResponse("Not an admin.") },
    },
  },
  "/api/staff/seekers/{seekerNumber}/standing": {
    get: {
      tags: ["staff"],
      summary: "Whether a seeker may book online at an office: no-shows counted (office staff: at their office only), suspension, active booking (the read is audited).",
      ...secured,
      parameters: [seekerNumberParam, { ...officeQuery, description: "Default: the caller's office; required for an admin." }],
      responses: {
        "200": {
          description: "The standing.",
          ...json({ type: "object", properties: { noShows: { type: "integer" }, suspended: { type: "boolean" }, activeBookingId: { type: ["string", "null"], format: "uuid" } } }),
        },
        "400": errorResponse("Not a seeker number, or no office."),
        ...common,
      },
    },
  },
  "/api/staff/seeker-data/export": {
    post: {
      tags: ["staff"],
      summary: "Everything stored under a seeker number, for the seeker's request (admin only; audited without the number).",
      ...secured,
      requestBody: { required: true, ...json({ type: "object", required: ["seekerNumber"], additionalProperties: false, properties: { seekerNumber: { type: "string", description: "求職番号, e.g. 42010-1234567." } } }) },
      responses: {
        "200": { description: "The bookings (with their personal fields), consents, no-show clearances and the messages of their conversations." },
        "400": errorResponse("Not a seeker number."),
        "401": common["401"],
        "403": errorResponse("Not an admin (code forbidden)."),
      },
    },
  },
  "/api/staff/seeker-data/erase": {
    post: {
      tags: ["staff"],
      summary: "Erase a seeker's personal data on request: bookings keep only their statistics (admin only; audited).",
      ...secured,
      requestBody: { required: true, ...json({ type: "object", required: ["seekerNumber"], additionalProperties: false, properties: { seekerNumber: { type: "string" } } }) },
      responses: {
        "200": { description: "How many bookings and messages were erased." },
        "400": errorResponse("Not a seeker number."),
        "401": common["401"],
        "403": errorResponse("Not an admin (code forbidden)."),
        "409": errorResponse("A booking still to come: cancel it first (code active_booking)."),
      },
    },
  },
  "/api/staff/line/quota": {
    get: {
      tags: ["staff"],
      summary: "The LINE channel's messages this month against the plan's quota (asked of LINE at most every five minutes).",
      ...secured,
      responses: {
        "200": {
          description: "limit is null when the plan sets none.",
          ...json({ type: "object", properties: { limit: { type: ["integer", "null"] }, used: { type: "integer" }, remaining: { type: ["integer", "null"] }, usedRatio: { type: ["number", "null"] }, checkedAt: { type: "string", format: "date-time" } } }),
        },
        "401": common["401"],
        "404": errorResponse("LINE is not configured (code line_not_configured)."),
        "503": errorResponse("LINE did not answer (code line_unavailable)."),
      },
    },
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
  "/api/staff/outbox": {
    get: {
      tags: ["staff"],
      summary: "Outbox jobs (mail, LINE pushes, webhooks) by status, newest first: by default the dead ones, which ran out of retries or were refused for good. Admins only; no payloads.",
      ...secured,
      parameters: [
        { name: "status", in: "query", schema: { enum: ["dead", "pending", "running"], default: "dead" } },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        { name: "before", in: "query", description: "The last id of the previous page.", schema: { type: "integer" } },
      ],
      responses: {
        "200": {
          description: "The jobs.",
          ...json({
            type: "object",
            properties: {
              jobs: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "integer" },
                    kind: { type: "string" },
                    status: { type: "string" },
                    attempts: { type: "integer" },
                    createdAt: { type: "string", format: "date-time" },
                    firstAttemptAt: { type: ["string", "null"], format: "date-time" },
                    finishedAt: { type: ["string", "null"], format: "date-time" },
                    lastError: { type: ["string", "null"] },
                  },
                },
              },
            },
          }),
        },
        "400": errorResponse("Wrong filters."),
        "401": common["401"],
        "403": errorResponse("Not an admin (code forbidden)."),
      },
    },
  },
  "/api/staff/outbox/{id}/requeue": {
    post: {
      tags: ["staff"],
      summary: "Send a dead job again, with a fresh retry horizon (a LINE push whose retry key is older than 24 h gets a new key). Audited. Admins only.",
      ...secured,
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
      responses: {
        "200": { description: "Pending again.", ...json({ type: "object", properties: { job: { type: "object" } } }) },
        "401": common["401"],
        "403": errorResponse("Not an admin (code forbidden)."),
        "404": errorResponse("No such job."),
        "409": errorResponse("The job is not dead (code invalid_state)."),
      },
    },
  },
} as const;
