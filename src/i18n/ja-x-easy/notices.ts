// What the bot says in the seeker's chat when staff act on a booking, the short mails that
// acknowledge what the seeker did, and the staff's LINE notice. notify/ arranges these lines.
import type { SeekerCatalogue } from "../catalogue.ts";
import type { Office } from "../../config.ts";

export const notices = {
  accessCode: "アクセスコード",
  bookAgainChoice: "別の日時で予約する",
  invitation: [
    "ご予約が確定しました。",
    "開始時刻になったら、",
    "下のボタンから参加してください。",
    "案内のメールもお送りしました。",
    "",
    "開始から10分を過ぎても",
    "ご参加もご連絡もない場合は、",
    "取り消しとして扱います。",
  ],
  meetingChanged: ["参加用のURLまたは", "アクセスコードが変わりました。", "日時は変わりません。", "下の新しい内容で", "参加してください。", "メールでもお送りしました。"],
  reminder: ["ご予約の相談が近づきました。", "", "・個室から参加してください。", "・録画や録音はできません。", "・端末を最新の状態にして", "  ウイルス対策を有効に", "  してください。"],
  join: (office: Office) => [
    "まもなくご予約の相談が",
    "始まります。",
    "開始時刻になったら、",
    "下のボタンから参加してください。",
    "",
    "遅れるときや参加できないときは、",
    ...(office.phone ? ["お電話でご連絡ください。", office.phone] : [`${office.name.ja}へ`, "ご連絡ください。"]),
  ],
  rejected: ["申し訳ありません。", "ご希望の日時では", "予約をお受けできませんでした。"],
  cancelledByStaff: ["申し訳ありません。", "こちらの都合で、", "ご予約を取り消しました。"],
  closure: ["申し訳ありません。", "臨時休業となったため、", "ご予約を取り消しました。"],
  noShow: [
    "開始から10分を過ぎても",
    "ご参加がなかったため、",
    "ご予約は取り消しになりました。",
    "",
    "もう一度申し込むことができます。",
    "連絡のない不参加が続くと、",
    "オンライン相談を使えなく",
    "なることがあります。",
  ],
  released: "担当者との会話を終えました。\nこのあとは自動でご案内します。",
  reason: (reason: string) => `理由: ${reason}`,
  alternativesHeading: "空いている日時の例です。",
  bookAgain: "別の日時で予約できます。",
  contact: (office: Office) => (office.phone ? `お電話でもどうぞ。\n${office.phone}` : `${office.name.ja}へご連絡ください。`),
  /** The short mail that acknowledges what the seeker did in the chat. */
  acknowledgement: {
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
  /** A freed time offered to a person on the waitlist, and what comes after. */
  waitlist: {
    offer: (slot: string, until: string) => ["キャンセル待ちの日時に", "空きが出ました。", "", slot, "", `${until}まで仮押さえしています。`, "予約に進みますか？"],
    accept: "予約に進む",
    decline: "今回は見送る",
    lapsed: "ご案内した日時は、期限が過ぎたため\nほかの方にお回ししました。\nキャンセル待ちは終了しました。",
    ended: (window: string) => `${window}\nは受付を締め切ったため、\nキャンセル待ちを終了しました。`,
    mailSubject: (o: Office) => `【${o.name.ja}】キャンセル待ちの日時に空きが出ました`,
    mailLead: (until: string) => ["キャンセル待ちの日時に空きが出ました。", `${until}まで仮押さえしています。`, "予約に進むには、キャンセル待ちを", "申し込んだチャットを開き、", "「予約に進む」を選んでください。"],
  },
} satisfies SeekerCatalogue["notices"];
