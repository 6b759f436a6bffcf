import { supportCode, supportText, wordsFor, type Messages } from "../i18n/index.ts";
import { currentTerms } from "../config.ts";
import {
  findEmail,
  findName,
  findPhone,
  findSeekerNumber,
  isBookingWish,
  parseEmail,
  parseEmailCode,
  parseEstablishmentNumber,
  parseName,
  parsePhone,
  parseRequester,
  parseSeekerNumber,
  parseWhen,
  parseYesNo,
  saysNoPreference,
  saysNotNeeded,
  saysNotRegistered,
  saysSubmit,
} from "../nlu/index.ts";
import { jstDate } from "../jst.ts";
import { previousCounsellor, releaseHold, requestBooking, suggest } from "../store/bookings.ts";
import { latestConsent, linkConsentsToSeeker } from "../store/conversations.ts";
import { checkEmailCode, issueEmailCode } from "../store/emailCodes.ts";
import { actorOf, answersOf, keptOffice, limitsOf, officeOf, requesterOf, say, yesNoChoices, type Turn } from "./context.ts";
import { menuChoices } from "./menu.ts";
import type { Flow } from "./registry.ts";
import { knownBookingSlot, seekerNumberBooked } from "./knownBooking.ts";
import { isTypedLabel } from "./typedLabels.ts";
import { consentChoices, consentSlot, officeSlot, timeSlot } from "./sharedSlots.ts";
import { askAgain, begin, defineFlow, done, drive, edit, editChoices, goBack, isOpening, prefillOthers, retry, summaryRows, textOf, type SlotDef, type SlotInput } from "./slots.ts";
import { detailsFrom, missingDetail, type SupportCode } from "../booking/details.ts";
import { MAX_CHOICE_LABEL, MAX_CHOICES, type BookingCard } from "../messages.ts";
import { askWhen, counsellorName, explainRefusal, formatSlot } from "./when.ts";

const MAX_TOPIC = 400;

const requester: SlotDef = {
  name: "requester",
  ask: (turn) =>
    say(turn, turn.m.intake.askRequester, {
      choices: [
        { label: turn.m.intake.requesterSeeker, value: "requester:seeker" },
        { label: turn.m.intake.requesterEmployer, value: "requester:employer" },
      ],
    }),
  accept: (turn, input) => {
    const t = textOf(input);
    const kind = t === "requester:seeker" ? "seeker" : t === "requester:employer" ? "employer" : parseRequester(t);
    return kind ? done(kind) : askAgain(turn.m.intake.requesterUnknown);
  },
  row: (turn, a) => (a.requester === "employer" ? turn.m.intake.requesterEmployer : turn.m.intake.requesterSeeker),
  opening: true,
  fixed: true,
  resets: ["seekerNumber", "establishmentNumber"],
};

const consent = consentSlot({
  ask: (turn) => {
    const terms = currentTerms(turn.config);
    say(turn, [turn.m.intake.consentIntro(terms.version), ...turn.m.intake.consentPoints].join("\n"));
    say(turn, `${turn.m.intake.consentFullText(terms.url)}\n\n${turn.m.intake.askConsent}`, { choices: consentChoices(turn) });
  },
});

const name: SlotDef = {
  name: "name",
  ask: (turn) => say(turn, turn.m.intake.askName),
  accept: (turn, input) => {
    const parsed = parseName(textOf(input));
    return parsed.ok ? done(parsed.value) : retry(turn.m.intake.nameInvalid);
  },
  extract: findName,
  row: (_turn, a) => a.name,
};

const seekerNumber: SlotDef = {
  name: "seekerNumber",
  applies: (a) => a.requester !== "employer",
  ask: (turn) => say(turn, turn.m.intake.askSeekerNumber, { choices: [{ label: turn.m.intake.seekerNotRegistered, value: "seeker:none" }] }),
  accept: async (turn, input) => {
    const text = textOf(input);
    if (text === "seeker:none" || saysNotRegistered(text)) {
      say(turn, turn.m.intake.notRegisteredGuide);
      return done(null);
    }
    const parsed = parseSeekerNumber(text);
    if (!parsed.ok) return retry(turn.m.intake.seekerNumberInvalid, { choices: [{ label: turn.m.intake.seekerNotRegistered, value: "seeker:none" }] });
    if (parsed.confirm) {
      turn.state.confirm = { slot: "seekerNumber", value: parsed.value };
      return retry(turn.m.intake.seekerNumberConfirmPrefix(parsed.value), { choices: yesNoChoices(turn.m) });
    }
    return (await seekerNumberBooked(turn, parsed.value)) ?? done(parsed.value);
  },
  acceptConfirmed: async (turn, value) => (await seekerNumberBooked(turn, String(value))) ?? done(value),
  extract: findSeekerNumber,
  row: (turn, a) => a.seekerNumber ?? turn.m.rows.notRegistered,
};

