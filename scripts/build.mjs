// `npm run build`: everything the production processes need, in dist/, so that a deployment is
// dist/ plus package.json and package-lock.json, installed with `npm ci --omit=dev`:
//   dist/<process>.mjs   each process bundled (packages stay in node_modules), with a source map
//   dist/widget.js       the chat widget, bundled here because esbuild is a development dependency
//   dist/console.js, dist/src/console/console.css   the staff console's script and styles
//   dist/web/start.html  the start page
//   dist/drizzle/        the migrations, applied at start
//   dist/assets/line/rich-menu.png   the image `npm run line:setup:prod` uploads
// Run it again after every change; `npm start` does not need it.
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { bundleOptions, entries } from "./entries.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const started = performance.now();

// Built aside and swapped in, so a half-finished build never replaces a working one.
const next = join(root, "dist.next");
rmSync(next, { recursive: true, force: true });
mkdirSync(next, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(entries)),
  outdir: next,
  outExtension: { ".js": ".mjs" },
  ...bundleOptions,
  sourcemap: "linked",
});

// web/build.ts is TypeScript, which Node 20 cannot import: bundle it first, then run it.
const builder = join(next, "widget-builder.mjs");
await build({ absWorkingDir: root, entryPoints: ["web/build.ts"], outfile: builder, ...bundleOptions });
const { bundleWidget, WIDGET_FILE, bundleConsoleScript, CONSOLE_SCRIPT_FILE } = await import(pathToFileURL(builder).href);
rmSync(builder);
writeFileSync(join(next, WIDGET_FILE), await bundleWidget());
writeFileSync(join(next, CONSOLE_SCRIPT_FILE), await bundleConsoleScript());

cpSync(join(root, "web", "start.html"), join(next, "web", "start.html"));
cpSync(join(root, "src", "console", "console.css"), join(next, "src", "console", "console.css"));
cpSync(join(root, "drizzle"), join(next, "drizzle"), { recursive: true });
cpSync(join(root, "assets", "line", "rich-menu.png"), join(next, "assets", "line", "rich-menu.png"));

rmSync(dist, { recursive: true, force: true });
renameSync(next, dist);
console.log(`built dist/ (${Object.keys(entries).join(", ")}, widget, console, start page, migrations, rich menu image) in ${Math.round(performance.now() - started)} ms`);
