// The staff API (JSON), mounted at /api/staff. Everything but login needs a staff session.
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { endSession, signIn } from "../../store/staff.ts";
import type { AppDeps } from "../app.ts";
import { HttpError } from "../errors.ts";
import { clientKey, trustedProxies } from "../middleware/rateLimit.ts";
import { abuseRoutes } from "./abuse.ts";
import { body, requireStaff, SESSION_COOKIE, tokenOf, type StaffEnv } from "./auth.ts";
import { bookingRoutes } from "./bookings.ts";
import { calendarRoutes } from "./calendar.ts";
import { calendarActions } from "./calendarActions.ts";
import { conversationRoutes } from "./conversations.ts";
import { outboxRoutes } from "./outbox.ts";
import { jstIso } from "./present.ts";
import { lineStaffRoutes } from "./line.ts";
import { seekerDataRoutes } from "./seekers.ts";

const loginBody = z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) });
const availabilityBody = z.strictObject({
  counsellorId: z.string().min(1).max(100),
  /** From now; 0 ends it. */
  minutes: z.number().int().min(0).max(8 * 60),
});

export function staffRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const proxies = trustedProxies(config.TRUST_PROXY);
  const calendar = calendarActions(deps);
  const secureCookie = (config.PUBLIC_BASE_URL ?? "").startsWith("https:");

  return new Hono<StaffEnv>()
    .post("/login", async (c) => {
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
    })
    .use("*", requireStaff(deps))
    .get("/me", (c) => {
      const { token: _token, ...staff } = c.get("staff");
      return c.json({ staff });
    })
    .post("/logout", async (c) => {
      await endSession(store.db, c.get("staff").token);
      deleteCookie(c, SESSION_COOKIE, { path: "/api/staff" });
      return c.json({ ok: true });
    })
    .put("/availability", async (c) => {
      const input = await body(c, availabilityBody);
      const { office, until } = await calendar.setAvailableNow(c.get("staff"), input);
      return c.json({ counsellorId: input.counsellorId, office: office.id, availableNowUntil: until ? jstIso(until) : null });
    })
    .route("/abuse", abuseRoutes(deps))
    .route("/bookings", bookingRoutes(deps))
    .route("/conversations", conversationRoutes(deps))
    .route("/outbox", outboxRoutes(deps))
    .route("/seeker-data", seekerDataRoutes(deps))
    .route("/line", lineStaffRoutes(deps))
    .route("/", calendarRoutes(deps));
}
