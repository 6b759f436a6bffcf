// What only the LINE channel says: answers to things the flows never see (stickers, groups), and
// the words of its own rendering (the picker button, card labels).
import type { SeekerCatalogue } from "../catalogue.ts";
export const line = {
  pleaseType: "すみません、スタンプや画像などは\n読み取ることができません。\nお手数ですが、文字でお書きいただくか、\nボタンからお選びください。",
  unreadableChoice: "すみません、選んだ内容を\n読み取れませんでした。\nもう一度ボタンからお選びいただくか、\n文字でお書きください。",
  groupNote: "ご予約や確認は、このアカウントと\n1対1のトークでお受けしています。\n友だち追加のうえ、個別に\n話しかけてください。",
  pickDateTime: "日時を選ぶ",
  booking: "ご予約",
  reference: "予約番号",
  join: "ビデオ通話に参加する",
  /** The rich menu's bar that opens and closes it (LINE: at most 14 characters, every locale together). */
  menuBar: "メニュー",
} satisfies SeekerCatalogue["line"];
