import type { Office } from "../config.ts";
import { wordsFor } from "../i18n/index.ts";
import { addDays, jstDate, jstInstant, jstTime, minutesOf } from "../jst.ts";
import { labelKey, parseWhen, type WhenReading } from "../nlu/index.ts";
import { lastBookableDate, SLOT_MINUTES, slotEnd, slotTimes, type Slot, type SlotRefusal, type Wish } from "../schedule/index.ts";
import { findBooking, holdSlot, listFreeDays, suggest } from "../store/bookings.ts";
import { windowStillBookable, type WaitWindow } from "../store/waitlist.ts";
import { joinChoice } from "./waitlistChoices.ts";
import { actorOf, limitsOf, requesterOf, say, yesNoChoices, type Turn } from "./context.ts";
import type { Messages } from "../i18n/index.ts";
import { locales } from "../i18n/locales.ts";
import { MAX_CHOICE_LABEL, MAX_CHOICES, type Choice, type Locale } from "../messages.ts";
import type { FreeDay } from "../schedule/index.ts";

export type WhenInput =
  | { kind: "text"; text: string }
  | { kind: "choice"; value: string }
  | { kind: "datetime"; value: string }
  /** A time the user said yes to, 'YYYY-MM-DDTHH:mm' Tokyo. */
  | { kind: "confirmed"; value: unknown };

export interface Held {
  startsAt: string;
  holdId: string;
  counsellorId: string;
}

