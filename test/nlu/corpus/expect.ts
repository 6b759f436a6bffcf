// How the corpora write what a reply should be read as: a day, a time, a part of the day, a span, an
// open range, a vague stretch of days or an hour that could be morning or afternoon.
import type { WhenExpectation } from "./when.ts";

export const on = (date: string, time?: string): WhenExpectation => (time ? { date, time } : { date });
export const pod = (date: string, from: string, to: string): WhenExpectation => ({ date, partOfDay: { from, to } });
export const span = (date: string, time: string, endTime: string): WhenExpectation => ({ date, time, end: { date, time: endTime } });
export const after = (date: string, time?: string): WhenExpectation => ({ ...on(date, time), open: "after" });
export const before = (date: string, time?: string): WhenExpectation => ({ ...on(date, time), open: "before" });
export const vague = (date: string, endDate: string): WhenExpectation => ({ date, end: { date: endDate }, vague: true });
export const unsureHour = (date: string, time: string): WhenExpectation => ({ date, time, ambiguousHour: true });
