import { currentTerms, findOffice, officeIds, type OfficeId } from "../config.ts";
import { isBookingWish, parseEmail, parseEstablishmentNumber, parseName, parsePhone, parseSeekerNumber, parseWhen, parseYesNo } from "../nlu/index.ts";
import { releaseHold, requestBooking } from "../store/bookings.ts";
import { latestConsent, linkConsentsToSeeker, recordConsent } from "../store/conversations.ts";
import { checkEmailCode, issueEmailCode } from "../store/emailCodes.ts";
import { actorOf, answersOf, limitsOf, officeChoices, officeOf, requesterOf, say, yesNoChoices, type Answers, type Turn } from "./context.ts";
import { menuChoices } from "./menu.ts";
import type { Flow } from "./registry.ts";
import { again, defineFlow, done, drive, edit, editChoices, goBack, isOpening, prefillOthers, summaryRows, type SlotDef, type SlotInput } from "./slots.ts";
import type { BookingCard } from "../messages.ts";
import { answerWhen, counsellorName, explainRefusal, formatSlot, isAnyCounsellorChoice, pickerBounds, withoutAnyMarker } from "./when.ts";

const MAX_TOPIC = 400;

const textOf = (input: SlotInput): string => (input.kind === "text" ? input.text : input.kind === "choice" ? input.value : "");

const office: SlotDef = {
  name: "office",
  ask: (turn) =>
    say(turn, turn.m.intake.askOffice, {
      choices: officeChoices(turn),
    }),
  accept: (turn, input) => {
    if (input.kind === "confirmed") return done(input.value);
    const text = textOf(input);
    const id = text.startsWith("office:") ? text.slice(7) : matchOffice(turn, text);
    if (id && (officeIds as readonly string[]).includes(id) && findOffice(turn.config, id)) return done(id);
    say(turn, turn.m.intake.officeUnknown);
    office.ask(turn);
    return again;
  },
  row: (turn, a) => (a.office ? findOffice(turn.config, a.office)?.name[turn.locale] : undefined),
  opening: true,
  fixed: true,
  resets: ["counsellor", "when"],
};

function matchOffice(turn: Turn, text: string): OfficeId | undefined {
  const t = text.normalize("NFKC").toLowerCase();
  if (/つきまち|築町|tsukimachi/.test(t)) return "tsukimachi";
  if (/ヤング|young/.test(t)) return "young-nagasaki";
  const exact = turn.config.offices.find((o) => t === o.name.ja.toLowerCase() || t === o.name.en.toLowerCase());
  if (exact) return exact.id;
  if (/長崎|nagasaki/.test(t)) return "nagasaki";
  return undefined;
}

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
    const t = textOf(input).normalize("NFKC").toLowerCase();
    if (t === "requester:seeker" || /求職|仕事を探|job ?seek|looking for work|個人/.test(t)) return done("seeker");
    if (t === "requester:employer" || /事業|企業|会社|人事|採用|求人|employer|company|\bhr\b/.test(t)) return done("employer");
    say(turn, turn.m.intake.requesterUnknown);
    requester.ask(turn);
    return again;
  },
  row: (turn, a) => (a.requester === "employer" ? turn.m.intake.requesterEmployer : turn.m.intake.requesterSeeker),
  opening: true,
  fixed: true,
  resets: ["seekerNumber", "establishmentNumber"],
};

/** 「同意する」 tapped or written, or a plain yes or no. */
export function consentAnswer(input: SlotInput): "yes" | "no" | null {
  const t = textOf(input);
  if (t === "consent:yes" || /^(同意します|同意する|agree|i agree)[。.!！]?$/i.test(t.trim())) return "yes";
  if (t === "consent:no" || /^(同意しません|同意しない|i do not agree|disagree)[。.!！]?$/i.test(t.trim())) return "no";
  return input.kind === "text" ? parseYesNo(t) : null;
}

const consent: SlotDef = {
  name: "consent",
  ask: (turn) => {
    const terms = currentTerms(turn.config);
    say(turn, [turn.m.intake.consentIntro(terms.version), ...turn.m.intake.consentPoints].join("\n"));
    say(turn, `${turn.m.intake.consentFullText(terms.url)}\n\n${turn.m.intake.askConsent}`, {
      choices: [
        { label: turn.m.intake.consentAgree, value: "consent:yes" },
        { label: turn.m.intake.consentDecline, value: "consent:no" },
      ],
    });
  },
  accept: async (turn, input) => {
    const reply = consentAnswer(input);
    if (reply === "yes") {
      const terms = currentTerms(turn.config);
      await recordConsent(turn.db, {
        termsVersion: terms.version,
        channel: turn.conversation.channel,
        userKey: turn.conversation.userKey,
        conversationId: turn.conversation.id,
        agreedAt: turn.now,
      });
      say(turn, turn.m.intake.consentRecorded);
      return done({ version: terms.version, at: turn.now.toISOString() });
    }
    if (reply === "no") {
      say(turn, turn.m.intake.consentDeclined(officeOf(turn)?.phone ?? null), { choices: menuChoices(turn.m) });
      turn.state.answers = {};
      turn.state.prefill = undefined;
      return { kind: "end" };
    }
    consent.ask(turn);
    return again;
  },
};

