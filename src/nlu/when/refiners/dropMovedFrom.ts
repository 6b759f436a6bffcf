// 「12月3日14時から12月4日10時に変更」, 「12月3日の予約を12月10日に変更」: the first is the booking
// being moved, not the wish.
import { between, hasDate, refiner } from "../components.ts";
import { MOVE_FOLLOWS } from "./connectors.ts";

const MOVED_FROM_BETWEEN = /^\s*(?:の\s*(?:予約|相談|面談|日程|枠)\s*)?(?:から|より|を)\s*$/;

export const dropMovedFrom = refiner((context, results) =>
  results.filter((r, i) => {
    const next = results[i + 1];
    if (!next || !hasDate(r.start) || !hasDate(next.start)) return true;
    if (!MOVED_FROM_BETWEEN.test(between(context, r, next))) return true;
    return !MOVE_FOLLOWS.test(context.text.slice(next.index + next.text.length));
  }),
);
