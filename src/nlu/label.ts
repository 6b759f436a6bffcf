// A button's label as a person types it instead of tapping: the kanji without their reading, spaces
// (やさしい日本語 writes them between phrases, a person may leave them out) and end marks not counted.
import { withoutRuby } from "../i18n/ruby.ts";

export function labelKey(text: string): string {
  return withoutRuby(text).normalize("NFKC").replace(/[\s。.!！?？]+/g, "").toLowerCase();
}