const name: SlotDef = {
  name: "name",
  ask: (turn) => say(turn, turn.m.intake.askName),
  accept: (turn, input) => {
    if (input.kind === "confirmed") return done(input.value);
    const parsed = parseName(textOf(input));
    if (parsed.ok) return done(parsed.value);
    say(turn, turn.m.intake.nameInvalid);
    return again;
  },
  extract: (text) => {
    const match = /(?:^|[、。,\s])([^、。,\s]{1,12}(?:\s[^、。,\s]{1,12})?)\s*(?:です|と申します|といいます)(?:[。.!！、,\s]|$)/.exec(text.normalize("NFKC"));
    if (!match) return undefined;
    const parsed = parseName(match[1]!);
    return parsed.ok && parseWhen(match[1]!, { now: new Date(0) }).length === 0 ? parsed.value : undefined;
  },
  row: (_turn, a) => a.name,
};

const seekerNumber: SlotDef = {
  name: "seekerNumber",
  applies: (a) => a.requester !== "employer",
  ask: (turn) => say(turn, turn.m.intake.askSeekerNumber, { choices: [{ label: turn.m.intake.seekerNotRegistered, value: "seeker:none" }] }),
  accept: async (turn, input) => {
    if (input.kind === "confirmed") return done(input.value);
    const text = textOf(input);
    if (text === "seeker:none" || /未登録|登録して(い)?ない|まだ登録|not registered/i.test(text)) {
      say(turn, turn.m.intake.notRegisteredGuide);
      return done(null);
    }
    const parsed = parseSeekerNumber(text);
    if (!parsed.ok) {
      say(turn, turn.m.intake.seekerNumberInvalid, { choices: [{ label: turn.m.intake.seekerNotRegistered, value: "seeker:none" }] });
      return again;
    }
    if (parsed.confirm) {
      turn.state.confirm = { slot: "seekerNumber", value: parsed.value };
      say(turn, turn.m.intake.seekerNumberConfirmPrefix(parsed.value), { choices: yesNoChoices(turn.m) });
      return again;
    }
    return done(parsed.value);
  },
  extract: (text) => {
    const match = /(?<![\d-])\d{5}\s*[-‐‑‒–—―ー−－]?\s*\d{6,8}(?![\d-])/.exec(text.normalize("NFKC"));
    if (!match) return undefined;
    const parsed = parseSeekerNumber(match[0]);
    return parsed.ok && !parsed.confirm ? parsed.value : undefined;
  },
  row: (turn, a) => a.seekerNumber ?? turn.m.rows.notRegistered,
};

const establishmentNumber: SlotDef = {
  name: "establishmentNumber",
  applies: (a) => a.requester === "employer",
  ask: (turn) => say(turn, turn.m.intake.askEstablishmentNumber),
  accept: (turn, input) => {
    if (input.kind === "confirmed") return done(input.value);
    const parsed = parseEstablishmentNumber(textOf(input));
    if (parsed.ok) return done(parsed.value);
    say(turn, turn.m.intake.establishmentNumberInvalid);
    return again;
  },
  row: (_turn, a) => a.establishmentNumber,
};

const email: SlotDef = {
  name: "email",
  ask: (turn) => say(turn, turn.m.intake.askEmail),
  accept: (turn, input) => {
    if (input.kind === "confirmed") return done(input.value);
    const typed = textOf(input).trim();
    const parsed = parseEmail(typed);
    if (parsed.ok && !parsed.suggestion) return done(parsed.value);
    if (parsed.suggestion) {
      const value = parsed.ok ? parsed.value : typed;
      turn.state.confirm = { slot: "email", value: parsed.ok ? parsed.value : undefined, alternative: parsed.suggestion };
      const choices = [{ label: turn.m.intake.emailUseSuggestion(parsed.suggestion).slice(0, 20), value: "confirm:alt" }];
      if (parsed.ok) choices.push({ label: turn.m.intake.emailKeepTyped, value: "confirm:yes" });
      say(turn, turn.m.intake.emailSuggest(value, parsed.suggestion), { choices });
      return again;
    }
    say(turn, turn.m.intake.emailInvalid);
    return again;
  },
  extract: (text) => {
    const match = /[^\s、。,，「」]+[@＠][^\s、。,，「」]+/.exec(text);
    if (!match) return undefined;
    const parsed = parseEmail(match[0]);
    return parsed.ok && !parsed.suggestion ? parsed.value : undefined;
  },
  row: (_turn, a) => a.email,
};

