// `npm start` (and `npm run line-worker`, which passes `line-worker`): bundles the process's own
// TypeScript into one file with esbuild (packages stay in node_modules) and runs it. Loading one
// bundle starts the process much faster than transpiling every file on the fly, and there is still
// no build step to remember. The bundle is rebuilt only when one of the files it was made from has
// changed since.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleOptions, entries } from "./entries.mjs";

const name = process.argv[2] ?? "server";
if (!(name in entries)) {
  console.error(`scripts/start.mjs: unknown process "${name}" (expected one of: ${Object.keys(entries).join(", ")})`);
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
// One folder below the root, like src/paths.ts, so the bundle finds the project's files.
const cache = join(root, ".cache");
const outfile = join(cache, `${name}.mjs`);
const inputsFile = join(cache, `${name}.inputs.json`);

function upToDate() {
  if (!existsSync(outfile) || !existsSync(inputsFile)) return false;
  const built = statSync(outfile).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  return inputs.every((path) => existsSync(join(root, path)) && statSync(join(root, path)).mtimeMs < built);
}

if (!upToDate()) {
  const { build } = await import("esbuild");
  mkdirSync(cache, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entries[name]],
    outfile,
    ...bundleOptions,
    sourcemap: "inline",
    metafile: true,
    write: false,
  });
  // Written aside and renamed, so a second start at the same moment never reads half a file.
  const temp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temp, result.outputFiles[0].contents);
  writeFileSync(inputsFile, JSON.stringify([...Object.keys(result.metafile.inputs), "package-lock.json"]));
  renameSync(temp, outfile);
}
process.setSourceMapsEnabled(true);
// The command's own arguments follow its name; it reads them from argv[2] on, as from dist/.
if (process.argv.length > 2) process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
