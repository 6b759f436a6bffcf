/** @jsxImportSource hono/jsx */
// Sign-in, sign-out and the language switch: the only console routes open without a session.
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppDeps } from "../../http/app.ts";
import { clientKey, trustedProxies } from "../../http/middleware/rateLimit.ts";
import { endSession, signIn } from "../../store/staff.ts";
import { FieldError, Layout, Notice, page, type PageContext } from "../layout.tsx";
import { BASE, CONSOLE_COOKIE, LANG_COOKIE, isSecure, originAllowed, requireConsoleStaff, safeNext, setSessionCookie, type ConsoleEnv } from "../session.ts";

const signInForm = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024), next: z.string().max(2000).optional() });

function SignInPage(props: { ctx: PageContext; next: string; email?: string; message?: { kind: "ok" | "error"; text: string }; missing?: { email?: boolean; password?: boolean } }) {
  const { w } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={w.login.title}>
      {props.message ? <Notice kind={props.message.kind}>{props.message.text}</Notice> : null}
      <form method="post" action={`${BASE}/login`} class="signin">
        <input type="hidden" name="next" value={props.next} />
        <label for="email">{w.login.email}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ""} aria-describedby={props.missing?.email ? "email-error" : undefined} aria-invalid={props.missing?.email ? "true" : undefined} />
        <FieldError id="email-error" message={props.missing?.email ? w.login.required : undefined} />
        <label for="password">{w.login.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required aria-describedby={props.missing?.password ? "password-error" : undefined} aria-invalid={props.missing?.password ? "true" : undefined} />
        <FieldError id="password-error" message={props.missing?.password ? w.login.required : undefined} />
        <button type="submit">{w.login.submit}</button>
      </form>
    </Layout>
  );
}

export function signInRoutes(deps: AppDeps) {
  const { store, clock } = deps;
  const proxies = trustedProxies(deps.config.TRUST_PROXY);
  return new Hono<ConsoleEnv>()
    .get("/login", (c) => {
      const w = c.get("w");
      const next = safeNext(c.req.query("next"));
      const reason = c.req.query("reason");
      const message = reason === "expired" ? { kind: "error" as const, text: w.login.expired } : reason === "signed_out" ? { kind: "ok" as const, text: w.login.signedOut } : undefined;
      const ctx: PageContext = { w, locale: c.get("locale"), here: `${BASE}/login?next=${encodeURIComponent(next)}` };
      return c.html(page(<SignInPage ctx={ctx} next={next} message={message} />));
    })
    .post("/login", async (c) => {
      const w = c.get("w");
      if (!originAllowed(c, deps)) return c.text(w.booking.errors.csrf, 403);
      const form = await c.req.parseBody();
      const raw = { email: typeof form.email === "string" ? form.email : "", password: typeof form.password === "string" ? form.password : "", next: typeof form.next === "string" ? form.next : undefined };
      const next = safeNext(raw.next);
      const ctx: PageContext = { w, locale: c.get("locale"), here: `${BASE}/login?next=${encodeURIComponent(next)}` };
      const parsed = signInForm.safeParse(raw);
      if (!parsed.success) {
        const missing = { email: raw.email.trim() === "", password: raw.password === "" };
        return c.html(page(<SignInPage ctx={ctx} next={next} email={raw.email} missing={missing} />), 400);
      }
      // Signing in always starts a new session: the one the browser brought, if any, ends.
      const result = await signIn(store.db, { email: parsed.data.email, password: parsed.data.password, clientKey: clientKey(c, proxies), now: clock(), previousToken: getCookie(c, CONSOLE_COOKIE) });
      if (!result.ok) {
        const locked = result.reason === "throttled";
        if (locked) c.header("Retry-After", String(result.retryAfterSeconds));
        const text = locked ? w.login.locked(Math.ceil(result.retryAfterSeconds / 60)) : w.login.invalid;
        return c.html(page(<SignInPage ctx={ctx} next={next} email={parsed.data.email} message={{ kind: "error", text }} />), locked ? 429 : 401);
      }
      setSessionCookie(c, deps, result.token, result.expiresAt);
      return c.redirect(next, 303);
    })
    .get("/lang/:locale{ja|en}", (c) => {
      setCookie(c, LANG_COOKIE, c.req.param("locale"), { path: BASE, sameSite: "Lax", secure: isSecure(deps), maxAge: 365 * 24 * 3600 });
      return c.redirect(safeNext(c.req.query("next")), 303);
    })
    .post("/logout", requireConsoleStaff(deps), async (c) => {
      await endSession(store.db, c.get("staff").token);
      deleteCookie(c, CONSOLE_COOKIE, { path: BASE });
      return c.redirect(`${BASE}/login?reason=signed_out`, 303);
    });
}