const establishmentNumber: SlotDef = {
  name: "establishmentNumber",
  applies: (a) => a.requester === "employer",
  ask: (turn) => say(turn, turn.m.intake.askEstablishmentNumber),
  accept: (turn, input) => {
    const parsed = parseEstablishmentNumber(textOf(input));
    return parsed.ok ? done(parsed.value) : retry(turn.m.intake.establishmentNumberInvalid);
  },
  row: (_turn, a) => a.establishmentNumber ?? undefined,
};

const email: SlotDef = {
  name: "email",
  ask: (turn) => say(turn, turn.m.intake.askEmail),
  accept: (turn, input) => {
    const typed = textOf(input).trim();
    const parsed = parseEmail(typed);
    if (parsed.ok && !parsed.suggestion) return done(parsed.value);
    if (!parsed.suggestion) return retry(turn.m.intake.emailInvalid);
    const value = parsed.ok ? parsed.value : typed;
    turn.state.confirm = { slot: "email", value: parsed.ok ? parsed.value : undefined, alternative: parsed.suggestion };
    const choices = [{ label: turn.m.intake.emailUseSuggestion(parsed.suggestion).slice(0, MAX_CHOICE_LABEL), value: "confirm:alt" }];
    if (parsed.ok) choices.push({ label: turn.m.intake.emailKeepTyped, value: "confirm:yes" });
    return retry(turn.m.intake.emailSuggest(value, parsed.suggestion), { choices });
  },
  extract: findEmail,
  row: (_turn, a) => a.email,
};

const phone: SlotDef = {
  name: "phone",
  ask: (turn) => say(turn, turn.m.intake.askPhone),
  accept: (turn, input) => {
    const parsed = parsePhone(textOf(input));
    return parsed.ok ? done(parsed.value) : retry(turn.m.intake.phoneInvalid);
  },
  extract: findPhone,
  row: (_turn, a) => a.phone,
};

/** The counsellor of the seeker's last session here, when they still work at the office and have a free time ahead. */
async function lastCounsellorIfFree(turn: Turn): Promise<string | undefined> {
  const office = officeOf(turn)!;
  const id = await previousCounsellor(turn.db, {
    officeId: office.id,
    seekerNumber: answersOf(turn.state).seekerNumber,
    email: answersOf(turn.state).email,
    phone: answersOf(turn.state).phone,
    ...(turn.conversation.channel === "line" ? { lineUserKey: turn.conversation.userKey } : {}),
    now: turn.now,
  });
  if (!id || !office.counsellors.some((c) => c.id === id)) return undefined;
  const free = await suggest(turn.db, { office, now: turn.now, wish: { kind: "point", date: jstDate(turn.now), time: "00:00" }, n: 1, counsellorId: id });
  return free.length > 0 ? id : undefined;
}

const counsellor: SlotDef = {
  name: "counsellor",
  ask: async (turn) => {
    const office = officeOf(turn)!;
    const last = await lastCounsellorIfFree(turn);
    const others = office.counsellors.filter((c) => c.id !== last);
    say(turn, last ? [turn.m.intake.askCounsellor, turn.m.intake.lastCounsellor(counsellorName(office, last, turn.locale))].join("\n") : turn.m.intake.askCounsellor, {
      choices: [
        ...(last ? [{ label: turn.m.intake.sameCounsellor, value: `counsellor:${last}` }] : []),
        { label: turn.m.intake.noPreference, value: "counsellor:none" },
        // One or two choices of the thirteen are "the same as last time" and "no preference".
        ...others.slice(0, MAX_CHOICES - (last ? 2 : 1)).map((c) => ({ label: c.name[turn.locale].slice(0, MAX_CHOICE_LABEL), value: `counsellor:${c.id}` })),
      ],
    });
  },
  accept: async (turn, input) => {
    const office = officeOf(turn)!;
    const t = textOf(input).normalize("NFKC").trim();
    // The labels typed instead of tapped: 「前回と同じ相談員」 is whoever lastCounsellorIfFree offered.
    const typedLabel = input.kind === "text" ? (label: (m: Messages) => string) => isTypedLabel(t, label) : () => false;
    if (t === "counsellor:none" || saysNoPreference(t) || typedLabel((m) => m.intake.noPreference)) return done(null);
    const last = typedLabel((m) => m.intake.sameCounsellor) ? await lastCounsellorIfFree(turn) : undefined;
    if (last) return done(last);
    const id = t.startsWith("counsellor:") ? t.slice(11) : office.counsellors.find((c) => t.includes(c.name.ja) || t.toLowerCase().includes(c.name.en.toLowerCase()))?.id;
    if (id && office.counsellors.some((c) => c.id === id)) return done(id);
    return askAgain(turn.m.intake.counsellorUnknown);
  },
  row: (turn, a) => (a.counsellor ? counsellorName(officeOf(turn)!, a.counsellor, turn.locale) : turn.m.rows.none),
  resets: ["when"],
};

