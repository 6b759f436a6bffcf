// A button's label typed (or pasted) instead of tapped means what the tap means, for the buttons whose
// value is the same wherever they are offered. The menu's labels are commands, understood in nlu/intent.ts;
// yes-or-no buttons say はい or いいえ first (nlu/yesNo.ts) and the FAQ's name their topic (nlu/faqTopic.ts).
// A label whose meaning depends on the question open is matched there with isTypedLabel (the intake's
// another booking, address as written, same counsellor or none; flows/when.ts's free days with labelKey).
import { catalogues, locales, type Messages } from "../i18n/index.ts";
import { labelKey } from "../nlu/index.ts";
import { SHOW_WAITLIST } from "./waitlistChoices.ts";

const LABELS = new Map<string, string>(
  locales.flatMap((locale) => {
    const m = catalogues[locale].bot;
    const pairs: [string, string][] = [
      [m.handoff.leave, "handoff:leave"],
      [m.find.choice, "menu:find"],
      [m.verify.resend, "verify:resend"],
      [m.verify.changeEmail, "edit:email"],
      [m.waitlist.see, SHOW_WAITLIST],
      [m.waitlist.leave, "menu:leaveWaitlist"],
    ];
    return pairs.map(([label, value]) => [labelKey(label), value] as const);
  }),
);

/** The choice whose label the text is, or undefined. */
export function choiceOfTypedLabel(text: string): string | undefined {
  return LABELS.get(labelKey(text));
}

/** Whether the text is this button's label in any language: for a button whose meaning depends on the question open. */
export function isTypedLabel(text: string, label: (m: Messages) => string): boolean {
  const typed = labelKey(text);
  return locales.some((locale) => labelKey(label(catalogues[locale].bot)) === typed);
}
