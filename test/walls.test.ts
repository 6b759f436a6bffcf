// The walls of docs/architecture.md, checked on the import statements of src/: a crossing fails
// here with the file and the import that crossed.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const src = resolve(import.meta.dirname, "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Static imports and re-exports (type-only ones included: a type is a dependency too) and dynamic import().
const importPattern = /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/** Every file of src/ with the src/ paths it imports ('store/db.ts', 'messages.ts'); packages are left out. */
const imports = sourceFiles(src).map((file) => {
  const text = readFileSync(file, "utf8");
  const targets = [...text.matchAll(importPattern)]
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => relative(src, resolve(dirname(file), specifier)));
  return { file: relative(src, file), targets };
});

const area = (path: string) => path.split("/")[0]!;

/** Which areas of src/ an area may not import. */
const walls: { from: string; mayNotImport: string[]; why: string }[] = [
  { from: "store", mayNotImport: ["flows", "bot", "notify", "http", "console"], why: "the store is below every other layer" },
  { from: "schedule", mayNotImport: ["store", "notify", "http", "bot", "console", "flows"], why: "the booking rules are pure" },
  { from: "nlu", mayNotImport: ["store", "notify", "http", "bot", "console", "flows"], why: "understanding text is pure" },
  { from: "flows", mayNotImport: ["bot", "http", "console"], why: "flows speak channel-neutral messages" },
  { from: "bot", mayNotImport: ["notify"], why: "what the LINE adapter and the outbox share (client, rendering, the push job) sits in line/" },
  { from: "notify", mayNotImport: ["bot"], why: "the outbox sends through line/, never through the channel adapters" },
  { from: "line", mayNotImport: ["bot", "notify", "flows", "http", "console"], why: "speaking to LINE's API is a leaf both the adapter and the outbox build on" },
];

function crossings(wall: (typeof walls)[number]): string[] {
  return imports
    .filter(({ file }) => area(file) === wall.from)
    .flatMap(({ file, targets }) => targets.filter((target) => wall.mayNotImport.includes(area(target))).map((target) => `${file} imports ${target}`));
}

describe("the walls between the parts of src/", () => {
  it("reads the imports of every source file", () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.find((i) => i.file === "store/conversations.ts")?.targets).toContain("messages.ts");
    // An import spread over several lines.
    expect(imports.find((i) => i.file === "http/staff/calendarActions.ts")?.targets).toContain("store/calendar.ts");
    expect(imports.find((i) => i.file === "bot/line/processor.ts")?.targets).toContain("line/push.ts");
  });

  it.each(walls.map((wall) => ({ ...wall, areas: wall.mayNotImport.join(", ") })))("$from does not import $areas: $why", (wall) => {
    expect(crossings(wall)).toEqual([]);
  });
});
