import type { WidgetWords } from "../../src/i18n/widget.ts";

/** 'YYYY-MM-DDTHH:mm' (Asia/Tokyo wall clock) as offices write it, whatever the browser's time zone. */
export function formatLocal(s: WidgetWords, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (!match) return value;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return s.dateTime(y, m, d, s.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!, match[4]!);
}
