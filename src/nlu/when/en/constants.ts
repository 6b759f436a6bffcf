// English word tables.

export const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

/** Parts of a month: the Japanese word (MONTH_PARTS) each one means. Longest first. */
export const EN_MONTH_PARTS: Record<string, string> = {
  "the beginning of": "初め",
  "beginning of": "初め",
  "the start of": "初め",
  "start of": "初め",
  "the middle of": "中旬",
  "middle of": "中旬",
  "the end of": "末",
  "end of": "末",
  early: "上旬",
  mid: "中旬",
  late: "下旬",
};

/** Parts of the day as office-hour windows, "HH:mm-HH:mm". */
export const EN_PARTS_OF_DAY: Record<string, string> = {
  morning: "10:00-12:00",
  afternoon: "13:00-17:00",
  "early afternoon": "13:00-14:00",
  "late afternoon": "16:00-17:00",
  evening: "16:00-17:00",
  lunchtime: "12:00-13:00",
};

/** After a date: it is refused. */
export const EN_NOT_THAT_DAY = /^\s*(?:is|are|'s)?\s*(?:not|no good|bad|impossible|doesn't|does not|won't|isn't)/i;
/** Before a date: it is refused, or it happened. */
export const EN_NOT_A_WISH_BEFORE = /\b(?:not|except|but not|can't do|cannot do|quit|left|resigned|born|was|had|last)\s*(?:on\s*)?$/i;
/** After a slash number: it counts something ("3/10 of the applicants", "7/10 points"). */
export const EN_FRACTION_FOLLOWS = /^\s*(?:of\s+(?:the|them|us|all|people|applicants|students|candidates)\b|out of\b|points?\b|questions?\b|correct\b|marks?\b|people\b|%)/i;
/** After a slash number: what only a date has, so a rate word before it does not make it a fraction. */
export const EN_DATE_EVIDENCE_FOLLOWS = /^\s*(?:\(|at\s+(?:\d|noon|around|about)|\d{1,2}\s*(?:[:.]\d{2}|am|pm|a\.m|p\.m)|(?:mon|tue|wed|thu|fri|sat|sun)|in the (?:morning|afternoon)|morning|afternoon|from\b|until\b|or\b|works|is (?:fine|good|ok))/i;
