// Finding a booking made elsewhere — in a chat on another device, on the phone, at the counter — by
// its reference and the email or phone given with it, or by the signed link in a mail. A booking
// found is attached to this conversation, whose status, change and cancel flows then reach it.
// Whoever tries references must learn nothing: an unknown reference and wrong contact details get
// the same answer after the same work, and tries are counted per reference and per client.
import { createHash, timingSafeEqual } from "node:crypto";
import { verifyManageToken } from "../manageLink.ts";
import { contactOnRecord, findEmail, findPhone, findReference, parseContact, parseReference } from "../nlu/index.ts";
import { findBooking, findBookingByReference, type Booking } from "../store/bookings.ts";
import { countHits, HOURLY_PREFIX, slidingCount } from "../store/rateLimits.ts";
import type { OfficeId } from "../config.ts";
import { keptOffice, officeOf, say, type Turn } from "./context.ts";
import { bookingCard } from "./manage.ts";
import { showMenu } from "./menu.ts";
import type { Flow } from "./registry.ts";
import { askAgain, begin, defineFlow, done, drive, textOf, type SlotDef } from "./slots.ts";

const referenceSlot: SlotDef = {
  name: "reference",
  ask: (turn) => say(turn, turn.m.find.askReference),
  accept: (turn, input) => {
    const reference = parseReference(textOf(input));
    return reference ? done(reference) : askAgain(turn.m.find.referenceUnknown);
  },
  extract: (text) => findReference(text),
};

const contactSlot: SlotDef = {
  name: "contact",
  ask: (turn) => say(turn, turn.m.find.askContact),
  accept: (turn, input) => {
    const contact = input.kind === "text" ? parseContact(input.text) : undefined;
    return contact ? done(contact) : askAgain(turn.m.find.contactUnknown);
  },
  extract: (text) => {
    const email = findEmail(text);
    if (email) return email;
    return findPhone(text);
  },
};

const findFlow = defineFlow("find", [referenceSlot, contactSlot], lookUp);

function startFind(turn: Turn): Promise<void> {
  return begin(turn, findFlow, keptOffice(turn));
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compared digest to digest, so the time taken says nothing about how much of it matched. */
function sameContact(given: string, b: Booking | undefined): boolean {
  const kind = given.startsWith("email:") ? "email" : "phone";
  const onRecord = contactOnRecord(kind, (kind === "email" ? b?.email : b?.phone) ?? null);
  const matches = timingSafeEqual(digest(given), digest(b ? onRecord : "\u0000no booking"));
  return b !== undefined && matches && onRecord !== "email:" && onRecord !== "phone:";
}

/** Whether another try is allowed; counts this one against the reference and the client (the conversation on LINE). */
async function allowed(turn: Turn, reference: string): Promise<boolean> {
  const who = turn.client ? `client:${turn.client}` : `conversation:${turn.conversation.id}`;
  const limits = [
    { key: `${HOURLY_PREFIX}lookup:reference:${reference}`, perHour: turn.config.LOOKUPS_PER_REFERENCE_HOUR },
    { key: `${HOURLY_PREFIX}lookup:${who}`, perHour: turn.config.LOOKUPS_PER_CLIENT_HOUR },
  ];
  const counts = await countHits(turn.db, limits.map((l) => l.key), turn.now);
  return limits.every((l) => {
    const count = counts.find((c) => c.key === l.key);
    return !count || slidingCount(count) <= l.perHour;
  });
}

async function lookUp(turn: Turn): Promise<void> {
  const { reference, contact } = turn.state.answers ?? {};
  const phone = officeOf(turn)?.phone ?? null;
  turn.state.answers = keptOffice(turn);
  if (!reference || !contact) return startFind(turn);
  if (!(await allowed(turn, reference))) return showMenu(turn, turn.m.find.throttled(phone));
  const b = await findBookingByReference(turn.db, reference);
  if (!sameContact(contact, b)) return showMenu(turn, turn.m.find.notFound(phone), { find: true });
  return attach(turn, b!);
}

const stillToCome = (turn: Turn, b: Booking) => (b.status === "requested" || b.status === "confirmed") && b.startsAt > turn.now;

/** Shows the booking; one still to come joins the conversation's own for 「確認」「変更」「取り消し」. */
function attach(turn: Turn, b: Booking): void {
  if (!stillToCome(turn, b)) {
    say(turn, turn.m.find.inactive, { booking: bookingCard(turn, b) });
    return showMenu(turn);
  }
  turn.state.attached = [...new Set([...(turn.state.attached ?? []), b.id])];
  turn.state.answers = { office: b.officeId as OfficeId };
  say(turn, turn.m.find.found, { booking: bookingCard(turn, b) });
  showMenu(turn);
}

/** A session opened from a mail's link: the booking it was signed for, while it is still to come. */
export async function openManageLink(turn: Turn, token: string): Promise<void> {
  const secret = turn.config.MANAGE_LINK_SECRET;
  const id = secret ? verifyManageToken(secret, token) : undefined;
  const b = id ? await findBooking(turn.db, id) : undefined;
  if (!b) return showMenu(turn, turn.m.find.linkInvalid, { find: true });
  if (!stillToCome(turn, b)) return showMenu(turn, turn.m.find.linkExpired, { find: true });
  attach(turn, b);
}

export const find: Flow = {
  commands: ["find"],
  start: startFind,
  continue: (turn, input) => drive(turn, findFlow, input),
  resume: startFind,
  restart: startFind,
  back: async (turn) => {
    if (turn.state.step !== "contact") return false;
    await startFind(turn);
    return true;
  },
  // A reference written with no flow open: 「NG-3K7P9Q の予約を変更したい」.
  takeUnprompted: async (turn, text) => {
    if (!findReference(text)) return false;
    turn.state.flow = "find";
    turn.state.step = undefined;
    turn.state.answers = keptOffice(turn);
    await drive(turn, findFlow, { kind: "text", text });
    return true;
  },
};
