// Clock hours: meridiem words, and the office-hours reading of a bare 1–6 o'clock.
import type { ParsingContext } from "chrono-node";
import { type Components, setTime } from "./components.ts";
import { setTag } from "./tags.ts";

export type Meridiem = "am" | "pm" | "noon" | undefined;

export function meridiemOf(word: string | undefined): Meridiem {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/\./g, "");
  if (w === "午前" || w === "朝" || w === "am" || w === "午前中") return "am";
  if (w === "昼" || w === "お昼" || w === "正午") return "noon";
  return "pm";
}

/** Clock hour with a meridiem word; bare 1–6 o'clock is read as the afternoon and flagged. */
export function clockHour(hour: number, meridiem: Meridiem): { hour: number; ambiguous: boolean } | null {
  if (hour > 24) return null;
  if (meridiem === "am") return hour <= 12 ? { hour: hour === 12 ? 12 : hour, ambiguous: false } : hour < 24 ? { hour, ambiguous: false } : null;
  if (meridiem === "pm") return hour < 12 ? { hour: hour + 12, ambiguous: false } : hour < 24 ? { hour, ambiguous: false } : null;
  if (meridiem === "noon") return hour >= 1 && hour <= 6 ? { hour: hour + 12, ambiguous: false } : hour < 24 ? { hour, ambiguous: false } : null;
  if (hour === 24) return null;
  if (hour >= 1 && hour <= 6) return { hour: hour + 12, ambiguous: true };
  return { hour, ambiguous: false };
}

/** 以降, 過ぎ, より後: from then on; まで, より前: until then. */
export function openOf(tail: string | undefined): "after" | "before" | undefined {
  if (!tail) return undefined;
  if (/以降|以後|より後|過ぎ|すぎ/.test(tail)) return "after";
  if (/まで|より前/.test(tail)) return "before";
  return undefined;
}

/** A clock time; with 以降/まで after it, an open range from or until it. */
export function timeComponents(context: ParsingContext, hour: number, minute: number, ambiguous: boolean, tail: string | undefined): Components {
  const c = setTime(context.createParsingComponents(), hour, minute);
  const open = openOf(tail);
  if (open) setTag(c, "open", open);
  if (ambiguous) setTag(c, "ambiguousHour", true);
  return c;
}
