import { build } from "esbuild";
import { fromRoot } from "../src/paths.ts";

export interface WidgetOffice {
  id: string;
  name: { ja: string; en: string };
  phone: string | null;
}

const entry = fromRoot("web", "widget", "main.ts");

/**
 * Bundles web/widget into the one script a site embeds. The offices' names and phones go in at build
 * time, so the panel can still show a phone number when the server cannot be reached.
 */
export async function buildWidget(offices: readonly WidgetOffice[] = []): Promise<string> {
  const table = Object.fromEntries(offices.map((o) => [o.id, { ja: o.name.ja, en: o.name.en, phone: o.phone }]));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
    define: { __OFFICES__: JSON.stringify(table) },
  });
  return result.outputFiles[0]!.text;
}
