// The words of every mail. notify/mail/compose.ts only arranges these blocks.
// Lines stay short (about 18 full-width characters) so they read well on a phone.
import type { SeekerCatalogue } from "../catalogue.ts";
import type { Office } from "../../config.ts";
import { clockText } from "../../jst.ts";
import { formats } from "./formats.ts";
// Not yet rewritten in やさしい日本語: the sections given as japanese.… are the Japanese catalogue's own.
import { mail as japanese } from "../ja/mail.ts";

/** The office's phone with its hours, or just its name when no phone is configured. */
function contactLines(office: Office): string[] {
  const hours = `(平日 ${clockText(office.openingHours.from)}～${clockText(office.openingHours.to)})`;
  return office.phone ? [`${office.name.ja}へ`, "お電話でご連絡ください。", `電話 ${office.phone}`, hours] : [`${office.name.ja}へ`, "ご連絡ください。", hours];
}

/** Where the seeker manages the booking in the chat: the signed link, or the chat page with the reference. */
export interface ManageChat {
  link?: string;
  page: string;
}

function chatLines(chat: ManageChat | undefined): string[] {
  if (!chat) return [];
  if (chat.link) return ["チャットで、日時の変更や", "取り消しができます。", "次のリンクから開いてください", "(開始時刻まで使えます)。", chat.link];
  return ["チャットで、予約番号と", "メールアドレスか電話番号を", "入力すると、日時の変更や", "取り消しができます。", chat.page];
}

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
