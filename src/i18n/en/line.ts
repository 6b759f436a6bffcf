import type { Catalogue } from "../catalogue.ts";

export const line = {
  pleaseType: "Sorry, I cannot read stickers, photos or files.\nPlease type your message, or tap one of the buttons.",
  unreadableChoice: "Sorry, I could not read what you picked.\nPlease choose again with the buttons, or type your message.",
  groupNote: "Bookings are taken in a one-to-one chat with this account.\nPlease add it as a friend and talk to it there.",
  pickDateTime: "Pick a date",
  booking: "Booking",
  reference: "Reference",
  join: "Join the video call",
  menuBar: "Menu",
} satisfies Catalogue["line"];