export interface WhenOptions {
  office: Office;
  /** The email and phone given so far: the limits per person count by them. */
  contact?: { email?: string; phone?: string };
  counsellorId?: string | null;
  seekerNumber?: string | null;
  /** The booking being changed. */
  replacing?: string;
  /** Its start: wishing that time again holds nothing and offers other times or keeping it. */
  current?: Date;
  /** A wished time or window that is full may be waited for (キャンセル待ち). */
  waitlist?: boolean;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
const SLOT_CHOICE = "slot:";
/** The choice offered beside other times when the wish is the booking's own time. */
export const KEEP_BOOKING = "change:keep";
const OFFERED = 6;
/** The choice that lists the free days; with a date, the free days from that date on. */
const FREE_DAYS = "free:days";
/** The free times of one day: 'free:day:DATE/PAGE' (PAGE: the first day of the list it was chosen from), '/HH:mm' for later times. */
const FREE_DAY = "free:day:";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
// With "later days" and "earlier days", and the picker on LINE, a page of days fills the thirteen quick replies.
const DAYS_PER_PAGE = MAX_CHOICES - 3;
// With "other days", the times of a day fill the thirteen choices: a whole day of the offices' windows (12 starts).
const TIMES_PER_PAGE = MAX_CHOICES - 1;
const SCAN_FACTOR = 8;

export function formatSlot(locale: Locale, startsAt: Date): string {
  const endsAt = slotEnd(startsAt);
  return wordsFor(locale).formats.slot(startsAt, endsAt);
}

export function formatDate(locale: Locale, date: string): string {
  return wordsFor(locale).formats.date(date);
}

export function slotChoices(locale: Locale, slots: readonly Slot[]): Choice[] {
  return slots.map((s) => ({ label: wordsFor(locale).formats.shortInstant(s.startsAt), value: slotValue(s) }));
}

function slotValue(s: Slot): string {
  return `${SLOT_CHOICE}${jstDate(s.startsAt)}T${jstTime(s.startsAt)}`;
}

/** The bounds of a date-time picker: tomorrow's first slot to the last bookable day's last slot. */
export function pickerBounds(office: Office, now: Date): { min: string; max: string } {
  const times = slotTimes(office);
  return { min: `${addDays(jstDate(now), 1)}T${times[0]}`, max: `${lastBookableDate(office, now)}T${times[times.length - 1]}` };
}

/** The choice offered beside free text at every time question: the days with free times, then a day's times. */
export function freeTimesChoice(m: Messages): Choice {
  return { label: m.intake.freeTimes, value: FREE_DAYS };
}

/** "When?", with the list of free times and the date-time picker beside free text. */
export function askWhen(turn: Turn, office: Office): void {
  say(turn, turn.m.intake.askWhen, { choices: [freeTimesChoice(turn.m)], datePicker: pickerBounds(office, turn.now) });
}

/** Reads the user's answer to "when?" and holds a slot, or explains and offers alternatives. */
export async function answerWhen(turn: Turn, input: WhenInput, options: WhenOptions): Promise<Held | null> {
  const browse = browseOf(input);
  if (browse?.kind === "days") {
    await showFreeDays(turn, options, browse.from);
    return null;
  }
  if (browse?.kind === "times") {
    await showFreeTimes(turn, options, browse);
    return null;
  }
  const local = localOf(input);
  if (local) return tryHold(turn, jstInstant(local.date, local.time), options);
  // A picked date or time alone is a wish like a written one.
  if (input.kind === "datetime") return answerWhen(turn, { kind: "text", text: input.value }, options);
  if (input.kind !== "text") {
    offerDay(turn, options, await suggestions(turn, options, [{ kind: "day", date: jstDate(turn.now) }]), turn.m.intake.whenNotUnderstood);
    return null;
  }

  const readings = parseWhen(input.text, { now: turn.now, locale: turn.locale });
  if (readings.length === 0) {
    offerDay(turn, options, await suggestions(turn, options, [{ kind: "day", date: jstDate(turn.now) }]), turn.m.intake.whenNotUnderstood);
    return null;
  }
  const first = readings[0]!;
  // a single time, not a range nor an open "from/until", is held (or asked back when unsure)
  if (readings.length === 1 && first.time && !first.end && !first.open) {
    const at = jstInstant(first.date, first.time);
    if (first.confidence === "unsure") {
      turn.state.confirm = { slot: "when", value: `${first.date}T${first.time}` };
      const text = first.ambiguousHour ? turn.m.intake.whenConfirmAmbiguousHour(formatSlot(turn.locale, at)) : turn.m.intake.whenConfirm(formatSlot(turn.locale, at));
      say(turn, text, { choices: yesNoChoices(turn.m) });
      return null;
    }
    return tryHold(turn, at, options);
  }
  // a range, an open range or a vague span: the free slots inside it, said so
  const within = first.confidence === "sure" ? withinOf(first, jstDate(turn.now)) : null;
  if (within) {
    const inside = await suggestions(turn, options, [within.wish], within.keep);
    const label = withinLabel(turn, first);
    if (inside.length > 0) offerDay(turn, options, inside, turn.m.intake.whenWithin(label));
    else offerDay(turn, options, await suggestions(turn, options, [within.wish]), turn.m.intake.whenNoneWithin(label), await waitable(turn, options, readingWindow(first, jstDate(turn.now), options.office)));
    return null;
  }
  const wishes = readings.map(wishOf);
  const found = await suggestions(turn, options, wishes);
  // One day, or hours of one day, with nothing free in it: it may be waited for.
  const only = readings.length === 1 ? wishWindow(wishes[0]!, options.office) : undefined;
  const none = only && !found.some((s) => inWindow(s, only));
  offerDay(turn, options, found, null, none ? await waitable(turn, options, only) : undefined);
  return null;
}

/** The window a range, an open range or a span asks for, within the office's hours; undefined when it has no end. */
function readingWindow(r: WhenReading, today: string, office: Office): WaitWindow | undefined {
  const hours = office.window;
  if (r.open && r.time) return clampWindow({ fromDate: r.date, toDate: r.date, ...(r.open === "after" ? { fromTime: r.time, toTime: hours.to } : { fromTime: hours.from, toTime: r.time }) }, office);
  if (r.open === "after") return undefined;
  if (r.open === "before") return clampWindow({ fromDate: today, toDate: r.date, fromTime: hours.from, toTime: hours.to }, office);
  const last = r.end?.date ?? r.date;
  const part = r.partOfDay ?? (r.time && r.end?.time ? { from: r.time, to: r.end.time } : null);
  return clampWindow({ fromDate: r.date, toDate: last, fromTime: part?.from ?? hours.from, toTime: part?.to ?? hours.to }, office);
}

function wishWindow(wish: Wish, office: Office): WaitWindow | undefined {
  if (wish.kind === "day") return clampWindow({ fromDate: wish.date, toDate: wish.date, fromTime: office.window.from, toTime: office.window.to }, office);
  if (wish.kind === "window") return clampWindow({ fromDate: wish.date, toDate: wish.date, fromTime: wish.from, toTime: wish.to }, office);
  return undefined;
}

function clampWindow(w: WaitWindow, office: Office): WaitWindow | undefined {
  const fromTime = minutesOf(w.fromTime) < minutesOf(office.window.from) ? office.window.from : w.fromTime;
  const toTime = minutesOf(w.toTime) > minutesOf(office.window.to) ? office.window.to : w.toTime;
  if (minutesOf(toTime) - minutesOf(fromTime) < SLOT_MINUTES || w.toDate < w.fromDate) return undefined;
  return { ...w, fromTime, toTime };
}

function inWindow(s: Slot, w: WaitWindow): boolean {
  const date = jstDate(s.startsAt);
  const start = minutesOf(jstTime(s.startsAt));
  return date >= w.fromDate && date <= w.toDate && start >= minutesOf(w.fromTime) && start + SLOT_MINUTES <= minutesOf(w.toTime);
}

/** The window, when this flow offers the waitlist and some day of it can still be booked. */
async function waitable(turn: Turn, options: WhenOptions, w: WaitWindow | undefined): Promise<WaitWindow | undefined> {
  if (!options.waitlist || !w) return undefined;
  return (await windowStillBookable(turn.db, options.office, turn.now, w)) ? w : undefined;
}

/** A taken time (full, or the named counsellor busy) may be waited for; a closed or late one may not. */
function pointWait(options: WhenOptions, refusal: SlotRefusal, startsAt: Date): WaitWindow | undefined {
  if (!options.waitlist) return undefined;
  const taken = refusal.reason === "full" || (refusal.reason === "counsellor_unavailable" && refusal.why === "taken");
  if (!taken) return undefined;
  const date = jstDate(startsAt);
  return { fromDate: date, toDate: date, fromTime: jstTime(startsAt), toTime: jstTime(slotEnd(startsAt)) };
}

/** What a range, an open range or a vague span asks for: where to look, and which slots fit. */
function withinOf(r: WhenReading, today: string): { wish: Wish; keep: (s: Slot) => boolean } | null {
  const dateOf = (s: Slot) => jstDate(s.startsAt);
  const startOf = (s: Slot) => minutesOf(jstTime(s.startsAt));
  const fitsDay = (s: Slot, from: string, to: string) => startOf(s) >= minutesOf(from) && startOf(s) + SLOT_MINUTES <= minutesOf(to);
  if (r.open && r.time) {
    const from = r.open === "after" ? r.time : "00:00";
    const to = r.open === "after" ? "24:00" : r.time;
    return { wish: { kind: "window", date: r.date, from, to }, keep: (s) => dateOf(s) === r.date && fitsDay(s, from, to) };
  }
  if (r.open === "after") return { wish: { kind: "day", date: r.date }, keep: (s) => dateOf(s) >= r.date };
  if (r.open === "before") return { wish: { kind: "day", date: today }, keep: (s) => dateOf(s) <= r.date };
  const last = r.end?.date;
  if (!last || last === r.date) return null; // a time range within one day is a window (wishOf)
  const window = r.partOfDay ?? (r.time && r.end?.time ? { from: r.time, to: r.end.time } : null);
  const wish: Wish = window ? { kind: "window", date: r.date, ...window } : { kind: "day", date: r.date };
  return { wish, keep: (s) => dateOf(s) >= r.date && dateOf(s) <= last && (!window || fitsDay(s, window.from, window.to)) };
}

function withinLabel(turn: Turn, r: WhenReading): string {
  const m = turn.m.intake;
  const day = (date: string) => formatDate(turn.locale, date);
  const at = (date: string, time?: string) => (time ? `${day(date)} ${time}` : day(date));
  if (r.open === "after") return m.afterLabel(at(r.date, r.time));
  if (r.open === "before") return m.beforeLabel(at(r.date, r.time));
  return m.spanLabel(day(r.date), day(r.end?.date ?? r.date));
}

type Browse = { kind: "days"; from?: string } | { kind: "times"; date: string; page?: string; after?: string };

/** A step through the list of free times: tapped, or its label typed in any language. */
function browseOf(input: WhenInput): Browse | null {
  if (input.kind === "text") {
    const typed = labelKey(input.text);
    return locales.some((l) => labelKey(wordsFor(l).bot.intake.freeTimes) === typed) ? { kind: "days" } : null;
  }
  if (input.kind !== "choice") return null;
  const value = input.value;
  if (value === FREE_DAYS) return { kind: "days" };
  if (value.startsWith(`${FREE_DAYS}:`)) {
    const from = value.slice(FREE_DAYS.length + 1);
    return DATE.test(from) ? { kind: "days", from } : { kind: "days" };
  }
  if (!value.startsWith(FREE_DAY)) return null;
  const [date = "", page = "", after = ""] = value.slice(FREE_DAY.length).split("/");
  if (!DATE.test(date)) return { kind: "days" };
  return { kind: "times", date, ...(DATE.test(page) ? { page } : {}), ...(TIME.test(after) ? { after } : {}) };
}

/** The free days as the rules see them now, without the booking's own time when it is being changed. */
async function freeDaysFor(turn: Turn, options: WhenOptions, dates?: { from: string; to: string }): Promise<FreeDay[]> {
  const days = await listFreeDays(turn.db, {
    office: options.office,
    now: turn.now,
    counsellorId: options.counsellorId ?? undefined,
    excludeBookingId: options.replacing,
    dates,
  });
  const current = options.current?.getTime();
  if (current === undefined) return days;
  return days.map((d) => ({ ...d, slots: d.slots.filter((s) => s.startsAt.getTime() !== current) })).filter((d) => d.slots.length > 0);
}

function choiceLabel(label: string): string {
  return label.slice(0, MAX_CHOICE_LABEL);
}

/** A page of the days with free times, from `from` on, with later and earlier days to page through. */
async function showFreeDays(turn: Turn, options: WhenOptions, from?: string, lead?: string): Promise<void> {
  const m = turn.m.intake;
  const picker = { datePicker: pickerBounds(options.office, turn.now) };
  const days = await freeDaysFor(turn, options);
  if (days.length === 0) {
    say(turn, [lead, m.noFreeDays(options.office.phone)].filter(Boolean).join("\n"), picker);
    return;
  }
  const found = from ? days.findIndex((d) => d.date >= from) : 0;
  const start = found < 0 ? Math.max(0, days.length - DAYS_PER_PAGE) : found;
  const page = days.slice(start, start + DAYS_PER_PAGE);
  const first = page[0]!.date;
  const later = days[start + DAYS_PER_PAGE];
  const earlier = start > 0 ? days[Math.max(0, start - DAYS_PER_PAGE)] : undefined;
  const choices: Choice[] = [
    ...page.map((d) => ({ label: choiceLabel(m.freeDayChoice(formatDate(turn.locale, d.date), d.slots.length)), value: `${FREE_DAY}${d.date}/${first}` })),
    ...(later ? [{ label: m.moreDays, value: `${FREE_DAYS}:${later.date}` }] : []),
    ...(earlier ? [{ label: m.earlierDays, value: `${FREE_DAYS}:${earlier.date}` }] : []),
  ];
  const name = options.counsellorId ? counsellorName(options.office, options.counsellorId, turn.locale) : null;
  say(turn, [lead, m.freeDays(name)].filter(Boolean).join("\n"), { choices, ...picker });
}

/** The free times of one day, read again now; a day taken meanwhile says so and lists the days again. */
async function showFreeTimes(turn: Turn, options: WhenOptions, browse: Extract<Browse, { kind: "times" }>): Promise<void> {
  const m = turn.m.intake;
  const day = formatDate(turn.locale, browse.date);
  const [free] = await freeDaysFor(turn, options, { from: browse.date, to: browse.date });
  const slots = free?.slots ?? [];
  if (slots.length === 0) return showFreeDays(turn, options, browse.page, m.dayNowFull(day));
  const after = browse.after;
  const fromAfter = after ? slots.filter((s) => jstTime(s.startsAt) >= after) : slots;
  const rest = fromAfter.length > 0 ? fromAfter : slots;
  const shown = rest.length <= TIMES_PER_PAGE ? rest : rest.slice(0, TIMES_PER_PAGE - 1);
  const formats = wordsFor(turn.locale).formats;
  const choices: Choice[] = shown.map((s) => ({ label: choiceLabel(formats.timeRange(jstTime(s.startsAt), jstTime(s.endsAt))), value: slotValue(s) }));
  const next = rest[shown.length];
  if (next) choices.push({ label: m.laterTimes, value: `${FREE_DAY}${browse.date}/${browse.page ?? browse.date}/${jstTime(next.startsAt)}` });
  choices.push({ label: m.otherDays, value: browse.page ? `${FREE_DAYS}:${browse.page}` : FREE_DAYS });
  // The picker is one more quick reply on LINE: offered only while it fits.
  const picker = choices.length < MAX_CHOICES ? { datePicker: pickerBounds(options.office, turn.now) } : {};
  say(turn, m.freeTimesOn(day), { choices, ...picker });
}

function localOf(input: WhenInput): { date: string; time: string } | null {
  const raw =
    input.kind === "datetime" || input.kind === "confirmed"
      ? String(input.value)
      : input.kind === "choice" && input.value.startsWith(SLOT_CHOICE)
        ? input.value.slice(SLOT_CHOICE.length)
        : null;
  const match = raw ? LOCAL.exec(raw) : null;
  return match ? { date: match[1]!, time: match[2]! } : null;
}

function wishOf(r: WhenReading): Wish {
  if (r.partOfDay) return { kind: "window", date: r.date, from: r.partOfDay.from, to: r.partOfDay.to };
  if (r.time && r.end?.time && (r.end.date ?? r.date) === r.date) return { kind: "window", date: r.date, from: r.time, to: r.end.time };
  if (r.time) return { kind: "point", date: r.date, time: r.time };
  return { kind: "day", date: r.date };
}

/** The nearest free slots for each wish (only those `keep` accepts), merged without repeats, in order. */
async function suggestions(turn: Turn, options: WhenOptions, wishes: Wish[], keep?: (s: Slot) => boolean): Promise<Slot[]> {
  const each = Math.max(2, Math.ceil(OFFERED / wishes.length));
  // a filter needs a deeper look: the first days may hold slots outside the range
  const look = keep ? each * SCAN_FACTOR : each;
  const seen = new Set<number>();
  const out: Slot[] = [];
  for (const wish of wishes) {
    const found = await suggest(turn.db, {
      office: options.office,
      now: turn.now,
      wish,
      n: look,
      counsellorId: options.counsellorId ?? undefined,
      excludeBookingId: options.replacing,
    });
    for (const s of keep ? found.filter(keep) : found) {
      if (seen.has(s.startsAt.getTime())) continue;
      seen.add(s.startsAt.getTime());
      out.push(s);
    }
  }
  return out.slice(0, OFFERED);
}

function offerDay(turn: Turn, options: WhenOptions, slots: Slot[], lead: string | null, wait?: WaitWindow): void {
  const m = turn.m;
  const text = lead ?? m.intake.whenPickFromOptions(slots.length);
  const tail = slots.length === 0 ? `\n${m.intake.noAlternatives(options.office.phone)}` : "";
  const choices = slotChoices(turn.locale, slots);
  say(turn, text + tail + (wait ? `\n${m.waitlist.joinHint}` : ""), {
    choices: wait ? [...choices, joinChoice(turn.locale, wait)] : choices,
    datePicker: pickerBounds(options.office, turn.now),
  });
}

async function tryHold(turn: Turn, startsAt: Date, options: WhenOptions): Promise<Held | null> {
  if (options.current?.getTime() === startsAt.getTime()) {
    await offerOtherThanCurrent(turn, startsAt, options);
    return null;
  }
  const result = await holdSlot(turn.db, {
    office: options.office,
    startsAt,
    counsellorId: options.counsellorId ?? undefined,
    conversationId: turn.conversation.id,
    channel: turn.conversation.channel,
    locale: turn.locale,
    seekerNumber: options.replacing ? undefined : (options.seekerNumber ?? undefined),
    replacing: options.replacing,
    now: turn.now,
    holdMinutes: turn.config.HOLD_MINUTES,
    limits: limitsOf(turn.config),
    actor: actorOf(turn),
    requester: requesterOf(turn, options.contact),
  });
  if (result.ok) {
    say(turn, turn.m.intake.whenHeld(formatSlot(turn.locale, startsAt), turn.config.HOLD_MINUTES));
    return { startsAt: result.booking.startsAt.toISOString(), holdId: result.booking.id, counsellorId: result.booking.counsellorId };
  }
  await explainRefusal(turn, result.refusal, options, { alternatives: result.alternatives, withCounsellor: result.withCounsellor, wait: pointWait(options, result.refusal, startsAt) });
  return null;
}

/** The wish is the time already booked: said once, nothing held, other times or keeping the booking offered. */
async function offerOtherThanCurrent(turn: Turn, startsAt: Date, options: WhenOptions): Promise<void> {
  const wish: Wish = { kind: "point", date: jstDate(startsAt), time: jstTime(startsAt) };
  const others = (await suggestions(turn, options, [wish])).filter((s) => s.startsAt.getTime() !== startsAt.getTime());
  say(turn, turn.m.change.sameSlot, {
    choices: [...slotChoices(turn.locale, others), { label: turn.m.change.keep, value: KEEP_BOOKING }],
    datePicker: pickerBounds(options.office, turn.now),
  });
}

/** Says why a time cannot be had and what can: alternatives as choices, and the picker. */
export async function explainRefusal(
  turn: Turn,
  refusal: SlotRefusal | { ok: false; reason: "hold_lost" },
  options: WhenOptions,
  offers: { alternatives: Slot[]; withCounsellor?: Slot[]; wait?: WaitWindow },
): Promise<void> {
  const { m, locale } = turn;
  const office = options.office;
  if (refusal.reason === "seeker_has_booking") {
    const existing = await findBooking(turn.db, refusal.bookingId);
    const when = existing ? formatSlot(locale, existing.startsAt) : null;
    say(turn, m.refusal.seekerHasBooking(when), {
      choices: [
        { label: m.menu.change, value: "menu:change" },
        { label: m.menu.status, value: "menu:status" },
      ],
    });
    return;
  }
  const reason = refusalText(m, locale, refusal, office, options.counsellorId ?? undefined);
  if (refusal.reason === "seeker_suspended" || refusal.reason === "limit_reached") {
    say(turn, reason);
    return;
  }
  const picker = { datePicker: pickerBounds(office, turn.now) };
  const hint = offers.wait ? `\n${m.waitlist.joinHint}` : "";
  const join = offers.wait ? [joinChoice(locale, offers.wait)] : [];
  if (offers.withCounsellor) {
    const name = counsellorName(office, options.counsellorId ?? "", locale);
    say(turn, `${reason}\n${offers.withCounsellor.length ? m.intake.alternativesWithCounsellor(name) : m.intake.noAlternatives(office.phone)}`);
    const anyone = offers.alternatives;
    const choices = [...slotChoices(locale, offers.withCounsellor), ...slotChoices(locale, anyone).map((c) => ({ ...c, value: `${c.value}|any` }))];
    say(turn, (anyone.length ? m.intake.alternativesWithAnyone : m.intake.whenPickFromOptions(choices.length)) + hint, { choices: [...choices.slice(0, 12 - join.length), ...join], ...picker });
    return;
  }
  const list = offers.alternatives;
  const tail = list.length ? m.intake.alternativesIntro : m.intake.noAlternatives(office.phone);
  say(turn, `${reason}\n${tail}${hint}`, { choices: [...slotChoices(locale, list), ...join], ...picker });
}

export function counsellorName(office: Office, id: string, locale: Locale): string {
  const c = office.counsellors.find((x) => x.id === id);
  return c ? c.name[locale] : id;
}

export function refusalText(
  m: Messages,
  locale: Locale,
  refusal: SlotRefusal | { ok: false; reason: "hold_lost" },
  office: Office,
  counsellorId?: string,
): string {
  switch (refusal.reason) {
    case "closed_day": {
      const date = formatDate(locale, refusal.date);
      const closed = refusal.closed;
      if (closed.kind === "weekend") return m.refusal.weekend(date);
      if (closed.kind === "holiday") return m.refusal.holiday(date, closed.name[locale]);
      if (closed.kind === "year_end") return m.refusal.yearEnd(date);
      return m.refusal.closure(date, closed.reason);
    }
    case "outside_hours":
      return m.refusal.outsideHours(refusal.window.from, refusal.window.to, refusal.lastStart);
    case "not_on_grid":
      return m.refusal.notOnGrid(wordsFor(locale).formats.or(refusal.neighbours));
    case "too_late":
      return m.refusal.tooLate(`${formatDate(locale, jstDate(refusal.cutoff))} ${jstTime(refusal.cutoff)}`);
    case "too_far":
      return m.refusal.tooFar(formatDate(locale, refusal.lastBookableDate));
    case "full":
      return m.refusal.full;
    case "in_past":
      return m.refusal.inPast;
    case "counsellor_unavailable":
      return m.refusal.counsellorUnavailable(counsellorName(office, refusal.counsellorId ?? counsellorId ?? "", locale));
    case "seeker_has_booking":
      return m.refusal.seekerHasBooking(null);
    case "seeker_suspended":
      return m.refusal.seekerSuspended(office.phone);
    case "limit_reached":
      return refusal.limit === "person" ? m.refusal.limitPerson(office.phone) : refusal.limit === "client" ? m.refusal.limitClient(office.phone) : m.refusal.limitClientHolds;
    case "hold_lost":
      return m.intake.holdLost;
  }
}

/** A choice of a slot with "|any" asks for that time with whoever is free. */
export function isAnyCounsellorChoice(input: WhenInput): boolean {
  return input.kind === "choice" && input.value.endsWith("|any");
}

export function withoutAnyMarker(input: WhenInput): WhenInput {
  return input.kind === "choice" ? { kind: "choice", value: input.value.replace(/\|any$/, "") } : input;
}

