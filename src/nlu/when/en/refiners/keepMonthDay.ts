// chrono.en reads "Dec 8 in the afternoon" as "8 in the afternoon", losing the month: a time that
// starts right after a month name is dropped, so that the month and day survive.
import { refiner } from "../../components.ts";

const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;

export const enKeepMonthDay = refiner((context, results) =>
  results.filter((r) => !(/^\d{1,2}(?:st|nd|rd|th)?\s+in\b/i.test(r.text) && MONTH_BEFORE.test(context.text.slice(Math.max(0, r.index - 12), r.index)) && !r.start.isCertain("day"))),
);
