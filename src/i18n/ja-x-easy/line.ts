// What only the LINE channel says, in やさしい日本語 (see bot.ts for how it was written): answers to
// things the flows never see (stickers, groups), and the words of its own rendering (the picker
// button, card labels). LINE cannot show furigana, so these texts carry no {漢字|かんじ} marks (the
// card's labels and the picker's button reach LINE as written: line/render.ts).
import type { SeekerCatalogue } from "../catalogue.ts";
export const line = {
  pleaseType: "すみません。\nスタンプや 写真は 読めません。\n文字を 書いて ください。\nボタンを 選んでも いいです。",
  unreadableChoice: "すみません。\n選んだ ものが わかりませんでした。\nもう一度 ボタンを 選んで ください。\n文字を 書いても いいです。",
  groupNote: "予約は 1対1の トークで します。\nこの アカウントを 友だちに 入れて ください。\nそして 1対1で 書いて ください。",
  /** The date-time picker's quick-reply button (LINE: at most 20 characters). */
  pickDateTime: "日と 時間を 選ぶ",
  booking: "予約",
  reference: "予約番号",
  /** The card's button that opens the meeting (LINE: at most 20 characters). */
  join: "ビデオで 相談に 入る",
  /** The rich menu's bar that opens and closes it (LINE: at most 14 characters, every locale together). */
  menuBar: "メニュー",
} satisfies SeekerCatalogue["line"];
