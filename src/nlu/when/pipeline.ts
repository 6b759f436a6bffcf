// parseWhen's pipeline: normalize → mask → parse → refine → choose (and guard) → rank.
import * as chrono from "chrono-node";
import { JST_OFFSET_MINUTES, jstDate } from "../../jst.ts";
import { normalizeForParsing } from "../normalize.ts";
import { choose } from "./choose.ts";
import type { Result } from "./components.ts";
import { enParsers, enRefiners } from "./en/index.ts";
import { jaParsers, jaRefiners } from "./ja/index.ts";
import { viParsers, viRefiners } from "./vi/index.ts";
import { zhParsers, zhRefiners } from "./zh/index.ts";
import { simplifyDateWords } from "./zh/variants.ts";
import { blankListNumbers, mask } from "./mask.ts";
import { rank } from "./rank.ts";
import { toReading } from "./reading.ts";
import { guardImpliedDates, guardUnreadParts, recordMatches } from "./safety.ts";
import type { WhenReading } from "./types.ts";

// chrono silently ignores a zone name such as 'Asia/Tokyo': the offset must be given in minutes.
const JST = JST_OFFSET_MINUTES;

/** Every parser match of the current parse (parseWhen is synchronous, so one list serves). */
const matched: Array<[number, number]> = [];
const ja = new chrono.Chrono({ parsers: jaParsers, refiners: [recordMatches(matched), ...jaRefiners] });
const en = new chrono.Chrono({ parsers: enParsers, refiners: [recordMatches(matched), ...enRefiners] });
const zh = new chrono.Chrono({ parsers: zhParsers, refiners: [recordMatches(matched), ...zhRefiners] });
const vi = new chrono.Chrono({ parsers: viParsers, refiners: [recordMatches(matched), ...viRefiners] });

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const KANA = /[\u3040-\u30ff]/;
/** Words only Chinese writes (Japanese has 午後, 時, 曜, 来週 for them). */
const CHINESE = /下午|上午|中午|晚上|早上|[\d一二两三四五六七八九十]\s*点|\d\s*号|周[一二三四五六日天]|星期|礼拜|明天|后天|今天|下周|这周|本周|下个|这个/;
/** Letters only Vietnamese writes, or its date words without their marks. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]|\b(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|tuan (?:sau|toi|nay)|ngay mai|hom nay|\d{1,2} ?gio|buoi (?:sang|chieu)|chieu|thang \d{1,2})\b|(?<![a-z])(?:lúc|luc)\s+\d/i;

/** The language a reply is read in: its script first, then the conversation's language (3/12 is 3 December in Vietnamese). */
function localeOf(masked: string, hint: string | undefined): chrono.Chrono {
  if (KANA.test(masked)) return ja;
  if (JAPANESE.test(masked)) return hint === "zh-Hans" || CHINESE.test(masked) ? zh : ja;
  if (hint === "vi" || VIETNAMESE.test(masked)) return vi;
  if (hint === "zh-Hans" && !ENGLISH_WORD.test(masked)) return zh;
  return ENGLISH_WORD.test(masked) ? en : ja;
}
/** English words other than a bare am/pm. */
const ENGLISH_WORD = /(?<![a-z])(?!(?:am|pm)(?![a-z]))[a-z]{2,}/i;

/**
 * Dates and times a seeker wished for in `text`, best first; [] when there are none. `locale` is the
 * conversation's language: it decides what the script alone cannot (3/12 in Vietnamese is 3 December).
 */
export function parseWhen(text: string, options: { now: Date; locale?: string }): WhenReading[] {
  const normalized = normalizeForParsing(blankListNumbers(text));
  const today = jstDate(options.now);
  const reference = { instant: options.now, timezone: JST };
  const locale = localeOf(mask(normalized.text, false), options.locale);
  const masked = locale === zh ? simplifyDateWords(mask(normalized.text, false)) : mask(normalized.text, locale === ja || locale === en);
  // parse and refine: chrono's parse() runs the parsers, then the refiners, and is typed with the
  // read-only interfaces; the objects are its ParsingResults
  const results = locale.parse(masked, reference) as Result[];
  const chosen = choose(results, masked);
  if (!chosen) return [];
  guardImpliedDates(chosen, masked, matched);
  if (options.locale === "vi" || options.locale === "zh-Hans" || locale === vi || locale === zh) guardUnreadParts(chosen, masked, matched);
  return rank(chosen.map((r) => toReading(r, today, normalized.map)));
}
