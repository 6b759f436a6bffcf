import { join } from "node:path";
import { fileURLToPath } from "node:url";

// This file sits one folder below the project root, and so does the server bundle that
// scripts/start.mjs writes to .cache/: the same relative step finds the root from either.
const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** A path inside the project (migrations, the widget's source, the start page). */
export function fromRoot(...parts: string[]): string {
  return join(projectRoot, ...parts);
}
