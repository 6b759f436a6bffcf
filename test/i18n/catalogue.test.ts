import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { catalogues, isStaffLocale, locales, staffCatalogues } from "../../src/i18n/index.ts";

const root = join(import.meta.dirname, "..", "..");
// Kana, kanji, Japanese punctuation and full-width forms (～ ： （ ）).
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/u;
// Where Japanese belongs: the catalogues, and the understanding of what people write.
const allowed = ["src/i18n/", "src/nlu/"];

const textKinds = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

/** Japanese in the code's strings, templates, regexes and JSX text; comments are for developers and may quote Japanese terms. */
function japaneseOutsideComments(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (textKinds.has(node.kind) && JAPANESE.test(node.getText(source))) found.push(node.getText(source).slice(0, 60));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every leaf's path in a catalogue: strings, lists and functions, so two locales can be compared. */
function leaves(value: unknown, path = ""): { path: string; value: unknown }[] {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
  }
  return [{ path, value }];
}

describe("the catalogue", () => {
  it("has no Japanese text in src/ or the widget outside the catalogues and the text understanding", () => {
    const files = [...sourceFiles(join(root, "src")), ...sourceFiles(join(root, "web", "widget"))];
    const offending = files
      .map((file) => relative(root, file))
      .filter((file) => !allowed.some((place) => file.startsWith(place)))
      .map((file) => ({ file, japanese: japaneseOutsideComments(join(root, file)) }))
      .filter((hit) => hit.japanese.length > 0);
    expect(offending).toEqual([]);
  });

  it("gives every seeker locale the Japanese seeker keys, every staff locale all the Japanese keys, and no empty string", () => {
    const staffOnly = /^(app|staff|cli|mail\.staffNotice|notices\.staffLine)(\.|$)/;
    const whole = leaves(staffCatalogues.ja).map((leaf) => leaf.path);
    const seekerModel = whole.filter((path) => !staffOnly.test(path));
    for (const locale of locales) {
      const own = leaves(isStaffLocale(locale) ? staffCatalogues[locale] : catalogues[locale]);
      expect(own.map((leaf) => leaf.path), locale).toEqual(isStaffLocale(locale) ? whole : seekerModel);
      // A blank line inside a list of lines is a paragraph break, not a missing string.
      const empty = own.filter((leaf) => leaf.value === "" || (Array.isArray(leaf.value) && leaf.value.length === 0));
      expect(empty.map((leaf) => leaf.path), locale).toEqual([]);
    }
  });

  it("writes English with its own punctuation: no full-width colon, brackets, wave dash or middle dot", () => {
    const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
    const dir = join(root, "src", "i18n", "en");
    const offending = sourceFiles(dir)
      .flatMap((file) => japaneseOutsideComments(file).map((text) => `${relative(root, file)}: ${text}`))
      .filter((hit) => FULL_WIDTH_PUNCTUATION.test(hit));
    expect(offending).toEqual([]);
    const f = catalogues.en.formats;
    expect([f.row("Office", "Hello Work Nagasaki"), f.timeRange("10:00", "16:00"), f.aside("Counsellor A", "Hello Work Nagasaki")]).toEqual([
      "Office: Hello Work Nagasaki",
      "10:00–16:00",
      "Counsellor A (Hello Work Nagasaki)",
    ]);
  });
});

