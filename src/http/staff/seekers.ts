// A seeker's request to see, or to erase, what is stored under their seeker number (admin only,
// audited). The number travels in the body, not the path, so that it stays out of proxies' access logs.
import { randomUUID } from "node:crypto";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { parseSeekerNumber } from "../../nlu/seekerNumber.ts";
import { writeAudit } from "../../store/audit.ts";
import { eraseSeeker, seekerData } from "../../store/retention.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { errorResponse, jsonBody, jsonResponse, route } from "../openapi.ts";
import { actorOf, body, parseOr400, type StaffEnv, type StaffPrincipal } from "./auth.ts";
import { jstInstant, secured, signedIn } from "./openapi.ts";
import { bookingJson, jstIso, readingLanguage, staffBookingSchema } from "./present.ts";

const request = z.strictObject({ seekerNumber: z.string().trim().min(1).max(40) });

function assertAdmin(staff: StaffPrincipal): void {
  if (staff.role !== "admin") throw new HttpError(403, "forbidden", "Only an admin may export or erase a seeker's data.");
}

function normalized(text: string): string {
  const parsed = parseSeekerNumber(text);
  if (!parsed.ok) throw new HttpError(400, "invalid_request", "seekerNumber: not a seeker number (e.g. 42010-1234567)");
  return parsed.value;
}

const notASeekerNumber = errorResponse("Not a seeker number.");

const exportData = createRoute({
  method: "post",
  path: "/export",
  ...secured,
  summary: "Everything stored under a seeker number, for the seeker's request (admin only; audited without the number), in Japanese unless ?lang= asks for another language.",
  request: { query: readingLanguage, body: jsonBody(request) },
  responses: {
    200: jsonResponse(
      "The bookings (with their personal fields), consents, no-show clearances and the messages of their conversations.",
      z.object({
        requestId: z.uuid(),
        seekerNumber: z.string(),
        exportedAt: jstInstant,
        bookings: z.array(staffBookingSchema.extend({ personalDataErasedAt: jstInstant.nullable() })),
        consents: z.array(z.object({ termsVersion: z.string(), channel: z.string(), agreedAt: jstInstant })),
        noShowClearances: z.array(z.object({ clearedAt: jstInstant })),
        messages: z.array(z.object({ conversationId: z.uuid(), author: z.string(), body: z.unknown(), at: jstInstant })),
      }),
    ),
    400: notASeekerNumber,
    ...signedIn,
  },
});

const erase = createRoute({
  method: "post",
  path: "/erase",
  ...secured,
  summary: "Erase a seeker's personal data on request: bookings keep only their statistics (admin only; audited).",
  request: { body: jsonBody(request) },
  responses: {
    200: jsonResponse("How many bookings and messages were erased.", z.object({ requestId: z.uuid(), erased: z.object({ bookings: z.int(), messages: z.int() }) })),
    400: notASeekerNumber,
    ...signedIn,
    409: errorResponse("A booking still to come: cancel it first (code active_booking)."),
  },
});

export function seekerDataRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const app = new OpenAPIHono<StaffEnv>();
  route(app, exportData, async (c) => {
    const staff = c.get("staff");
    assertAdmin(staff);
    const { lang } = parseOr400(readingLanguage, c.req.query());
    const seekerNumber = normalized((await body(c, request)).seekerNumber);
    const data = await seekerData(store.db, seekerNumber);
    const requestId = randomUUID();
    // The audit row names the request and the bookings, not the number.
    await writeAudit(store.db, {
      at: clock(),
      actor: actorOf(staff),
      action: "export_seeker_data",
      entity: "seeker_request",
      entityId: requestId,
      after: { bookingIds: data.bookings.map((b) => b.id), consents: data.consents.length, messages: data.messages.length },
    });
    return c.json(
      {
        requestId,
        seekerNumber,
        exportedAt: jstIso(clock()),
        bookings: data.bookings.map((b) => ({
          ...bookingJson(b, config, { personal: true, locale: lang }),
          personalDataErasedAt: b.personalDataErasedAt ? jstIso(b.personalDataErasedAt) : null,
        })),
        consents: data.consents.map((x) => ({ termsVersion: x.termsVersion, channel: x.channel, agreedAt: jstIso(x.agreedAt) })),
        noShowClearances: data.noShowClearances.map((x) => ({ clearedAt: jstIso(x.clearedAt) })),
        messages: data.messages.map((m) => ({ conversationId: m.conversationId, author: m.author, body: m.body, at: jstIso(m.createdAt) })),
      },
      200,
      { "cache-control": "no-store" },
    );
  });
  route(app, erase, async (c) => {
    const staff = c.get("staff");
    assertAdmin(staff);
    const seekerNumber = normalized((await body(c, request)).seekerNumber);
    const requestId = randomUUID();
    const result = await eraseSeeker(store.db, { seekerNumber, now: clock(), actor: actorOf(staff), requestId });
    if (!result.ok) {
      throw new HttpError(409, "active_booking", "The seeker has a booking still to come: cancel it first, then erase.");
    }
    return c.json({ requestId, erased: { bookings: result.bookings, messages: result.messages } });
  });
  return app;
}