const when = timeSlot({
  ask: (turn) => askWhen(turn, officeOf(turn)!),
  where: (turn, anyone) => {
    const answers = answersOf(turn.state);
    return {
      office: officeOf(turn)!,
      counsellorId: anyone ? null : answers.counsellor,
      seekerNumber: answers.seekerNumber,
      contact: { email: answers.email, phone: answers.phone },
      waitlist: true,
    };
  },
  taken: (turn, held, anyone) => {
    if (anyone) answersOf(turn.state).counsellor = null;
    return done(held);
  },
  extract: (text, turn) => (parseWhen(text, { now: turn.now, locale: turn.locale }).length > 0 ? text : undefined),
  row: (turn, a) => (a.when ? formatSlot(turn.locale, new Date(a.when.startsAt)) : undefined),
  forget: (turn) => releaseHold(turn.db, turn.conversation.id, turn.now),
});

const topic: SlotDef = {
  name: "topic",
  ask: (turn) => say(turn, turn.m.intake.askTopic),
  accept: (turn, input) => {
    const text = textOf(input).trim();
    return text.length >= 2 && text.length <= MAX_TOPIC && input.kind === "text" ? done(text) : retry(turn.m.intake.topicInvalid);
  },
  row: (_turn, a) => a.topic,
};

const support: SlotDef = {
  name: "support",
  ask: (turn) =>
    say(turn, turn.m.intake.askSupport, {
      choices: [
        { label: turn.m.intake.supportNone, value: "support:none" },
        { label: wordsFor(turn.locale).codes.support.interpreter, value: "support:interpreter" },
        { label: wordsFor(turn.locale).codes.support.assistant, value: "support:assistant" },
      ],
    }),
  accept: (turn, input) => {
    const t = textOf(input).trim();
    if (t === "support:none" || parseYesNo(t) === "no" || saysNotNeeded(t)) return done(null);
    // Stored as the code, so that staff read it in their own language; what else the seeker typed stays text.
    if (t === "support:interpreter") return done("interpreter" satisfies SupportCode);
    if (t === "support:assistant") return done("assistant" satisfies SupportCode);
    // 「はい」 says support is needed, not which: ask again with the kinds.
    if (parseYesNo(t) !== "yes" && t.length > 0 && t.length <= 200 && input.kind === "text") return done(supportCode(t));
    return askAgain();
  },
  row: (turn, a) => supportText(turn.locale, a.support) ?? turn.m.rows.none,
};

// The counsellor is asked before the time, so that the hold is taken with the right person.
export const intake = defineFlow(
  "intake",
  [knownBookingSlot, officeSlot, requester, consent, name, seekerNumber, establishmentNumber, email, phone, counsellor, when, topic, support],
  finish,
);

async function finish(turn: Turn, input: SlotInput | null): Promise<void> {
  const value = input?.kind === "choice" ? input.value : input?.kind === "text" ? input.text.trim() : "";
  const typed = input?.kind === "text" && !turn.state.emailCheck ? summaryReply(value) : null;
  if (value === "submit" || typed === "submit") {
    return needsEmailCode(turn) ? sendEmailCode(turn) : submit(turn);
  }
  if (value === "verify:resend" && turn.state.emailCheck) return sendEmailCode(turn);
  if (input?.kind === "text" && turn.state.emailCheck) return checkCode(turn, input.text);
  if (value === "edit" || typed === "edit") {
    say(turn, turn.m.intake.askEditWhich, { choices: editChoices(turn, intake) });
    return;
  }
  if (value.startsWith("edit:") && (await edit(turn, intake, value.slice(5)))) return;
  // Something else typed: the summary again would say nothing new; say which buttons answer it.
  if (input?.kind === "text") {
    const m = turn.m;
    return say(turn, m.intake.summaryUseButtons(m.intake.submit, m.intake.edit, m.choice.stop), { choices: summaryChoices(turn) });
  }
  showSummary(turn);
}

