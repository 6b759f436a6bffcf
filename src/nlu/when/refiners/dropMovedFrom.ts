// 「12月3日14時から12月4日10時に変更」: the first is the booking being moved, not the wish.
import { between, hasDate, refiner } from "../components.ts";

export const dropMovedFrom = refiner((context, results) =>
  results.filter((r, i) => {
    const next = results[i + 1];
    if (!next || !hasDate(r.start) || !hasDate(next.start)) return true;
    if (!/^\s*(?:から|より)\s*$/.test(between(context, r, next))) return true;
    return !/^\s*(?:に|へ)\s*(?:変更|変え|ずらし|移し|振り替え)/.test(context.text.slice(next.index + next.text.length));
  }),
);
