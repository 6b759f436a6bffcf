// The staff API (JSON), mounted at /api/staff. Everything but login needs a staff session.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { staffUsers } from "../../store/schema.ts";
import { endSession, signIn } from "../../store/staff.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { errorResponse, jsonBody, jsonResponse, route } from "../openapi.ts";
import { clientKey, trustedProxies } from "../middleware/rateLimit.ts";
import { abuseRoutes } from "./abuse.ts";
import { body, requireStaff, SESSION_COOKIE, tokenOf, type StaffEnv } from "./auth.ts";
import { bookingRoutes } from "./bookings.ts";
import { calendarRoutes } from "./calendar.ts";
import { calendarActions } from "./calendarActions.ts";
import { conversationRoutes } from "./conversations.ts";
import { jstInstant, registerStaffSecurity, secured, signedIn } from "./openapi.ts";
import { outboxRoutes } from "./outbox.ts";
import { jstIso } from "./present.ts";
import { lineStaffRoutes } from "./line.ts";
import { seekerDataRoutes } from "./seekers.ts";
import { waitlistRoutes } from "./waitlist.ts";

const loginBody = z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) });
const availabilityBody = z.strictObject({
  counsellorId: z.string().min(1).max(100),
  /** From now; 0 ends it. */
  minutes: z.number().int().min(0).max(8 * 60),
});

const staffSchema = z.object({ id: z.string(), role: z.enum(staffUsers.role.enumValues), officeId: z.string().nullable() });

const login = createRoute({
  method: "post",
  path: "/login",
  tags: ["staff"],
  summary: "Log in; answers a bearer token and sets an HttpOnly, SameSite=Strict cookie.",
  request: { body: jsonBody(loginBody) },
  responses: {
    200: jsonResponse("Logged in.", z.object({ token: z.string(), expiresAt: jstInstant, staff: staffSchema })),
    400: errorResponse("A body of the wrong shape."),
    401: errorResponse("Wrong email or password (the same answer for an unknown email)."),
    429: { ...errorResponse("Too many failures: locked for a while."), headers: { "Retry-After": { schema: { type: "integer" } } } },
  },
});

const me = createRoute({
  method: "get",
  path: "/me",
  ...secured,
  summary: "Who is logged in.",
  responses: { 200: jsonResponse("The staff member.", z.object({ staff: staffSchema })), 401: signedIn[401] },
});

const logout = createRoute({
  method: "post",
  path: "/logout",
  ...secured,
  summary: "End this session.",
  responses: { 200: jsonResponse("Logged out.", z.object({ ok: z.literal(true) })), 401: signedIn[401] },
});

const availability = createRoute({
  method: "put",
  path: "/availability",
  ...secured,
  summary: "A counsellor is available for 'now' sessions for some minutes (0 ends it).",
  request: { body: jsonBody(availabilityBody) },
  responses: {
    200: jsonResponse("Until when.", z.object({ counsellorId: z.string(), office: z.string(), availableNowUntil: jstInstant.nullable() })),
    400: errorResponse("Wrong shape, or not a counsellor (code invalid_request)."),
    ...signedIn,
    404: errorResponse("No such counsellor."),
  },
});

export function staffRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const proxies = trustedProxies(config.TRUST_PROXY);
  const calendar = calendarActions(deps);
  const secureCookie = (config.PUBLIC_BASE_URL ?? "").startsWith("https:");

  const app = new OpenAPIHono<StaffEnv>();
  registerStaffSecurity(app);
  route(app, login, async (c) => {
    const input = await body(c, loginBody);
    const result = await signIn(store.db, { ...input, clientKey: clientKey(c, proxies), now: clock(), previousToken: tokenOf(c) });
    if (!result.ok && result.reason === "throttled") {
      c.header("Retry-After", String(result.retryAfterSeconds));
      throw new HttpError(429, "too_many_attempts", "Too many failed logins. Try again later.");
    }
    if (!result.ok) throw new HttpError(401, "invalid_credentials", "The email address or the password is wrong.");
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: "Strict",
      secure: secureCookie,
      path: "/api/staff",
      expires: result.expiresAt,
    });
    return c.json({ token: result.token, expiresAt: jstIso(result.expiresAt), staff: { id: result.staff.id, role: result.staff.role, officeId: result.staff.officeId } });
  });
  app.use("*", requireStaff(deps));
  route(app, me, (c) => {
    const { token: _token, ...staff } = c.get("staff");
    return c.json({ staff });
  });
  route(app, logout, async (c) => {
    await endSession(store.db, c.get("staff").token);
    deleteCookie(c, SESSION_COOKIE, { path: "/api/staff" });
    return c.json({ ok: true });
  });
  route(app, availability, async (c) => {
    const input = await body(c, availabilityBody);
    const { office, until } = await calendar.setAvailableNow(c.get("staff"), input);
    return c.json({ counsellorId: input.counsellorId, office: office.id, availableNowUntil: until ? jstIso(until) : null });
  });
  app.route("/abuse", abuseRoutes(deps));
  app.route("/bookings", bookingRoutes(deps));
  app.route("/conversations", conversationRoutes(deps));
  app.route("/outbox", outboxRoutes(deps));
  app.route("/seeker-data", seekerDataRoutes(deps));
  app.route("/line", lineStaffRoutes(deps));
  app.route("/", waitlistRoutes(deps));
  app.route("/", calendarRoutes(deps));
  return app;
}
