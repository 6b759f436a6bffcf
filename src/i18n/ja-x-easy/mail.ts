// The words of every mail. notify/mail/compose.ts only arranges these blocks.
// Lines stay short (about 18 full-width characters) so they read well on a phone.
import type { SeekerCatalogue } from "../catalogue.ts";
import { formats } from "./formats.ts";
// Not yet rewritten in やさしい日本語: the sections given as japanese.… are the Japanese catalogue's own.
import { mail as japanese } from "../ja/mail.ts";

export const mail = {
  greeting: japanese.greeting,
  introduction: japanese.introduction,
  slotSection: (startsAt: Date, endsAt: Date, heading?: string) => [`■${heading ?? "日時"}`, formats.slot(startsAt, endsAt)],
  meetingSection: japanese.meetingSection,
  joinSteps: japanese.joinSteps,
  checklist: japanese.checklist,
  cancelSection: japanese.cancelSection,
  nextStepsSection: japanese.nextStepsSection,
  referenceSection: japanese.referenceSection,
  signature: japanese.signature,
  invitation: japanese.invitation,
  seekerNotice: japanese.seekerNotice,
} satisfies SeekerCatalogue["mail"];
