// The words of every mail, in Japanese and English. compose.ts only arranges these blocks.
// Japanese lines stay short (about 18 full-width characters) so they read well on a phone.
import type { Office } from "../../config.ts";
import { formatDateEn, formatDateJa, formatSlotEn, formatSlotJa, jstDate, jstTime } from "../../jst.ts";
import type { StaffEvent } from "../../notices.ts";

export type MailLocale = "ja" | "en";

/** 08:30 → 8:30, the way the office prints its hours. */
function clock(time: string): string {
  return time.replace(/^0(\d)/, "$1");
}

/** 12月3日(木) 14:00 */
export function formatInstantJa(at: Date): string {
  return `${formatDateJa(jstDate(at))} ${jstTime(at)}`;
}

/** Thu 3 Dec, 14:00 */
export function formatInstantEn(at: Date): string {
  return `${formatDateEn(jstDate(at))}, ${jstTime(at)}`;
}

export function startLabel(locale: MailLocale, startsAt: Date): string {
  return locale === "ja" ? `${formatInstantJa(startsAt)}～` : formatInstantEn(startsAt);
}

export function officeName(office: Office, locale: MailLocale): string {
  return office.name[locale];
}

export function greeting(locale: MailLocale, name: string): string[] {
  return [locale === "ja" ? `${name} 様` : `Dear ${name},`];
}

export function introduction(locale: MailLocale, office: Office): string {
  return locale === "ja" ? `${office.name.ja}です。` : `This is ${office.name.en}.`;
}

export function slotSection(locale: MailLocale, startsAt: Date, endsAt: Date, heading?: string): string[] {
  return locale === "ja"
    ? [`■${heading ?? "日時"}`, formatSlotJa(startsAt, endsAt)]
    : [heading ?? "When", `${formatSlotEn(startsAt, endsAt)} (Japan time)`];
}

export function meetingSection(locale: MailLocale, meetingUrl: string, accessCode?: string): string[] {
  const lines = locale === "ja" ? ["■参加用のURL", meetingUrl] : ["Meeting URL", meetingUrl];
  if (accessCode) lines.push(...(locale === "ja" ? ["■アクセスコード", accessCode] : ["Access code", accessCode]));
  return lines;
}

export function joinSteps(locale: MailLocale, email: string): string[] {
  return locale === "ja"
    ? [
        "■参加のしかた",
        "1. 開始時刻になったら、",
        "   上のURLを開きます。",
        "2. メールアドレスを聞かれたら、",
        `   ${email}`,
        "   と入力します。",
        "3. 通話に参加します。",
      ]
    : [
        "How to join",
        "1. At the start time, open the meeting URL above.",
        `2. When asked for your email address, enter ${email}`,
        "3. Join the call.",
      ];
}

export function checklist(locale: MailLocale): string[] {
  return locale === "ja"
    ? [
        "■当日までにご確認ください",
        "・ほかの人に聞こえない",
        "  個室から参加してください。",
        "・録画や録音は、どんな方法でも",
        "  禁止です。",
        "・端末を最新の状態にして、",
        "  ファイアウォールと",
        "  ウイルス対策を有効にして",
        "  ください。",
        "・Webカメラが必要です。",
        "・相談は無料です。通信料は",
        "  ご自身の負担になります。",
      ]
    : [
        "Before the day",
        "- Join from a private room where no one else can hear you.",
        "- Recording or taping the session, by any means, is not allowed.",
        "- Update your device, and turn on its firewall and virus protection.",
        "- You need a webcam.",
        "- The counselling is free; any data charges are yours.",
      ];
}

/** The office's phone with its hours, or just its name when no phone is configured. */
function contactLines(locale: MailLocale, office: Office): string[] {
  const hours = `${clock(office.openingHours.from)}～${clock(office.openingHours.to)}`;
  if (locale === "ja") {
    return office.phone
      ? [`${office.name.ja}へ`, "お電話でご連絡ください。", `電話 ${office.phone}`, `(平日 ${hours})`]
      : [`${office.name.ja}へ`, "ご連絡ください。", `(平日 ${hours})`];
  }
  const hoursEn = `weekdays ${hours.replace("～", "–")}`;
  return office.phone
    ? [`Please call ${office.name.en} on ${office.phone} (${hoursEn}).`]
    : [`Please contact ${office.name.en} (${hoursEn}).`];
}

