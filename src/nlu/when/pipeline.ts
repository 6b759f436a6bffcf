// parseWhen's pipeline: normalize → mask → parse → refine → choose (and guard) → rank.
import * as chrono from "chrono-node";
import { JST_OFFSET_MINUTES, jstDate } from "../../jst.ts";
import { normalizeForParsing } from "../normalize.ts";
import { choose } from "./choose.ts";
import type { Result } from "./components.ts";
import { enParsers, enRefiners } from "./en/index.ts";
import { jaParsers, jaRefiners } from "./ja/index.ts";
import { blankListNumbers, mask } from "./mask.ts";
import { rank } from "./rank.ts";
import { toReading } from "./reading.ts";
import { guardImpliedDates, recordMatches } from "./safety.ts";
import type { WhenReading } from "./types.ts";

// chrono silently ignores a zone name such as 'Asia/Tokyo': the offset must be given in minutes.
const JST = JST_OFFSET_MINUTES;

/** Every parser match of the current parse (parseWhen is synchronous, so one list serves). */
const matched: Array<[number, number]> = [];
const ja = new chrono.Chrono({ parsers: jaParsers, refiners: [recordMatches(matched), ...jaRefiners] });
const en = new chrono.Chrono({ parsers: enParsers, refiners: [recordMatches(matched), ...enRefiners] });

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** English words other than a bare am/pm. */
const ENGLISH_WORD = /(?<![a-z])(?!(?:am|pm)(?![a-z]))[a-z]{2,}/i;

/** Dates and times a seeker wished for in `text`, best first; [] when there are none. */
export function parseWhen(text: string, options: { now: Date }): WhenReading[] {
  const normalized = normalizeForParsing(blankListNumbers(text));
  const masked = mask(normalized.text);
  const today = jstDate(options.now);
  const reference = { instant: options.now, timezone: JST };
  const locale = !JAPANESE.test(masked) && ENGLISH_WORD.test(masked) ? en : ja;
  // parse and refine: chrono's parse() runs the parsers, then the refiners, and is typed with the
  // read-only interfaces; the objects are its ParsingResults
  const results = locale.parse(masked, reference) as Result[];
  const chosen = choose(results, masked);
  if (!chosen) return [];
  guardImpliedDates(chosen, masked, matched);
  return rank(chosen.map((r) => toReading(r, today, normalized.map)));
}
