// What parseWhen gives the flows.

export type WhenConfirmReason = "weekday_mismatch" | "past_date" | "ambiguous_date" | "far_future" | "outside_hours";

export interface WhenReading {
  date: string;
  time?: string;
  partOfDay?: { from: string; to: string };
  end?: { date: string; time?: string };
  ambiguousHour?: boolean;
  /** An open range: any time after (or before) the date and time given. */
  open?: "after" | "before";
  /** A vague span: any day from `date` to `end.date`, said loosely (来週のどこか, 月末). */
  vague?: boolean;
  confirm?: WhenConfirmReason;
  /** 'unsure' when the bot must ask back before acting (a doubt, or a bare 1–6 o'clock read as p.m.). */
  confidence: "sure" | "unsure";
  span: [number, number];
}