export function cancelSection(locale: MailLocale, office: Office): string[] {
  return locale === "ja"
    ? [
        "■取り消し・変更",
        ...contactLines(locale, office),
        "開始から10分を過ぎても",
        "ご参加もご連絡もない場合は、",
        "予約を取り消したものとして",
        "扱います。",
      ]
    : [
        "To cancel or change",
        ...contactLines(locale, office),
        "If you have not joined or contacted us by 10 minutes after the start time, the booking is treated as cancelled.",
      ];
}

export function nextStepsSection(locale: MailLocale, office: Office, chatUrl?: string): string[] {
  if (locale === "ja") {
    return [
      "■これからできること",
      "・チャットで別の日時を",
      "  選んでください。",
      ...(chatUrl ? [`  ${chatUrl}`] : []),
      "・ハローワークへ直接ご連絡",
      "  いただくこともできます。",
      ...contactLines(locale, office).map((line) => `  ${line}`),
    ];
  }
  return [
    "What you can do now",
    `- Choose another time in the chat${chatUrl ? `: ${chatUrl}` : "."}`,
    `- Or talk to us directly. ${contactLines(locale, office).join(" ")}`,
  ];
}

export function referenceSection(locale: MailLocale, reference: string): string[] {
  return locale === "ja"
    ? ["■予約番号", reference, "お問い合わせの際にお伝えください。"]
    : ["Booking reference", reference, "Please quote it when you contact us."];
}

export function signature(office: Office, locale: MailLocale): string[] {
  return [office.name[locale]];
}

export const invitationWords = {
  ja: {
    subject: (office: Office, start: string) => `【${office.name.ja}】オンライン職業相談のご案内 ${start}`,
    lead: ["オンライン職業相談の日時が", "決まりましたので、お知らせします。"],
    updatedSubject: (office: Office, start: string) => `【${office.name.ja}】参加用のURLが変わりました ${start}`,
    updatedLead: ["ご予約のオンライン職業相談の", "参加用のURLまたはアクセス", "コードが変わりました。", "日時は変わりません。", "新しい内容をお使いください。"],
    calendarSummary: (office: Office) => `オンライン職業相談(${office.name.ja})`,
    calendarDescription: (url: string, accessCode: string | undefined, reference: string) =>
      [`参加用のURL: ${url}`, ...(accessCode ? [`アクセスコード: ${accessCode}`] : []), `予約番号: ${reference}`].join("\n"),
  },
  en: {
    subject: (office: Office, start: string) => `[${office.name.en}] Your online job counselling, ${start}`,
    lead: ["Your online job counselling session is booked."],
    updatedSubject: (office: Office, start: string) => `[${office.name.en}] New joining details for your counselling, ${start}`,
    updatedLead: ["The meeting URL or access code of your online job counselling session has changed. The date and time are the same; please use the new details below."],
    calendarSummary: (office: Office) => `Online job counselling (${office.name.en})`,
    calendarDescription: (url: string, accessCode: string | undefined, reference: string) =>
      [`Meeting URL: ${url}`, ...(accessCode ? [`Access code: ${accessCode}`] : []), `Booking reference: ${reference}`].join("\n"),
  },
} as const;

