// 「その日の午後」: その日 is the date already said (…10時で問題なければ、その日で); with none said, it
// points outside the text, and whatever was read beside it is asked back. (Days counted from an earlier
// date, その次の日 or その翌週, are anchorRelatives'.)
import { hasDate, refiner } from "../../components.ts";
import { setTag } from "../../tags.ts";

const THAT_DAY = /その\s*日(?!\s*(?:の\s*)?\d{1,2}\s*日)/;

export const flagDayAnaphora = refiner((context, results) => {
  if (THAT_DAY.test(context.text) && !results.some((r) => hasDate(r.start))) for (const r of results) setTag(r.start, "confirm", "ambiguous_date");
  return results;
});
