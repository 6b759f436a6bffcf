import type { Office } from "../../config.ts";
import { clockText } from "../../jst.ts";
import type { Catalogue } from "../catalogue.ts";
import type { ManageChat } from "../ja/mail.ts";
import { formats } from "./formats.ts";

function contactLine(office: Office): string {
  const hours = `weekdays ${clockText(office.openingHours.from)}–${clockText(office.openingHours.to)}`;
  return office.phone ? `Please call ${office.name.en} on ${office.phone} (${hours}).` : `Please contact ${office.name.en} (${hours}).`;
}

function chatLines(chat: ManageChat | undefined): string[] {
  if (!chat) return [];
  if (chat.link) return ["You can change the time or cancel in the chat. Open it from this link (it works until the start time):", chat.link];
  return ["You can change the time or cancel in the chat: give your booking reference and your email address or phone number there.", chat.page];
}

export const mail = {
  greeting: (name: string) => [`Dear ${name},`],
  introduction: (office: Office) => `This is ${office.name.en}.`,
  slotSection: (startsAt: Date, endsAt: Date, heading?: string) => [heading ?? "When", `${formats.slot(startsAt, endsAt)} (Japan time)`],
  meetingSection: (meetingUrl: string, accessCode?: string) => ["Meeting URL", meetingUrl, ...(accessCode ? ["Access code", accessCode] : [])],
  joinSteps: (email: string) => [
    "How to join",
    "1. At the start time, open the meeting URL above.",
    `2. When asked for your email address, enter ${email}`,
    "3. Join the call.",
  ],
  checklist: [
    "Before the day",
    "- Join from a private room where no one else can hear you.",
    "- Recording or taping the session, by any means, is not allowed.",
    "- Update your device, and turn on its firewall and virus protection.",
    "- You need a webcam.",
    "- The counselling is free; any data charges are yours.",
  ],
  cancelSection: (office: Office, chat?: ManageChat) => [
    "To change or cancel",
    ...chatLines(chat),
    ...(chat ? ["Or:"] : []),
    contactLine(office),
    "If you have not joined or contacted us by 10 minutes after the start time, the booking is treated as cancelled.",
  ],
  nextStepsSection: (office: Office, chatUrl?: string) => [
    "What you can do now",
    `- Choose another time in the chat${chatUrl ? `: ${chatUrl}` : "."}`,
    `- Or talk to us directly. ${contactLine(office)}`,
  ],
  referenceSection: (reference: string) => ["Booking reference", reference, "Please quote it when you contact us."],
  signature: (office: Office) => [office.name.en],
  invitation: {
    subject: (office: Office, start: string) => `[${office.name.en}] Your online job counselling, ${start}`,
    lead: ["Your online job counselling session is booked."],
    updatedSubject: (office: Office, start: string) => `[${office.name.en}] New joining details for your counselling, ${start}`,
    updatedLead: ["The meeting URL or access code of your online job counselling session has changed. The date and time are the same; please use the new details below."],
    calendarSummary: (office: Office) => `Online job counselling (${office.name.en})`,
    calendarDescription: (url: string, accessCode: string | undefined, reference: string) =>
      [`Meeting URL: ${url}`, ...(accessCode ? [`Access code: ${accessCode}`] : []), `Booking reference: ${reference}`].join("\n"),
  },
  seekerNotice: {
    rejected: {
      subject: (office: Office) => `[${office.name.en}] We could not book the time you asked for`,
      lead: ["We could not book your online job counselling session at the time you asked for."],
      slotHeading: "The time you asked for",
    },
    cancelledByStaff: {
      subject: (office: Office) => `[${office.name.en}] Your online job counselling is cancelled`,
      lead: ["We are sorry, but we have had to cancel this booking."],
    },
    noShow: {
      subject: (office: Office) => `[${office.name.en}] Your online job counselling was cancelled`,
      lead: ["You had not joined this session by 10 minutes after the start time, so the booking was cancelled."],
      again: ["To book again, choose a new time in the chat."],
      warning: ["If bookings are missed again without notice, the office may stop offering you online sessions."],
    },
    reminder: {
      subject: (office: Office, start: string) => `[${office.name.en}] Reminder: online job counselling, ${start}`,
      lead: ["This is a reminder of your online job counselling session."],
    },
    join: {
      subject: (office: Office, start: string) => `[${office.name.en}] Your online job counselling starts soon, ${start}`,
      lead: ["Your online job counselling session starts soon. At the start time, join with the meeting URL below."],
      lateSection: (office: Office, chat?: ManageChat) => [
        "If you will be late or cannot join",
        contactLine(office),
        ...(chat ? ["Until the start you can also cancel in the chat:", ...chatLines(chat).slice(-1)] : []),
        "If you have not joined or contacted us by 10 minutes after the start time, the booking is treated as cancelled.",
      ],
    },
    closure: {
      subject: (office: Office) => `[${office.name.en}] The office is closed: your booking is cancelled`,
      lead: ["We are sorry: the office has had to close that day, so this booking is cancelled."],
      alternativesHeading: "Some times that are free",
    },
    reasonHeading: "Reason",
  },
  staffNotice: {
    subjectTag: "[Booking] ",
    dear: (office: Office) => `To the staff of ${office.name.en}`,
    events: {
      requested: { title: "New request", lead: ["A booking has been requested. Please confirm it or decline it."] },
      cancelled: { title: "Booking cancelled", lead: ["A booking has been cancelled."] },
      changed: { title: "Booking changed", lead: ["The date or time of a booking has changed."] },
      handoff: { title: "Handoff to staff", lead: ["A user would like to talk to a member of staff."] },
      now: { title: "Session wanted now", lead: ["A user would like a session straight away."] },
      no_show: { title: "No-show", lead: ["No one joined or got in touch by 10 minutes after the start. The booking is treated as cancelled."] },
    },
    office: "Office",
    reference: "Booking reference",
    at: "Received",
    language: "Language",
    support: (help: string) => ` (${help})`,
    person: "Applicant",
    name: "Name",
    seekerNumber: "Seeker number",
    email: "Email",
    phone: "Phone",
    topic: "Topic",
    noDetails: ["The applicant's details are on the staff page below."],
    link: "Open in the staff page",
  },
} satisfies Catalogue["mail"];
