// The words of every mail, in やさしい日本語 (see bot.ts for how it was written). notify/mail/compose.ts
// only arranges these blocks. Lines stay short (about 18 full-width characters) so they read well on a
// phone. A mail cannot show furigana, so nothing here carries the {漢字|かんじ} mark (test/i18n/
// easyJapanese.test.ts checks it): the kanji are the everyday ones the chat also uses.
import type { Office } from "../../config.ts";
import type { SeekerCatalogue } from "../catalogue.ts";
import type { ManageChat } from "../ja/mail.ts";
import { formats } from "./formats.ts";

const officeName = (office: Office) => office.name["ja-x-easy"];

/** The office's phone with its hours, or just its name when no phone is configured. */
function contactLines(office: Office): string[] {
  const hours = `時間：平日 ${formats.timeRange(office.openingHours.from, office.openingHours.to)}`;
  return office.phone ? [`${officeName(office)}に`, "電話で 連絡して ください。", `電話 ${office.phone}`, hours] : [`${officeName(office)}に`, "連絡して ください。", hours];
}

/** Where the seeker manages the booking in the chat: the signed link, or the chat page with the reference. */
function chatLines(chat: ManageChat | undefined): string[] {
  if (!chat) return [];
  const what = ["チャットで 日を かえる ことが できます。", "予約を やめる ことも できます。"];
  if (chat.link) return [...what, "下の URLを 開いて ください。", "相談が 始まるまで 使えます。", chat.link];
  return [...what, "チャットに 予約番号を 書きます。", "メールアドレスか 電話番号も 書きます。", chat.page];
}

/** What happens when the seeker neither joins nor gets in touch (as the consent summary says it). */
const noContact = ["10分 おくれて 連絡が ないとき、", "予約は なくなります。"];

export const mail = {
  greeting: (name: string) => [`${name} さん`],
  introduction: (office: Office) => `${officeName(office)}です。`,
  slotSection: (startsAt: Date, endsAt: Date, heading?: string) => [`■${heading ?? "日と 時間"}`, formats.slot(startsAt, endsAt)],
  meetingSection: (meetingUrl: string, accessCode?: string) => ["■相談に 入る URL", meetingUrl, ...(accessCode ? ["■アクセスコード", accessCode] : [])],
  joinSteps: (email: string) => [
    "■相談に 入る しかた",
    "1. 時間に なったら、",
    "   上の URLを 開きます。",
    "2. メールアドレスを 聞かれたら、",
    `   ${email}`,
    "   と 書きます。",
    "3. 相談に 入ります。",
  ],
  checklist: [
    "■相談の 日の 前に 読んで ください",
    "・一人の 部屋から 話して ください。",
    "  ほかの 人に 聞こえない ように します。",
    "・録画と 録音は できません。",
    "  どんな やり方でも だめです。",
    "・スマホや パソコンを",
    "  新しい 状態に して ください。",
    "・ファイアウォールと",
    "  ウイルス対策を 使って ください。",
    "・カメラが 必要です。",
    "・相談の お金は いりません。",
    "・インターネットの お金は",
    "  自分で 払います。",
  ],
  cancelSection: (office: Office, chat?: ManageChat) => [
    "■日を かえる とき・予約を やめる とき",
    ...chatLines(chat),
    ...(chat ? ["または、"] : []),
    ...contactLines(office),
    ...noContact,
  ],
  nextStepsSection: (office: Office, chatUrl?: string) => [
    "■これから できる こと",
    "・チャットで 別の 日を",
    "  選んで ください。",
    ...(chatUrl ? [`  ${chatUrl}`] : []),
    "・ハローワークに 直接",
    "  連絡する ことも できます。",
    ...contactLines(office).map((line) => `  ${line}`),
  ],
  referenceSection: (reference: string) => ["■予約番号", reference, "連絡する ときは この 番号を 教えて ください。"],
  signature: (office: Office) => [officeName(office)],
  invitation: {
    subject: (office: Office, start: string) => `【${officeName(office)}】相談の 案内 ${start}`,
    lead: ["インターネットの 相談の", "日と 時間が 決まりました。"],
    updatedSubject: (office: Office, start: string) => `【${officeName(office)}】新しい URL ${start}`,
    updatedLead: ["相談に 入る URLか", "アクセスコードが かわりました。", "日と 時間は かわりません。", "下の 新しい URLや コードを", "使って ください。"],
    calendarSummary: (office: Office) => `インターネットの 仕事の 相談(${officeName(office)})`,
    calendarDescription: (url: string, accessCode: string | undefined, reference: string) =>
      [`相談に 入る URL: ${url}`, ...(accessCode ? [`アクセスコード: ${accessCode}`] : []), `予約番号: ${reference}`].join("\n"),
  },
  seekerNotice: {
    rejected: {
      subject: (office: Office) => `【${officeName(office)}】その 日と 時間は 予約できませんでした`,
      lead: ["あなたが 選んだ 日と 時間は、", "予約できませんでした。"],
      slotHeading: "あなたが 選んだ 日と 時間",
    },
    cancelledByStaff: {
      subject: (office: Office) => `【${officeName(office)}】ハローワークが 予約を 取り消しました`,
      lead: ["すみません。", "ハローワークの 理由で、", "次の 予約を 取り消しました。"],
    },
    noShow: {
      subject: (office: Office) => `【${officeName(office)}】相談の 予約を 取り消しました`,
      lead: ["次の 予約の 相談に、", "10分 待っても あなたは", "入りませんでした。", "それで 予約を 取り消しました。"],
      again: ["もう一度 予約する ときは、", "チャットで 日と 時間を", "選んで ください。"],
      warning: ["連絡しないで 休む ことが 続くと、", "インターネットの 相談が", "できなく なる ことが あります。"],
    },
    reminder: {
      subject: (office: Office, start: string) => `【${officeName(office)}】相談の お知らせ ${start}`,
      lead: ["予約した 相談の 日が", "近づきました。"],
    },
    join: {
      subject: (office: Office, start: string) => `【${officeName(office)}】もうすぐ 相談 ${start}`,
      lead: ["予約した 相談が", "もうすぐ 始まります。", "時間に なったら、", "下の URLから 入って ください。"],
      lateSection: (office: Office, chat?: ManageChat) => [
        "■おくれる とき・出られない とき",
        ...contactLines(office),
        ...(chat ? ["始まる 前なら、", "チャットで 予約を やめる ことも できます。", ...chatLines(chat).slice(-1)] : []),
        ...noContact,
      ],
    },
    closure: {
      subject: (office: Office) => `【${officeName(office)}】急な 休みで 予約を 取り消しました`,
      lead: ["すみません。", "ハローワークが 急に 休みに なりました。", "それで 次の 予約を 取り消しました。"],
      alternativesHeading: "■あいて いる 日と 時間の 例",
    },
    reasonHeading: "■理由",
  },
} satisfies SeekerCatalogue["mail"];
