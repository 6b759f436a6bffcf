// The postback data our quick replies, date-time pickers and rich menu carry: written when LINE
// messages are rendered, read back when LINE posts the tap to the webhook.

/** Postback data of a choice made from a quick reply or the rich menu. */
export function choicePostbackData(value: string): string {
  return new URLSearchParams({ c: value }).toString();
}

/** The choice a postback carries (percent-decoded, not yet cleaned), or null when it carries none. */
export function choiceOfPostback(data: string): string | null {
  return new URLSearchParams(data).get("c");
}

/** Postback data of the date-time picker; its answer comes in `params.datetime`. */
export const DATETIME_PICKER_DATA = "p=datetime";
