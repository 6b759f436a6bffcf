// chrono.en reads "at 3" or "2:30" as the small hours; a bare 1–6 o'clock is the afternoon, flagged so
// the bot confirms (as in Japanese).
import { refiner } from "../../components.ts";
import { setTag } from "../../tags.ts";

export const enBusinessHour = refiner((_context, results) => {
  for (const r of results) {
    if (r.start.isCertain("hour") && !r.start.isCertain("meridiem")) {
      const h = r.start.get("hour")!;
      if (h >= 1 && h <= 6) {
        r.start.assign("hour", h + 12);
        setTag(r.start, "ambiguousHour", true);
      }
    }
  }
  return results;
});