/** A typed answer to 「この内容で申し込みますか？」: yes or send submits, no opens a change. */
function summaryReply(text: string): "submit" | "edit" | null {
  if (saysSubmit(text)) return "submit";
  const reply = parseYesNo(text);
  return reply === "yes" ? "submit" : reply === "no" ? "edit" : null;
}

function summaryChoices(turn: Turn) {
  return [
    { label: turn.m.intake.submit, value: "submit" },
    { label: turn.m.intake.edit, value: "edit" },
    { label: turn.m.choice.stop, value: "stop" },
  ];
}

export function summaryCard(turn: Turn): BookingCard {
  const a = answersOf(turn.state);
  const office = officeOf(turn)!;
  return {
    reference: "",
    office: office.name[turn.locale],
    when: a.when ? formatSlot(turn.locale, new Date(a.when.startsAt)) : "",
    status: wordsFor(turn.locale).codes.status.held,
    statusCode: "held",
    rows: summaryRows(turn, intake).map(({ label, value }) => ({ label, value })),
  };
}

function showSummary(turn: Turn): void {
  const rows = summaryRows(turn, intake);
  say(turn, [turn.m.intake.summaryIntro, "", ...rows.map((r) => wordsFor(turn.locale).formats.row(r.label, r.value))].join("\n"), { booking: summaryCard(turn) });
  say(turn, turn.m.intake.summaryAsk, { choices: summaryChoices(turn) });
}

/** On the web, where anyone can type any address, the address is proven before mail goes to it. */
function needsEmailCode(turn: Turn): boolean {
  const a = answersOf(turn.state);
  return turn.conversation.channel === "web" && officeOf(turn)?.verifyWebEmail === true && !!a.email && a.emailVerified !== a.email;
}

const CODE_VALID_MINUTES = 10;
const CODE_ATTEMPTS = 5;

/** Sends a one-time code to the address given. The mail carries the code and the office's words only. */
async function sendEmailCode(turn: Turn): Promise<void> {
  const a = answersOf(turn.state);
  const office = officeOf(turn)!;
  const email = a.email!;
  const officeName = office.name[turn.locale];
  const result = await issueEmailCode(turn.db, {
    conversationId: turn.conversation.id,
    email,
    client: turn.client ?? null,
    now: turn.now,
    limits: {
      perAddressPerHour: turn.config.EMAIL_CODES_PER_ADDRESS_HOUR,
      perClientPerHour: turn.config.EMAIL_CODES_PER_CLIENT_HOUR,
      validMinutes: CODE_VALID_MINUTES,
      maxAttempts: CODE_ATTEMPTS,
    },
    mailJob: (code, codeId) => ({
      kind: "mail.send",
      idempotencyKey: `email-code:${codeId}`,
      payload: { mail: { to: email, subject: turn.m.verify.mailSubject(officeName), text: turn.m.verify.mailBody(code, CODE_VALID_MINUTES, officeName) } },
      runAt: turn.now,
    }),
  });
  const fix = { label: turn.m.verify.changeEmail, value: "edit:email" };
  if (!result.ok) {
    turn.state.emailCheck = undefined;
    const text = result.reason === "address_throttled" ? turn.m.verify.addressThrottled(office.phone) : turn.m.verify.clientThrottled(office.phone);
    say(turn, text, { choices: [fix, { label: turn.m.choice.stop, value: "stop" }] });
    return;
  }
  turn.wakeOutbox();
  turn.state.emailCheck = { codeId: result.id, email };
  say(turn, turn.m.verify.codeSent(email, CODE_VALID_MINUTES), { choices: [{ label: turn.m.verify.resend, value: "verify:resend" }, fix] });
}

async function checkCode(turn: Turn, text: string): Promise<void> {
  const a = answersOf(turn.state);
  const pending = turn.state.emailCheck!;
  if (pending.email !== a.email) {
    // The address changed since the code went out: that code proves nothing about the new one.
    turn.state.emailCheck = undefined;
    return showSummary(turn);
  }
  const retry = { choices: [{ label: turn.m.verify.resend, value: "verify:resend" }, { label: turn.m.verify.changeEmail, value: "edit:email" }] };
  const code = parseEmailCode(text);
  if (!code) return say(turn, turn.m.verify.codeWrong, retry);
  const result = await checkEmailCode(turn.db, { codeId: pending.codeId, conversationId: turn.conversation.id, code, now: turn.now, maxAttempts: CODE_ATTEMPTS });
  if (result === "wrong") return say(turn, turn.m.verify.codeWrong, retry);
  if (result === "expired") return say(turn, turn.m.verify.codeExpired, retry);
  if (result === "too_many") return say(turn, turn.m.verify.tooManyAttempts, retry);
  turn.state.emailCheck = undefined;
  a.emailVerified = pending.email;
  say(turn, turn.m.verify.verified);
  return submit(turn);
}

