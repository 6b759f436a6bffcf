/** @jsxImportSource hono/jsx */
// The frame of every console page: header, menu, language switch, sign-out, and the page's content.
// Pages are plain HTML forms and links; the one script (assets/console.js) only adds live updates.
import type { Child } from "hono/jsx";
import { wordsFor } from "../i18n/index.ts";
import type { Config, Office } from "../config.ts";
import { BASE, CSRF_FIELD, type ConsoleStaff } from "./session.ts";
import type { ConsoleWords, Locale, StaffLocale } from "../i18n/index.ts";

export type NavKey = keyof ConsoleWords["nav"];

export interface PageContext {
  w: ConsoleWords;
  locale: StaffLocale;
  staff?: ConsoleStaff;
  csrf?: string;
  /** The current path and query, for the language switch to come back to. */
  here: string;
}

/** The menu: [key, path, admins only]. */
const menu: [Exclude<NavKey, "label">, string, boolean][] = [
  ["queue", `${BASE}`, false],
  ["bookings", `${BASE}/bookings`, false],
];

/** Pages register their menu entries here, so the layout names no page. */
export function addMenuEntry(key: Exclude<NavKey, "label">, path: string, adminOnly = false): void {
  if (!menu.some(([k]) => k === key)) menu.push([key, path, adminOnly]);
}

export function Layout(props: { ctx: PageContext; title: string; active?: NavKey; live?: string; liveWords?: ConsoleWords["live"]; children?: Child }) {
  const { ctx } = props;
  const { w, staff } = ctx;
  const langHref = `${BASE}/lang/${w.otherLang.code}?next=${encodeURIComponent(ctx.here)}`;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{`${props.title} | ${w.product}`}</title>
        <link rel="stylesheet" href={`${BASE}/assets/console.css`} />
        <script src={`${BASE}/assets/console.js`} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {w.skip}
        </a>
        <header class="top">
          <span class="product">{w.product}</span>
          {staff ? <span class="who">{w.signedInAs(staff.email)}</span> : null}
          <a class="lang" href={langHref} hreflang={w.otherLang.code} lang={w.otherLang.code}>
            {w.otherLang.label}
          </a>
          {staff ? (
            <form method="post" action={`${BASE}/logout`} class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit">{w.signOut}</button>
            </form>
          ) : null}
        </header>
        {staff ? (
          <nav aria-label={w.nav.label} class="menu">
            <ul>
              {menu
                .filter(([, , adminOnly]) => !adminOnly || staff.role === "admin")
                .map(([key, path]) => (
                  <li>
                    <a href={path} aria-current={props.active === key ? "page" : undefined}>
                      {w.nav[key]}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" data-live={props.live} data-live-words={props.live ? JSON.stringify(props.liveWords ?? w.live) : undefined}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export function CsrfField(props: { ctx: PageContext }) {
  return props.ctx.csrf ? <input type="hidden" name={CSRF_FIELD} value={props.ctx.csrf} /> : null;
}

/** A message at the top of a page: role=status for good news, role=alert for a problem. */
export function Notice(props: { kind: "ok" | "error"; children?: Child }) {
  return (
    <p class={`notice ${props.kind}`} role={props.kind === "ok" ? "status" : "alert"}>
      {props.children}
    </p>
  );
}

/** A field's error, tied to the field by id for screen readers. */
export function FieldError(props: { id: string; message?: string }) {
  return props.message ? (
    <p class="field-error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}

export function slotText(locale: Locale, startsAt: Date, endsAt: Date): string {
  return wordsFor(locale).formats.slot(startsAt, endsAt);
}

/** 12月3日(木) 14:05 */
export function instantText(locale: Locale, at: Date): string {
  return wordsFor(locale).formats.instant(at);
}

/** 12月3日(木) */
export function dateText(locale: Locale, date: string): string {
  return wordsFor(locale).formats.date(date);
}

export function officeName(config: Pick<Config, "offices">, locale: Locale, officeId: string): string {
  return config.offices.find((o) => o.id === officeId)?.name[locale] ?? officeId;
}

export function counsellorName(office: Office | undefined, locale: Locale, counsellorId: string): string {
  return office?.counsellors.find((c) => c.id === counsellorId)?.name[locale] ?? counsellorId;
}

/** The offices a member of staff may see: their own, or every one for an admin. */
export function visibleOffices(config: Pick<Config, "offices">, staff: ConsoleStaff): Office[] {
  return staff.role === "admin" ? [...config.offices] : config.offices.filter((o) => o.id === staff.officeId);
}

/** A posted form's text field, trimmed; anything else (missing, a file) is empty. */
export function formField(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value.trim() : "";
}

export function page(body: Child): string {
  return `<!doctype html>${String(body)}`;
}