const phone: SlotDef = {
  name: "phone",
  ask: (turn) => say(turn, turn.m.intake.askPhone),
  accept: (turn, input) => {
    if (input.kind === "confirmed") return done(input.value);
    const parsed = parsePhone(textOf(input));
    if (parsed.ok) return done(parsed.value);
    say(turn, turn.m.intake.phoneInvalid);
    return again;
  },
  extract: (text) => {
    const match = /(?<![\d-])(?:\+81|0)\d{1,4}[-‐ー−－\s]?\d{1,4}[-‐ー−－\s]?\d{3,4}(?![\d-])/.exec(text.normalize("NFKC"));
    if (!match) return undefined;
    const parsed = parsePhone(match[0]);
    return parsed.ok ? parsed.value : undefined;
  },
  row: (_turn, a) => a.phone,
};

const counsellor: SlotDef = {
  name: "counsellor",
  ask: (turn) => {
    const office = officeOf(turn)!;
    say(turn, turn.m.intake.askCounsellor, {
      choices: [
        { label: turn.m.intake.noPreference, value: "counsellor:none" },
        ...office.counsellors.slice(0, 12).map((c) => ({ label: c.name[turn.locale].slice(0, 20), value: `counsellor:${c.id}` })),
      ],
    });
  },
  accept: (turn, input) => {
    const office = officeOf(turn)!;
    const t = textOf(input).normalize("NFKC").trim();
    if (t === "counsellor:none" || /指名しない|指名なし|なし|特にない|no preference|^no$|^none$|誰でも/i.test(t)) return done(null);
    const id = t.startsWith("counsellor:") ? t.slice(11) : office.counsellors.find((c) => t.includes(c.name.ja) || t.toLowerCase().includes(c.name.en.toLowerCase()))?.id;
    if (id && office.counsellors.some((c) => c.id === id)) return done(id);
    say(turn, turn.m.intake.counsellorUnknown);
    counsellor.ask(turn);
    return again;
  },
  row: (turn, a) => (a.counsellor ? counsellorName(officeOf(turn)!, a.counsellor, turn.locale) : turn.m.rows.none),
  resets: ["when"],
};

const when: SlotDef = {
  name: "when",
  ask: (turn) => {
    const office = officeOf(turn)!;
    say(turn, turn.m.intake.askWhen, { datePicker: pickerBounds(office, turn.now) });
  },
  accept: async (turn, input) => {
    const answers = answersOf(turn.state);
    const office = officeOf(turn)!;
    const anyone = isAnyCounsellorChoice(input);
    const held = await answerWhen(turn, withoutAnyMarker(input), {
      office,
      counsellorId: anyone ? null : answers.counsellor,
      seekerNumber: answers.seekerNumber,
      contact: { email: answers.email, phone: answers.phone },
    });
    if (!held) return again;
    if (anyone) answers.counsellor = null;
    return done(held);
  },
  extract: (text, turn) => (parseWhen(text, { now: turn.now }).length > 0 ? text : undefined),
  row: (turn, a) => (a.when ? formatSlot(turn.locale, new Date(a.when.startsAt)) : undefined),
  forget: (turn) => releaseHold(turn.db, turn.conversation.id, turn.now),
};

const topic: SlotDef = {
  name: "topic",
  ask: (turn) => say(turn, turn.m.intake.askTopic),
  accept: (turn, input) => {
    const text = textOf(input).trim();
    if (text.length >= 2 && text.length <= MAX_TOPIC && input.kind === "text") return done(text);
    say(turn, turn.m.intake.topicInvalid);
    return again;
  },
  row: (_turn, a) => a.topic,
};