async function submit(turn: Turn): Promise<void> {
  const a = answersOf(turn.state);
  const office = officeOf(turn)!;
  // The kind of requester is asked as "requester"; a conversation that never asked it is a seeker's.
  const values = { ...a, requesterKind: a.requester ?? "seeker" };
  if (!a.when || missingDetail(values)) {
    turn.state.step = undefined;
    await drive(turn, intake, null);
    return;
  }
  const result = await requestBooking(turn.db, {
    holdId: a.when.holdId,
    office,
    details: { ...detailsFrom(values), emailVerified: a.emailVerified === a.email },
    now: turn.now,
    limits: limitsOf(turn.config),
    actor: actorOf(turn),
    holdMinutes: turn.config.HOLD_MINUTES,
    requester: requesterOf(turn, { email: a.email, emailVerified: a.emailVerified === a.email, phone: a.phone }),
  });
  if (!result.ok) {
    // The slot went while the user was typing: ask for the time again, with alternatives.
    delete a.when;
    turn.state.step = "when";
    await explainRefusal(turn, result.refusal, { office, counsellorId: a.counsellor, seekerNumber: a.seekerNumber }, { alternatives: result.alternatives });
    return;
  }
  if (a.seekerNumber) await linkConsentsToSeeker(turn.db, turn.conversation.id, a.seekerNumber);
  turn.wakeOutbox();
  const booking = result.booking;
  say(turn, turn.m.intake.submitted(booking.reference), {
    booking: {
      reference: booking.reference,
      office: office.name[turn.locale],
      when: formatSlot(turn.locale, booking.startsAt),
      status: wordsFor(turn.locale).codes.status.requested,
      statusCode: "requested",
    },
  });
  say(turn, turn.m.intake.nextSteps.join("\n"));
  say(turn, turn.m.intake.checklist.join("\n"), { choices: menuChoices(turn.m) });
  // Personal data is no longer needed in the conversation once the booking holds it.
  turn.state.flow = undefined;
  turn.state.step = undefined;
  turn.state.answers = { office: a.office };
  turn.state.history = undefined;
  turn.state.prefill = undefined;
}

/** Stops the intake: the hold is released and the answers forgotten. */
export async function abandonIntake(turn: Turn): Promise<void> {
  await releaseHold(turn.db, turn.conversation.id, turn.now);
  const officeId = turn.state.answers?.office;
  turn.state.answers = officeId ? { office: officeId } : {};
  turn.state.prefill = undefined;
  turn.state.history = undefined;
  turn.state.confirm = undefined;
  turn.state.emailCheck = undefined;
}

export async function startIntake(turn: Turn): Promise<void> {
  const keep = keptOffice(turn);
  // Someone who agreed to the current terms in this conversation is not asked again.
  const agreed = await latestConsent(turn.db, { channel: turn.conversation.channel, userKey: turn.conversation.userKey });
  if (agreed?.termsVersion === currentTerms(turn.config).version) keep.consent = { version: agreed.termsVersion, at: agreed.agreedAt.toISOString() };
  return begin(turn, intake, keep);
}

async function restartIntake(turn: Turn): Promise<void> {
  await abandonIntake(turn);
  say(turn, turn.m.menu.restarted);
  return startIntake(turn);
}

/** A time or a wish to book, written with no flow open, starts the intake; what else it says is kept. */
async function takeBookingWish(turn: Turn, text: string): Promise<boolean> {
  if (parseWhen(text, { now: turn.now, locale: turn.locale }).length === 0 && !isBookingWish(text)) return false;
  turn.state.step = undefined;
  prefillOthers(turn, intake, text);
  await startIntake(turn);
  return true;
}

export const intakeFlow: Flow = {
  commands: ["book", "restart"],
  start: startIntake,
  continue: (turn, input) => drive(turn, intake, input),
  resume: (turn) => drive(turn, intake, null),
  abandon: abandonIntake,
  restart: restartIntake,
  back: (turn) => goBack(turn, intake),
  opening: (state) => isOpening(intake, state),
  takeUnprompted: takeBookingWish,
};
