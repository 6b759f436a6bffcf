// What the bot says in the seeker's chat (web or LINE) when staff act on a booking, the short
// acknowledgement mails, and the staff's LINE notice. Mail bodies for invitations, reminders,
// rejections and no-shows live in mail/wording.ts.
import type { Office } from "../config.ts";
import type { BookingCard, BotMessage, Locale } from "../messages.ts";
import { formatSlotEn, formatSlotJa } from "../jst.ts";
import type { StaffEvent } from "../notices.ts";

export interface ChatBooking {
  reference: string;
  office: Office;
  startsAt: Date;
  endsAt: Date;
  meetingUrl?: string | null;
  accessCode?: string | null;
}

const when = (locale: Locale, b: ChatBooking) => (locale === "ja" ? formatSlotJa(b.startsAt, b.endsAt) : formatSlotEn(b.startsAt, b.endsAt));

function card(locale: Locale, b: ChatBooking, statusCode: BookingCard["statusCode"], withMeeting: boolean): BookingCard {
  const status = {
    ja: { confirmed: "確定", rejected: "お受けできませんでした", cancelled: "取り消し", no_show: "取り消し(不参加)" },
    en: { confirmed: "Confirmed", rejected: "Not booked", cancelled: "Cancelled", no_show: "Cancelled (missed)" },
  }[locale] as Record<string, string>;
  return {
    reference: b.reference,
    office: b.office.name[locale],
    when: when(locale, b),
    status: status[statusCode] ?? statusCode,
    statusCode,
    ...(withMeeting && b.meetingUrl ? { meetingUrl: b.meetingUrl } : {}),
    ...(withMeeting && b.accessCode ? { rows: [{ label: locale === "ja" ? "アクセスコード" : "Access code", value: b.accessCode }] } : {}),
  };
}

function phoneLine(locale: Locale, office: Office): string {
  if (!office.phone) return locale === "ja" ? `${office.name.ja}へご連絡ください。` : `Or contact ${office.name.en}.`;
  return locale === "ja" ? `お電話でもどうぞ。\n${office.phone}` : `Or call ${office.name.en} on ${office.phone}.`;
}

const again = { ja: { label: "別の日時で予約する", value: "book" }, en: { label: "Book another time", value: "book" } };

