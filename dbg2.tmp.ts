import * as chrono from "chrono-node";
import { parseWhen } from "./src/nlu/when/index.ts";
const now = new Date("2026-11-24T10:00:00+09:00");
for (const t of process.argv.slice(2)) {
  const r = chrono.en.casual.parse(t, { instant: now, timezone: 540 });
  console.log(t, "| chrono:", r.map((x) => `${x.text}→${x.start.date().toISOString()}${x.end ? "~" + x.end.date().toISOString() : ""}`).join(" ; "), "| ours:", JSON.stringify(parseWhen(t, { now })));
}
