import type { Office } from "../../config.ts";
import type { Catalogue } from "../catalogue.ts";

export const notices = {
  accessCode: "Access code",
  bookAgainChoice: "Book another time",
  invitation: [
    "Your session is confirmed.",
    "At the start time, join with the button below. We have also sent you an email with the details.",
    "",
    "If you have not joined or contacted us by 10 minutes after the start, the booking is treated as cancelled.",
  ],
  meetingChanged: [
    "The meeting URL or access code of your session has changed. The date and time are the same: join with the new details below. We have also sent them by email.",
  ],
  reminder: ["A reminder of your session.", "", "- Join from a private room.", "- Recording is not allowed.", "- Update your device and turn on its virus protection."],
  join: (office: Office) => [
    "Your session starts soon. At the start time, join with the button below.",
    "",
    office.phone ? `If you will be late or cannot join, please call ${office.name.en} on ${office.phone}.` : `If you will be late or cannot join, please contact ${office.name.en}.`,
  ],
  rejected: ["We are sorry: we could not book the time you asked for."],
  cancelledByStaff: ["We are sorry: we have had to cancel your booking."],
  closure: ["We are sorry: the office has had to close that day, so your booking is cancelled."],
  noShow: [
    "You had not joined by 10 minutes after the start, so the booking was cancelled.",
    "",
    "You can book again. If bookings are missed again without notice, the office may stop offering you online sessions.",
  ],
  released: "The conversation with our staff has ended. The bot will help you from here.",
  reason: (reason: string) => `Reason: ${reason}`,
  alternativesHeading: "Some times that are free:",
  bookAgain: "You can book another time.",
  contact: (office: Office) => (office.phone ? `Or call ${office.name.en} on ${office.phone}.` : `Or contact ${office.name.en}.`),
  staffLine: {
    reference: (reference: string) => `Reference ${reference}`,
    received: (at: string) => `Received ${at}`,
  },
  acknowledgement: {
    requested: {
      subject: (o: Office) => `[${o.name.en}] We have your request`,
      lead: ["We have received your request for online job counselling. It is not booked yet: our staff will check it and write to you again."],
    },
    changed: {
      subject: (o: Office) => `[${o.name.en}] We have your change`,
      lead: ["We have received your new date and time. Our staff will check it and write to you again."],
    },
    cancelled: {
      subject: (o: Office) => `[${o.name.en}] Your booking is cancelled`,
      lead: ["This booking is now cancelled."],
    },
  },
  waitlist: {
    offer: (slot: string, until: string) => ["A time you are waiting for has freed up:", "", slot, "", `It is held for you until ${until}.`, "Do you want to book it?"],
    accept: "Book it",
    decline: "Not this time",
    lapsed: "The time we offered has run out and went to the next person. Your waitlist place has ended.",
    ended: (window: string) => `Requests for ${window} have closed, so your waitlist place has ended.`,
    mailSubject: (o: Office) => `[${o.name.en}] A time you are waiting for has freed up`,
    mailLead: (until: string) => ["A time you are waiting for has freed up.", `It is held for you until ${until}.`, "To book it, open the chat where you joined the waitlist and choose \"Book it\"."],
  },
} satisfies Catalogue["notices"];
