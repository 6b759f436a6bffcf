import { z } from "zod";
import { isValidDate, parseDateString } from "../jst.ts";

/** A date field of a console form or query: YYYY-MM-DD, and a day the calendar has. */
export const realDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const { year, month, day } = parseDateString(d);
    return isValidDate(year, month, day);
  });
