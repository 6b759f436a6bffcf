// What the bot says in the seeker's chat when staff act on a booking, the short mails that
// acknowledge what the seeker did, and the staff's LINE notice, in やさしい日本語 (see bot.ts for how
// it was written). notify/ arranges these lines. The chat's words carry furigana, {漢字|かんじ}: the
// widget shows it, LINE reads the kanji alone (line/render.ts). What goes into a mail (acknowledgement,
// waitlist.mailSubject and mailLead) carries none: a mail cannot show it.
import type { Office } from "../../config.ts";
import type { SeekerCatalogue } from "../catalogue.ts";
import { withoutRuby } from "../ruby.ts";

const officeName = (office: Office) => office.name["ja-x-easy"];
/** The button that takes a freed time, named again in the mail that offers it. */
const accept = "{予約|よやく}する";

export const notices = {
  /** A card's label; the meeting's own screen calls it so. */
  accessCode: "アクセスコード",
  bookAgainChoice: "{別|べつ}の {日|ひ}に {予約|よやく}する",
  invitation: [
    "{予約|よやく}が {決|き}まりました。",
    "{時間|じかん}に なったら、",
    "{下|した}の ボタンから {相談|そうだん}に {入|はい}って ください。",
    "{案内|あんない}の メールも {送|おく}りました。",
    "",
    "10{分|ぷん} おくれて {連絡|れんらく}が ないとき、",
    "{予約|よやく}は なくなります。",
  ],
  meetingChanged: [
    "{相談|そうだん}に {入|はい}る URLか",
    "アクセスコードが かわりました。",
    "{日|ひ}と {時間|じかん}は かわりません。",
    "{下|した}の {新|あたら}しい ボタンから {入|はい}って ください。",
    "メールでも {送|おく}りました。",
  ],
  reminder: [
    "{予約|よやく}した {相談|そうだん}の {日|ひ}が {近|ちか}づきました。",
    "",
    "・{一人|ひとり}の {部屋|へや}から {話|はな}して ください。",
    "・{録画|ろくが}と {録音|ろくおん}は できません。",
    "・スマホや パソコンを {新|あたら}しい {状態|じょうたい}に して ください。",
    "・ウイルス{対策|たいさく}を {使|つか}って ください。",
  ],
  join: (office: Office) => [
    "もうすぐ {相談|そうだん}が {始|はじ}まります。",
    "{時間|じかん}に なったら、",
    "{下|した}の ボタンから {相談|そうだん}に {入|はい}って ください。",
    "",
    "おくれる ときや {出|で}られない ときは、",
    ...(office.phone ? ["{電話|でんわ}で {連絡|れんらく}して ください。", office.phone] : [`${officeName(office)}に {連絡|れんらく}して ください。`]),
  ],
  rejected: ["すみません。", "あなたが {選|えら}んだ {日|ひ}と {時間|じかん}は", "{予約|よやく}できませんでした。"],
  cancelledByStaff: ["すみません。", "ハローワークの {理由|りゆう}で、", "{予約|よやく}を {取|と}り{消|け}しました。"],
  closure: ["すみません。", "ハローワークが {急|きゅう}に {休|やす}みに なりました。", "それで {予約|よやく}を {取|と}り{消|け}しました。"],
  noShow: [
    "10{分|ぷん} {待|ま}っても あなたは {相談|そうだん}に {入|はい}りませんでした。",
    "それで {予約|よやく}を {取|と}り{消|け}しました。",
    "",
    "もう{一度|いちど} {予約|よやく}が できます。",
    "{連絡|れんらく}しないで {休|やす}む ことが {続|つづ}くと、",
    "インターネットの {相談|そうだん}が",
    "できなく なる ことが あります。",
  ],
  released: "{係|かかり}の {人|ひと}との {話|はなし}は {終|お}わりました。\nここからは {自動|じどう}で {案内|あんない}します。",
  reason: (reason: string) => `{理由|りゆう}：${reason}`,
  alternativesHeading: "あいて いる {日|ひ}と {時間|じかん}の {例|れい}です。",
  bookAgain: "{別|べつ}の {日|ひ}に {予約|よやく}できます。",
  contact: (office: Office) =>
    office.phone ? `{電話|でんわ}でも {連絡|れんらく}できます。\n${office.phone}` : `${officeName(office)}に {連絡|れんらく}して ください。`,
  /** The short mail that acknowledges what the seeker did in the chat (no furigana: a mail). */
  acknowledgement: {
    requested: {
      subject: (o: Office) => `【${officeName(o)}】相談の 申し込みを 受け付けました`,
      lead: ["相談の 申し込みを 受け付けました。", "まだ 予約は 決まって いません。", "係の 人が 確認します。", "そして また 連絡します。"],
    },
    changed: {
      subject: (o: Office) => `【${officeName(o)}】日を かえる 申し込みを 受け付けました`,
      lead: ["日と 時間を かえる 申し込みを", "受け付けました。", "係の 人が 確認します。", "そして また 連絡します。"],
    },
    cancelled: {
      subject: (o: Office) => `【${officeName(o)}】予約を やめました`,
      lead: ["次の 予約を やめました。"],
    },
  },
  /** A freed time offered to a person on the waitlist, and what comes after. */
  waitlist: {
    offer: (slot: string, until: string) => [
      "あなたが {待|ま}って いた {時間|じかん}が あきました。",
      "",
      slot,
      "",
      `${until}まで あなたの ために とって あります。`,
      "{予約|よやく}しますか？",
    ],
    accept,
    decline: "{今回|こんかい}は {予約|よやく}しない",
    lapsed: "{知|し}らせた {時間|じかん}は {期限|きげん}が {過|す}ぎました。\nほかの {人|ひと}の {予約|よやく}に なりました。\nキャンセル{待|ま}ちは {終|お}わりました。",
    ended: (window: string) => `${window}\nの {受付|うけつけ}は {終|お}わりました。\nそれで キャンセル{待|ま}ちも {終|お}わりました。`,
    mailSubject: (o: Office) => `【${officeName(o)}】待って いた 時間が あきました`,
    mailLead: (until: string) => [
      "あなたが 待って いた 時間が あきました。",
      `${until}まで とって あります。`,
      "予約する ときは、",
      "キャンセル待ちを 申し込んだ",
      "チャットを 開いて ください。",
      `そして「${withoutRuby(accept)}」を 選んで ください。`,
    ],
  },
} satisfies SeekerCatalogue["notices"];
