/** @jsxImportSource hono/jsx */
// The staff console, mounted at /staff: server-rendered pages over the same actions as the staff API.
// Every page and action checks the session and the caller's office on the server.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { buildConsoleScript } from "../../web/build.ts";
import type { AppDeps } from "../http/app.ts";
import { asset } from "../paths.ts";
import { consoleFingerprint } from "../store/staff.ts";
import { auditRoutes } from "./pages/audit.tsx";
import { bookingPageRoutes, notFound } from "./pages/booking.tsx";
import { dashboardRoutes } from "./pages/dashboard.tsx";
import { calendarRoutes } from "./pages/calendar.tsx";
import { officeCalendarRoutes } from "./pages/officeCalendar.tsx";
import { exportRoutes } from "./pages/export.ts";
import { inboxRoutes } from "./pages/inbox.tsx";
import { newBookingRoutes } from "./pages/newBooking.tsx";
import { seekerRoutes } from "./pages/seekers.tsx";
import { signInRoutes } from "./pages/login.tsx";
import { queueRoutes } from "./pages/queue.tsx";
import { waitlistRoutes } from "./pages/waitlist.tsx";
import { requireConsoleStaff, withLocale, type ConsoleEnv } from "./session.ts";

// Strict: our own script and stylesheet only, no inline code, never inside a frame.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export interface ConsoleOptions {
  /** How often an open page asks whether anything changed (tests and benchmarks shorten it). */
  livePollMs?: number;
}

const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

function assetRoutes() {
  const css = readFileSync(asset("src", "console", "console.css"), "utf8");
  const cssTag = etagOf(css);
  let script: Promise<{ body: string; etag: string }> | undefined;
  const scriptOnce = () =>
    (script ??= buildConsoleScript()
      .then((body) => ({ body, etag: etagOf(body) }))
      .catch((error: unknown) => {
        script = undefined;
        throw error;
      }));
  return new Hono<ConsoleEnv>()
    .get("/assets/console.css", (c) => {
      if (c.req.header("if-none-match") === cssTag) return c.body(null, 304);
      return c.body(css, 200, { "content-type": "text/css; charset=utf-8", etag: cssTag, "cache-control": "no-cache" });
    })
    .get("/assets/console.js", async (c) => {
      const { body, etag } = await scriptOnce();
      if (c.req.header("if-none-match") === etag) return c.body(null, 304);
      return c.body(body, 200, { "content-type": "application/javascript; charset=utf-8", etag, "cache-control": "no-cache" });
    });
}

function liveRoutes(deps: AppDeps, pollMs: number) {
  return new Hono<ConsoleEnv>().get("/live", (c) => {
    const staff = c.get("staff");
    const officeId = staff.role === "admin" ? undefined : staff.officeId!;
    c.header("cache-control", "no-store");
    return streamSSE(c, async (stream) => {
      let last = await consoleFingerprint(deps.store.db, officeId);
      let quiet = 0;
      await stream.writeSSE({ event: "ready", data: "" });
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(pollMs);
        const now = await consoleFingerprint(deps.store.db, officeId).catch(() => last);
        if (now !== last) {
          last = now;
          quiet = 0;
          await stream.writeSSE({ event: "change", data: "" });
        } else if ((quiet += pollMs) >= 15_000) {
          quiet = 0;
          await stream.write(": keep-alive\n\n");
        }
      }
    });
  });
}

export function consoleRoutes(deps: AppDeps, options: ConsoleOptions = {}) {
  const app = new Hono<ConsoleEnv>();
  app.use("*", async (c, next) => {
    await next();
    c.header("content-security-policy", CSP);
    // Browsers then send a real Origin on our own form posts (under no-referrer they send "null").
    c.header("referrer-policy", "same-origin");
    c.header("x-frame-options", "DENY");
    if (!c.res.headers.has("cache-control")) c.header("cache-control", "no-store");
  });
  app.use("*", withLocale);
  app.route("/", assetRoutes());
  app.route("/", signInRoutes(deps));
  app.use("*", requireConsoleStaff(deps));
  app.route("/", liveRoutes(deps, options.livePollMs ?? 1000));
  app.route("/", queueRoutes(deps));
  app.route("/", bookingPageRoutes(deps));
  app.route("/", exportRoutes(deps));
  app.route("/", calendarRoutes(deps));
  app.route("/", inboxRoutes(deps));
  app.route("/", auditRoutes(deps));
  app.route("/", dashboardRoutes(deps));
  app.route("/", newBookingRoutes(deps));
  app.route("/", seekerRoutes(deps));
  app.route("/", waitlistRoutes(deps));
  app.route("/", officeCalendarRoutes(deps));
  app.all("*", (c) => notFound(c, "notFound"));
  return app;
}
