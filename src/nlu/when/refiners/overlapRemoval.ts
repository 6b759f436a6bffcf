// Remove results that overlap a longer one (chrono's own rule, kept from the clone).
import { refiner, type Result } from "../components.ts";

export const overlapRemoval = refiner((_context, results) => {
  const kept: Result[] = [];
  for (const r of results) {
    const prev = kept[kept.length - 1];
    if (prev && r.index < prev.index + prev.text.length) {
      if (r.text.length > prev.text.length) kept[kept.length - 1] = r;
      continue;
    }
    kept.push(r);
  }
  return kept;
});
