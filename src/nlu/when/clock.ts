// Clock hours: meridiem words, and the office-hours reading of a bare 1–6 o'clock.
import type { ParsingContext } from "chrono-node";
import { pad } from "./calendar.ts";
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

/** A clock time, or with 以降/まで after it a window to/from the end/start of office hours. */
export function timeComponents(context: ParsingContext, hour: number, minute: number, ambiguous: boolean, tail: string | undefined): Components {
  const c = context.createParsingComponents();
  const time = `${pad(hour)}:${pad(minute)}`;
  if (tail && /以降|以後|より後|過ぎ|すぎ/.test(tail)) {
    setTag(c, "pod", `${time}-17:00`);
  } else if (tail && /まで|より前/.test(tail)) {
    setTag(c, "pod", `10:00-${time}`);
  } else {
    setTime(c, hour, minute);
  }
  if (ambiguous) setTag(c, "ambiguousHour", true);
  return c;
}