const support: SlotDef = {
  name: "support",
  ask: (turn) =>
    say(turn, turn.m.intake.askSupport, {
      choices: [
        { label: turn.m.intake.supportNone, value: "support:none" },
        { label: turn.m.intake.supportInterpreter, value: "support:interpreter" },
        { label: turn.m.intake.supportAssistant, value: "support:assistant" },
      ],
    }),
  accept: (turn, input) => {
    const t = textOf(input).trim();
    if (t === "support:none" || parseYesNo(t) === "no" || /不要|いらない|必要ない|not needed/i.test(t)) return done(null);
    if (parseYesNo(t) === "yes") {
      // 「はい」 says support is needed, not which: ask again with the kinds.
      support.ask(turn);
      return again;
    }
    if (t === "support:interpreter") return done(turn.m.intake.supportInterpreter);
    if (t === "support:assistant") return done(turn.m.intake.supportAssistant);
    if (t.length > 0 && t.length <= 200 && input.kind === "text") return done(t);
    support.ask(turn);
    return again;
  },
  row: (turn, a) => a.support ?? turn.m.rows.none,
};

// The counsellor is asked before the time, so that the hold is taken with the right person.
export const intake = defineFlow(
  "intake",
  [office, requester, consent, name, seekerNumber, establishmentNumber, email, phone, counsellor, when, topic, support],
  finish,
);

async function finish(turn: Turn, input: SlotInput | null): Promise<void> {
  const value = input?.kind === "choice" ? input.value : input?.kind === "text" ? input.text.trim() : "";
  if (value === "submit" || (input?.kind === "text" && /^(申し込む|申し込みます|申込む|お願いします|送信|submit|send)[。.!！]?$/i.test(value))) {
    return needsEmailCode(turn) ? sendEmailCode(turn) : submit(turn);
  }
  if (value === "verify:resend" && turn.state.emailCheck) return sendEmailCode(turn);
  if (input?.kind === "text" && turn.state.emailCheck) return checkCode(turn, input.text);
  if (value === "edit") {
    say(turn, turn.m.intake.askEditWhich, { choices: editChoices(turn, intake) });
    return;
  }
  if (value.startsWith("edit:") && (await edit(turn, intake, value.slice(5)))) return;
  showSummary(turn);
}

export function summaryCard(turn: Turn): BookingCard {
  const a = answersOf(turn.state);
  const office = officeOf(turn)!;
  return {
    reference: "",
    office: office.name[turn.locale],
    when: a.when ? formatSlot(turn.locale, new Date(a.when.startsAt)) : "",
    status: turn.m.status.held,
    statusCode: "held",
    rows: summaryRows(turn, intake).map(({ label, value }) => ({ label, value })),
  };
}

function showSummary(turn: Turn): void {
  const rows = summaryRows(turn, intake);
  say(turn, [turn.m.intake.summaryIntro, "", ...rows.map((r) => `${r.label}：${r.value}`)].join("\n"), { booking: summaryCard(turn) });
  say(turn, turn.m.intake.summaryAsk, {
    choices: [
      { label: turn.m.intake.submit, value: "submit" },
      { label: turn.m.intake.edit, value: "edit" },
      { label: turn.m.choice.stop, value: "stop" },
    ],
  });
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
  const code = text.normalize("NFKC").replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(code)) return say(turn, turn.m.verify.codeWrong, retry);
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
  if (!a.when || !a.name || !a.email || !a.phone || !a.topic) {
    turn.state.step = undefined;
    await drive(turn, intake, null);
    return;
  }
  const result = await requestBooking(turn.db, {
    holdId: a.when.holdId,
    office,
    details: {
      requesterKind: a.requester ?? "seeker",
      name: a.name,
      seekerNumber: a.seekerNumber,
      establishmentNumber: a.establishmentNumber,
      email: a.email,
      phone: a.phone,
      topic: a.topic,
      support: a.support,
      emailVerified: a.emailVerified === a.email,
    },
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
      status: turn.m.status.requested,
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
  const keep: Answers = {};
  const office = turn.state.answers?.office ?? (turn.conversation.officeId as OfficeId | null) ?? undefined;
  if (office) keep.office = office;
  // Someone who agreed to the current terms in this conversation is not asked again.
  const agreed = await latestConsent(turn.db, { channel: turn.conversation.channel, userKey: turn.conversation.userKey });
  if (agreed?.termsVersion === currentTerms(turn.config).version) keep.consent = { version: agreed.termsVersion, at: agreed.agreedAt.toISOString() };
  turn.state.flow = "intake";
  turn.state.step = undefined;
  turn.state.answers = keep;
  turn.state.history = undefined;
  return drive(turn, intake, null);
}

async function restartIntake(turn: Turn): Promise<void> {
  await abandonIntake(turn);
  say(turn, turn.m.menu.restarted);
  return startIntake(turn);
}

/** A time or a wish to book, written with no flow open, starts the intake; what else it says is kept. */
async function takeBookingWish(turn: Turn, text: string): Promise<boolean> {
  if (parseWhen(text, { now: turn.now }).length === 0 && !isBookingWish(text)) return false;
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
