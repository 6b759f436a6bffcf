import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// This file sits one folder below the project root, and so do the bundles: .cache/ (npm start) and
// dist/ (npm run build). The same relative step finds the root from any of them.
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, "..");

/**
 * Whether this code runs from the production build. dist/ carries its own copies of the migrations,
 * the start page and the prebuilt widget, so dist/ and the package files are all a deployment needs.
 */
export const fromProductionBuild = basename(here) === "dist";

/** A path inside the project (the widget's source, the start page, the migrations). */
export function fromRoot(...parts: string[]): string {
  return join(projectRoot, ...parts);
}

/** A file the running process reads: from dist/ in the production build, from the checkout otherwise. */
export function asset(...parts: string[]): string {
  return fromProductionBuild ? join(here, ...parts) : join(projectRoot, ...parts);
}
