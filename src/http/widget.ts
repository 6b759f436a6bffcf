import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { buildWidget } from "../../web/build.ts";
import type { Config } from "../config.ts";
import { catalogues } from "../i18n/index.ts";
import { asset } from "../paths.ts";
import type { AppDeps } from "./app.ts";

const startTemplate = readFileSync(asset("web", "start.html"), "utf8");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The start page: a plain office-like page carrying the one script tag, to try the widget at once. */
export function startPage(config: Config): string {
  const { timeRange } = catalogues.ja.formats;
  const rows = config.offices
    .map((o) => `<tr><td>${escapeHtml(o.name.ja)}</td><td>${timeRange(o.window.from, o.window.to)}</td><td>${escapeHtml(o.phone ?? "―")}</td></tr>`)
    .join("\n");
  return startTemplate.replace("<!--offices-->", rows);
}

const sha256 = (text: string, encoding: "base64" | "base64url") => createHash("sha256").update(text).digest(encoding);

/** Serves /widget.js (built from web/widget on first request, then from memory) and the start page at /. */
export function widgetRoutes(deps: AppDeps) {
  let bundle: Promise<{ body: string; etag: string }> | undefined;
  const widget = () =>
    (bundle ??= buildWidget(deps.config.offices)
      .then((body) => ({ body, etag: `"${sha256(body, "base64url").slice(0, 27)}"` }))
      .catch((error: unknown) => {
        bundle = undefined;
        throw error;
      }));

  const page = startPage(deps.config);
  const styleHash = sha256(/<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? "", "base64");
  // Strict: our script from our origin, the page's one inline style by hash; the widget's styles are a
  // constructed stylesheet, which style-src does not need to allow.
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'sha256-${styleHash}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

  return new Hono()
    .get("/widget.js", async (c) => {
      const { body, etag } = await widget();
      // Not fingerprinted (site owners paste one fixed URL), so cache briefly and revalidate by ETag.
      // Office sites on other hosts load this script: it must be readable cross-origin.
      const headers = { etag, "cache-control": "public, max-age=300, stale-while-revalidate=86400", "cross-origin-resource-policy": "cross-origin" };
      if (c.req.header("if-none-match")?.split(/\s*,\s*/).includes(etag)) return c.body(null, 304, headers);
      return c.body(body, 200, { ...headers, "content-type": "application/javascript; charset=utf-8" });
    })
    .get("/", (c) => c.html(page, 200, { "content-security-policy": csp, "cache-control": "no-cache" }));
}