export const chatWords = {
  invitation(locale: Locale, b: ChatBooking): BotMessage {
    const text =
      locale === "ja"
        ? [
            "ご予約が確定しました。",
            "開始時刻になったら、",
            "下のボタンから参加してください。",
            "案内のメールもお送りしました。",
            "",
            "開始から10分を過ぎても",
            "ご参加もご連絡もない場合は、",
            "取り消しとして扱います。",
          ].join("\n")
        : [
            "Your session is confirmed.",
            "At the start time, join with the button below. We have also sent you an email with the details.",
            "",
            "If you have not joined or contacted us by 10 minutes after the start, the booking is treated as cancelled.",
          ].join("\n");
    return { text, booking: card(locale, b, "confirmed", true) };
  },
  meetingChanged(locale: Locale, b: ChatBooking): BotMessage {
    const text =
      locale === "ja"
        ? ["参加用のURLまたは", "アクセスコードが変わりました。", "日時は変わりません。", "下の新しい内容で", "参加してください。", "メールでもお送りしました。"].join("\n")
        : "The meeting URL or access code of your session has changed. The date and time are the same: join with the new details below. We have also sent them by email.";
    return { text, booking: card(locale, b, "confirmed", true) };
  },
  reminder(locale: Locale, b: ChatBooking): BotMessage {
    const text =
      locale === "ja"
        ? [
            "ご予約の相談が近づきました。",
            "",
            "・個室から参加してください。",
            "・録画や録音はできません。",
            "・端末を最新の状態にして",
            "  ウイルス対策を有効に",
            "  してください。",
          ].join("\n")
        : [
            "A reminder of your session.",
            "",
            "- Join from a private room.",
            "- Recording is not allowed.",
            "- Update your device and turn on its virus protection.",
          ].join("\n");
    return { text, booking: card(locale, b, "confirmed", true) };
  },
  rejected(locale: Locale, b: ChatBooking, reason: string | null, alternatives: string[]): BotMessage {
    const lines =
      locale === "ja"
        ? ["申し訳ありません。", "ご希望の日時では", "予約をお受けできませんでした。"]
        : ["We are sorry: we could not book the time you asked for."];
    if (reason) lines.push("", locale === "ja" ? `理由: ${reason}` : `Reason: ${reason}`);
    if (alternatives.length > 0) {
      lines.push("", locale === "ja" ? "空いている日時の例です。" : "Some times that are free:", ...alternatives.map((a) => `・${a}`));
    }
    lines.push("", locale === "ja" ? "別の日時で予約できます。" : "You can book another time.", phoneLine(locale, b.office));
    return { text: lines.join("\n"), booking: card(locale, b, "rejected", false), choices: [again[locale]] };
  },
  cancelledByStaff(locale: Locale, b: ChatBooking, reason: string | null): BotMessage {
    const lines =
      locale === "ja"
        ? ["申し訳ありません。", "こちらの都合で、", "ご予約を取り消しました。"]
        : ["We are sorry: we have had to cancel your booking."];
    if (reason) lines.push("", locale === "ja" ? `理由: ${reason}` : `Reason: ${reason}`);
    lines.push("", locale === "ja" ? "別の日時で予約できます。" : "You can book another time.", phoneLine(locale, b.office));
    return { text: lines.join("\n"), booking: card(locale, b, "cancelled", false), choices: [again[locale]] };
  },
  /** The office closed the day (a typhoon): the booking is cancelled, other free times are offered. */
  closure(locale: Locale, b: ChatBooking, reason: string | null, alternatives: string[]): BotMessage {
    const lines =
      locale === "ja"
        ? ["申し訳ありません。", "臨時休業となったため、", "ご予約を取り消しました。"]
        : ["We are sorry: the office has had to close that day, so your booking is cancelled."];
    if (reason) lines.push("", locale === "ja" ? `理由: ${reason}` : `Reason: ${reason}`);
    if (alternatives.length > 0) {
      lines.push("", locale === "ja" ? "空いている日時の例です。" : "Some times that are free:", ...alternatives.map((a) => `・${a}`));
    }
    lines.push("", locale === "ja" ? "別の日時で予約できます。" : "You can book another time.", phoneLine(locale, b.office));
    return { text: lines.join("\n"), booking: card(locale, b, "cancelled", false), choices: [again[locale]] };
  },
  noShow(locale: Locale, b: ChatBooking): BotMessage {
    const text =
      locale === "ja"
        ? [
            "開始から10分を過ぎても",
            "ご参加がなかったため、",
            "ご予約は取り消しになりました。",
            "",
            "もう一度申し込むことができます。",
            "連絡のない不参加が続くと、",
            "オンライン相談を使えなく",
            "なることがあります。",
          ].join("\n")
        : [
            "You had not joined by 10 minutes after the start, so the booking was cancelled.",
            "",
            "You can book again. If bookings are missed again without notice, the office may stop offering you online sessions.",
          ].join("\n");
    return { text, booking: card(locale, b, "no_show", false), choices: [again[locale]] };
  },
  released(locale: Locale): BotMessage {
    return {
      text: locale === "ja" ? "担当者との会話を終えました。\nこのあとは自動でご案内します。" : "The conversation with our staff has ended. The bot will help you from here.",
    };
  },
};

/** The short mail that acknowledges what the seeker did in the chat. */
export const acknowledgementWords = {
  ja: {
    requested: {
      subject: (o: Office) => `【${o.name.ja}】お申し込みを受け付けました`,
      lead: ["オンライン職業相談の", "お申し込みを受け付けました。", "担当者が確認して、", "あらためてご案内します。", "まだ予約は確定していません。"],
    },
    changed: {
      subject: (o: Office) => `【${o.name.ja}】日時の変更を受け付けました`,
      lead: ["日時の変更を受け付けました。", "担当者が確認して、", "あらためてご案内します。"],
    },
    cancelled: {
      subject: (o: Office) => `【${o.name.ja}】予約を取り消しました`,
      lead: ["次のご予約を取り消しました。"],
    },
  },
  en: {
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
} as const;

const staffTitles: Record<StaffEvent, string> = {
  requested: "新しい申し込み",
  cancelled: "予約の取り消し",
  changed: "予約の変更",
  handoff: "担当者への引き継ぎ",
  now: "すぐの相談の希望",
  no_show: "不参加",
};

/** The staff LINE notice: what, which office, when, the reference and the link; never personal data. */
export function staffLineText(input: { event: StaffEvent; office: Office; startsAt?: Date; endsAt?: Date; reference?: string; at: Date; staffUrl: string }): string {
  return [
    `【相談予約】${staffTitles[input.event]}`,
    input.office.name.ja,
    ...(input.startsAt && input.endsAt ? [formatSlotJa(input.startsAt, input.endsAt)] : []),
    ...(input.reference ? [`予約番号 ${input.reference}`] : []),
    `受付 ${formatSlotJa(input.at, input.at).split("～")[0]}`,
    input.staffUrl,
  ].join("\n");
}
