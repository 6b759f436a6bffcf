// Doubts the bot should raise: a date already past, a date a year away.
import { daysBetween } from "../../../jst.ts";
import { todayOf } from "../calendar.ts";
import { dateOf, hasDate, refiner } from "../components.ts";
import { hasTag, setTag } from "../tags.ts";

/** A date without a year further than this is more likely a slip than a wish. */
const IMPLIED_YEAR_MAX_DAYS = 240;
const MAX_DAYS = 400;

export const flagDoubts = refiner((context, results) => {
  const today = todayOf(context);
  for (const r of results) {
    if (!hasDate(r.start)) continue;
    const date = dateOf(r.start);
    if (date < today) setTag(r.start, "confirm", "past_date");
    else if (hasTag(r.start, "impliedYear") && daysBetween(today, date) > IMPLIED_YEAR_MAX_DAYS) setTag(r.start, "confirm", "far_future");
    else if (daysBetween(today, date) > MAX_DAYS) setTag(r.start, "confirm", "far_future");
  }
  return results;
});