export const seekerNoticeWords = {
  ja: {
    rejected: {
      subject: (office: Office) => `【${office.name.ja}】ご希望の日時で予約できませんでした`,
      lead: ["お申し込みの日時では、", "オンライン職業相談の予約を", "お受けできませんでした。"],
      slotHeading: "ご希望の日時",
    },
    cancelledByStaff: {
      subject: (office: Office) => `【${office.name.ja}】オンライン職業相談の取り消し`,
      lead: ["申し訳ありません。", "こちらの都合で、", "次の予約を取り消しました。"],
    },
    noShow: {
      subject: (office: Office) => `【${office.name.ja}】オンライン職業相談を取り消しました`,
      lead: ["次の予約の時間に、", "開始から10分を過ぎても", "ご参加がありませんでした。", "そのため、予約は取り消しと", "なりました。"],
      again: ["もう一度申し込む場合は、", "チャットで日時を選んでください。"],
      warning: [
        "連絡のない不参加が続くと、",
        "オンラインでの相談を",
        "ご利用いただけなくなる",
        "ことがあります。",
      ],
    },
    reminder: {
      subject: (office: Office, start: string) => `【${office.name.ja}】オンライン職業相談のお知らせ ${start}`,
      lead: ["ご予約のオンライン職業相談が", "近づきましたので、お知らせします。"],
    },
    closure: {
      subject: (office: Office) => `【${office.name.ja}】臨時休業のため予約を取り消しました`,
      lead: ["申し訳ありません。", "臨時休業となったため、", "次の予約を取り消しました。"],
      alternativesHeading: "■空いている日時の例",
    },
    reasonHeading: "■理由",
  },
  en: {
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
      lead: [
        "You had not joined this session by 10 minutes after the start time, so the booking was cancelled.",
      ],
      again: ["To book again, choose a new time in the chat."],
      warning: ["If bookings are missed again without notice, the office may stop offering you online sessions."],
    },
    reminder: {
      subject: (office: Office, start: string) => `[${office.name.en}] Reminder: online job counselling, ${start}`,
      lead: ["This is a reminder of your online job counselling session."],
    },
    closure: {
      subject: (office: Office) => `[${office.name.en}] The office is closed: your booking is cancelled`,
      lead: ["We are sorry: the office has had to close that day, so this booking is cancelled."],
      alternativesHeading: "Some times that are free",
    },
    reasonHeading: "Reason",
  },
} as const;


export const staffNoticeWords = {
  ja: {
    subjectTag: "【相談予約】",
    dear: (office: Office) => `${office.name.ja} ご担当者様`,
    events: {
      requested: { title: "新しい申し込み", lead: ["予約の申し込みがありました。", "内容を確認して、確定または", "お断りの連絡をしてください。"] },
      cancelled: { title: "予約の取り消し", lead: ["予約が取り消されました。"] },
      changed: { title: "予約の変更", lead: ["予約の日時が変更されました。"] },
      handoff: { title: "担当者への引き継ぎ", lead: ["利用者が担当者との会話を", "希望しています。"] },
      now: { title: "すぐの相談の希望", lead: ["今すぐ相談したいという", "希望がありました。"] },
      no_show: { title: "不参加", lead: ["開始から10分を過ぎても", "参加も連絡もありませんでした。", "予約は取り消し扱いです。"] },
    } satisfies Record<StaffEvent, { title: string; lead: string[] }>,
    office: "■窓口",
    reference: "■予約番号",
    at: "■受付日時",
    person: "■申込者",
    name: "氏名",
    seekerNumber: "求職番号",
    email: "メール",
    phone: "電話",
    topic: "相談内容",
    noDetails: ["申込者の情報は、", "下のページで確認してください。"],
    link: "■確認・対応",
  },
  en: {
    subjectTag: "[Booking] ",
    dear: (office: Office) => `To the staff of ${office.name.en}`,
    events: {
      requested: { title: "New request", lead: ["A booking has been requested. Please confirm it or decline it."] },
      cancelled: { title: "Booking cancelled", lead: ["A booking has been cancelled."] },
      changed: { title: "Booking changed", lead: ["The date or time of a booking has changed."] },
      handoff: { title: "Handoff to staff", lead: ["A user would like to talk to a member of staff."] },
      now: { title: "Session wanted now", lead: ["A user would like a session straight away."] },
      no_show: { title: "No-show", lead: ["No one joined or got in touch by 10 minutes after the start. The booking is treated as cancelled."] },
    } satisfies Record<StaffEvent, { title: string; lead: string[] }>,
    office: "Office",
    reference: "Booking reference",
    at: "Received",
    person: "Applicant",
    name: "Name",
    seekerNumber: "Seeker number",
    email: "Email",
    phone: "Phone",
    topic: "Topic",
    noDetails: ["The applicant's details are on the staff page below."],
    link: "Open in the staff page",
  },
} as const;
