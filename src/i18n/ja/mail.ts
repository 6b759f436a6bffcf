// The words of every mail. notify/mail/compose.ts only arranges these blocks.
// Lines stay short (about 18 full-width characters) so they read well on a phone.
import type { Office } from "../../config.ts";
import { clockText } from "../../jst.ts";
import { formats } from "./formats.ts";

/** The office's phone with its hours, or just its name when no phone is configured. */
function contactLines(office: Office): string[] {
  const hours = `(平日 ${clockText(office.openingHours.from)}～${clockText(office.openingHours.to)})`;
  return office.phone ? [`${office.name.ja}へ`, "お電話でご連絡ください。", `電話 ${office.phone}`, hours] : [`${office.name.ja}へ`, "ご連絡ください。", hours];
}

/** Where the seeker manages the booking in the chat: the signed link, or the chat page with the reference. */
export interface ManageChat {
  link?: string;
  page: string;
}

function chatLines(chat: ManageChat | undefined): string[] {
  if (!chat) return [];
  if (chat.link) return ["チャットで、日時の変更や", "取り消しができます。", "次のリンクから開いてください", "(開始時刻まで使えます)。", chat.link];
  return ["チャットで、予約番号と", "メールアドレスか電話番号を", "入力すると、日時の変更や", "取り消しができます。", chat.page];
}

export const mail = {
  greeting: (name: string) => [`${name} 様`],
  introduction: (office: Office) => `${office.name.ja}です。`,
  slotSection: (startsAt: Date, endsAt: Date, heading?: string) => [`■${heading ?? "日時"}`, formats.slot(startsAt, endsAt)],
  meetingSection: (meetingUrl: string, accessCode?: string) => ["■参加用のURL", meetingUrl, ...(accessCode ? ["■アクセスコード", accessCode] : [])],
  joinSteps: (email: string) => [
    "■参加のしかた",
    "1. 開始時刻になったら、",
    "   上のURLを開きます。",
    "2. メールアドレスを聞かれたら、",
    `   ${email}`,
    "   と入力します。",
    "3. 通話に参加します。",
  ],
  checklist: [
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
  ],
  cancelSection: (office: Office, chat?: ManageChat) => [
    "■変更・取り消し",
    ...chatLines(chat),
    ...(chat ? ["または、"] : []),
    ...contactLines(office),
    "開始から10分を過ぎても",
    "ご参加もご連絡もない場合は、",
    "予約を取り消したものとして",
    "扱います。",
  ],
  nextStepsSection: (office: Office, chatUrl?: string) => [
    "■これからできること",
    "・チャットで別の日時を",
    "  選んでください。",
    ...(chatUrl ? [`  ${chatUrl}`] : []),
    "・ハローワークへ直接ご連絡",
    "  いただくこともできます。",
    ...contactLines(office).map((line) => `  ${line}`),
  ],
  referenceSection: (reference: string) => ["■予約番号", reference, "お問い合わせの際にお伝えください。"],
  signature: (office: Office) => [office.name.ja],
  invitation: {
    subject: (office: Office, start: string) => `【${office.name.ja}】オンライン職業相談のご案内 ${start}`,
    lead: ["オンライン職業相談の日時が", "決まりましたので、お知らせします。"],
    updatedSubject: (office: Office, start: string) => `【${office.name.ja}】参加用のURLが変わりました ${start}`,
    updatedLead: ["ご予約のオンライン職業相談の", "参加用のURLまたはアクセス", "コードが変わりました。", "日時は変わりません。", "新しい内容をお使いください。"],
    calendarSummary: (office: Office) => `オンライン職業相談(${office.name.ja})`,
    calendarDescription: (url: string, accessCode: string | undefined, reference: string) =>
      [`参加用のURL: ${url}`, ...(accessCode ? [`アクセスコード: ${accessCode}`] : []), `予約番号: ${reference}`].join("\n"),
  },
  seekerNotice: {
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
      warning: ["連絡のない不参加が続くと、", "オンラインでの相談を", "ご利用いただけなくなる", "ことがあります。"],
    },
    reminder: {
      subject: (office: Office, start: string) => `【${office.name.ja}】オンライン職業相談のお知らせ ${start}`,
      lead: ["ご予約のオンライン職業相談が", "近づきましたので、お知らせします。"],
    },
    join: {
      subject: (office: Office, start: string) => `【${office.name.ja}】まもなく相談が始まります ${start}`,
      lead: ["ご予約のオンライン職業相談が", "まもなく始まります。", "開始時刻になったら、", "下のURLから参加してください。"],
      lateSection: (office: Office, chat?: ManageChat) => [
        "■遅れるとき・参加できないとき",
        ...contactLines(office),
        ...(chat ? ["開始までは、チャットでも", "取り消しができます。", ...chatLines(chat).slice(-1)] : []),
        "開始から10分を過ぎても",
        "ご参加もご連絡もない場合は、",
        "予約を取り消したものとして",
        "扱います。",
      ],
    },
    closure: {
      subject: (office: Office) => `【${office.name.ja}】臨時休業のため予約を取り消しました`,
      lead: ["申し訳ありません。", "臨時休業となったため、", "次の予約を取り消しました。"],
      alternativesHeading: "■空いている日時の例",
    },
    reasonHeading: "■理由",
  },
  staffNotice: {
    subjectTag: "【相談予約】",
    dear: (office: Office) => `${office.name.ja} ご担当者様`,
    events: {
      requested: { title: "新しい申し込み", lead: ["予約の申し込みがありました。", "内容を確認して、確定または", "お断りの連絡をしてください。"] },
      cancelled: { title: "予約の取り消し", lead: ["予約が取り消されました。"] },
      changed: { title: "予約の変更", lead: ["予約の日時が変更されました。"] },
      handoff: { title: "担当者への引き継ぎ", lead: ["利用者が担当者との会話を", "希望しています。"] },
      now: { title: "すぐの相談の希望", lead: ["今すぐ相談したいという", "希望がありました。"] },
      no_show: { title: "不参加", lead: ["開始から10分を過ぎても", "参加も連絡もありませんでした。", "予約は取り消し扱いです。"] },
    },
    office: "■窓口",
    reference: "■予約番号",
    at: "■受付日時",
    language: "■ご利用の言語",
    support: (help: string) => `（${help}）`,
    person: "■申込者",
    name: "氏名",
    seekerNumber: "求職番号",
    email: "メール",
    phone: "電話",
    topic: "相談内容",
    noDetails: ["申込者の情報は、", "下のページで確認してください。"],
    link: "■確認・対応",
  },
};
