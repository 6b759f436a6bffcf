// Who is using the console: a session cookie made by the same sign-in as the staff API, a CSRF token
// derived from the session for every form, and the language of the pages.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppDeps } from "../http/app.ts";
import type { StaffPrincipal } from "../http/staff/auth.ts";
import { staffOfSession } from "../store/staff.ts";
import { defaultLocale, isStaffLocale, staffWordsFor, type ConsoleWords, type StaffLocale } from "../i18n/index.ts";

export const CONSOLE_COOKIE = "console_session";
export const LANG_COOKIE = "console_lang";
export const CSRF_FIELD = "_csrf";
export const BASE = "/staff";

export interface ConsoleStaff extends StaffPrincipal {
  email: string;
}

export type ConsoleEnv = {
  Variables: { staff: ConsoleStaff; locale: StaffLocale; w: ConsoleWords; csrf: string };
};

export function isSecure(deps: Pick<AppDeps, "config">): boolean {
  return (deps.config.PUBLIC_BASE_URL ?? "").startsWith("https:");
}

export function setSessionCookie(c: Context, deps: Pick<AppDeps, "config">, token: string, expires: Date): void {
  setCookie(c, CONSOLE_COOKIE, token, { httpOnly: true, sameSite: "Strict", secure: isSecure(deps), path: BASE, expires });
}

/** A per-session token for forms: an HMAC of the session token, so nothing more is stored. */
export function csrfToken(sessionToken: string): string {
  return createHmac("sha256", sessionToken).update("console-csrf").digest("base64url");
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Japanese unless the person chose English (a cookie, so it holds before sign-in too). */
export const withLocale: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const cookie = getCookie(c, LANG_COOKIE);
  const locale: StaffLocale = isStaffLocale(cookie) ? cookie : defaultLocale;
  c.set("locale", locale);
  c.set("w", staffWordsFor(locale).staff);
  await next();
};

/**
 * A state-changing request must come from our own pages: an Origin, when the browser sends a real
 * one, must be ours (console pages send `Referrer-Policy: same-origin`, so browsers do), and the form
 * must carry the session's token.
 */
export function originAllowed(c: Context, deps: Pick<AppDeps, "config">): boolean {
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return true;
  const own = new URL(c.req.url).origin;
  const host = c.req.header("host");
  const publicOrigin = deps.config.PUBLIC_BASE_URL ? new URL(deps.config.PUBLIC_BASE_URL).origin : undefined;
  return origin === own || origin === publicOrigin || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
}

/** Where a signed-out person goes: the sign-in page, and back to where they were afterwards. */
export function signInUrl(path: string, reason?: "expired"): string {
  const params = new URLSearchParams({ next: path });
  if (reason) params.set("reason", reason);
  return `${BASE}/login?${params}`;
}

/** A safe place to return to after sign-in: a console path on this site, nothing else. */
export function safeNext(next: string | undefined): string {
  return next && /^\/staff(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(next) && !next.startsWith("//") ? next : BASE;
}

export function requireConsoleStaff(deps: Pick<AppDeps, "store" | "clock" | "config">): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const token = getCookie(c, CONSOLE_COOKIE);
    const user = token ? await staffOfSession(deps.store.db, token, deps.clock()) : undefined;
    if (!user || !token || (user.role === "staff" && !user.officeId)) {
      const url = new URL(c.req.url);
      const here = c.req.method === "GET" ? `${url.pathname}${url.search}` : BASE;
      if (c.req.header("accept")?.includes("text/event-stream") || c.req.header("x-console-fetch")) return c.body(null, 401);
      return c.redirect(signInUrl(here, token ? "expired" : undefined), 303);
    }
    c.set("staff", { id: user.id, role: user.role, officeId: user.officeId, token, email: user.email });
    c.set("csrf", csrfToken(token));
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const sent = typeof form[CSRF_FIELD] === "string" ? (form[CSRF_FIELD] as string) : (c.req.header("x-csrf-token") ?? "");
      if (!originAllowed(c, deps) || !sameToken(sent, c.get("csrf"))) {
        return c.text(c.get("w").booking.errors.csrf, 403);
      }
    }
    await next();
  };
}
