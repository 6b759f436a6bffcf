// 「12月8日は面接なので、その次の日の午後」, 「その日の午後」: a day named only by pointing at another
// is not read; whatever was read beside it is asked back. (その次の日の7日 names its day: no doubt.)
import { hasDate, refiner } from "../../components.ts";
import { setTag } from "../../tags.ts";

const POINTED_DAY = /(?:その\s*次の|次の|その\s*前の|前の)\s*日(?!\s*(?:の\s*)?\d{1,2}\s*日)|その\s*(?:翌日|前日)(?!\s*(?:の\s*)?\d{1,2}\s*日)|翌々日/;

/** その日 is the date already said (…10時で問題なければ、その日で); with none said, it points outside. */
const THAT_DAY = /その\s*日(?!\s*(?:の\s*)?\d{1,2}\s*日)/;

export const flagDayAnaphora = refiner((context, results) => {
  const pointed = POINTED_DAY.test(context.text) || (THAT_DAY.test(context.text) && !results.some((r) => hasDate(r.start)));
  if (pointed) for (const r of results) setTag(r.start, "confirm", "ambiguous_date");
  return results;
});
