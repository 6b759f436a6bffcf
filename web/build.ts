import { readFile } from "node:fs/promises";
import type { Locale } from "../src/i18n/locales.ts";
import { asset, fromProductionBuild, fromRoot } from "../src/paths.ts";

export interface WidgetOffice {
  id: string;
  name: Record<Locale, string>;
  phone: string | null;
}

const entry = fromRoot("web", "widget", "main.ts");
/** The prebuilt widget's file name in dist/ (npm run build). */
export const WIDGET_FILE = "widget.js";
// Left in the bundle as a global name (minifiers keep those), then replaced by the offices' table.
const OFFICES_MARK = "__SOUDAN_OFFICES__";

/** One browser script from one entry, minified for the browsers offices use (esbuild: a dev dependency). */
async function bundleScript(entryPoint: string, define: Record<string, string> = {}): Promise<string> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
    define,
  });
  return result.outputFiles[0]!.text;
}

/** The widget bundled from web/widget with a mark where the offices' table goes. */
export function bundleWidget(): Promise<string> {
  return bundleScript(entry, { __OFFICES__: OFFICES_MARK });
}

/** Puts the offices' names and phones into a bundled widget. */
export function withOffices(bundle: string, offices: readonly WidgetOffice[]): string {
  const table = Object.fromEntries(offices.map((o) => [o.id, { ...o.name, phone: o.phone }]));
  return bundle.replaceAll(OFFICES_MARK, `(${JSON.stringify(table)})`);
}

/**
 * The one script a site embeds. The offices' names and phones go in when it is served, so the panel
 * can still show a phone number when the server cannot be reached. The production build serves the
 * bundle made by `npm run build`; a checkout bundles web/widget now.
 */
export async function buildWidget(offices: readonly WidgetOffice[] = []): Promise<string> {
  const bundle = fromProductionBuild ? await readFile(asset(WIDGET_FILE), "utf8") : await bundleWidget();
  return withOffices(bundle, offices);
}

/** The prebuilt console script's file name in dist/ (npm run build). */
export const CONSOLE_SCRIPT_FILE = "console.js";

/** Bundles the staff console's one script: live updates and notices over server-rendered pages. */
export function bundleConsoleScript(): Promise<string> {
  return bundleScript(fromRoot("src", "console", "client", "main.ts"));
}

/** The console script: prebuilt in the production build, bundled now in a checkout. */
export async function buildConsoleScript(): Promise<string> {
  return fromProductionBuild ? readFile(asset(CONSOLE_SCRIPT_FILE), "utf8") : bundleConsoleScript();
}
