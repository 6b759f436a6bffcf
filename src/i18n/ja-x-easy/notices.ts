// What the bot says in the seeker's chat when staff act on a booking, the short mails that
// acknowledge what the seeker did, and the staff's LINE notice. notify/ arranges these lines.
import type { SeekerCatalogue } from "../catalogue.ts";
// Not yet rewritten in やさしい日本語: the sections given as japanese.… are the Japanese catalogue's own.
import { notices as japanese } from "../ja/notices.ts";

export const notices = {
  accessCode: japanese.accessCode,
  bookAgainChoice: japanese.bookAgainChoice,
  invitation: japanese.invitation,
  meetingChanged: japanese.meetingChanged,
  reminder: japanese.reminder,
  join: japanese.join,
  rejected: japanese.rejected,
  cancelledByStaff: japanese.cancelledByStaff,
  closure: japanese.closure,
  noShow: japanese.noShow,
  released: japanese.released,
  reason: japanese.reason,
  alternativesHeading: japanese.alternativesHeading,
  bookAgain: japanese.bookAgain,
  contact: japanese.contact,
  /** The short mail that acknowledges what the seeker did in the chat. */
  acknowledgement: japanese.acknowledgement,
  /** A freed time offered to a person on the waitlist, and what comes after. */
  waitlist: japanese.waitlist,
} satisfies SeekerCatalogue["notices"];
