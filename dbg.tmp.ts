import { mask } from "./src/nlu/when/mask.ts";
import { normalizeForParsing } from "./src/nlu/normalize.ts";
for (const t of process.argv.slice(2)) { const n = normalizeForParsing(t).text; console.log(JSON.stringify(n), JSON.stringify(mask(n))); }
