// Commands a seeker may send at any point in a conversation. Only short, command-like messages
// count: 「キャンセル待ちはありますか」 is a question, not a cancellation.
import { catalogues, locales } from "../i18n/index.ts";

export type Intent = "cancel" | "change" | "status" | "human" | "back" | "restart" | "stop" | "help" | "book" | "faq" | "now" | "waitlist" | "leaveWaitlist";

const POLITE_TAIL = /(?:を|が)?\s*(?:したいです|したいのですが|したいんですが|したい|します|してください|して下さい|して|お願いします|おねがいします|お願いいたします|をお願いします|ください|下さい|です|できますか|できる\??|したいんだけど|したいのですけど|希望)?[。.!！?？\s]*$/;
const LEADING_FILLER = /^(?:すみません|すいません|あの|あのー|えっと|えーと|ちょっと|やっぱり|やっぱ)[、,\s]*/;

const PATTERNS: Array<[Intent, RegExp]> = [
  ["leaveWaitlist", /^キャンセル待ち(?:を|は|の登録を?)?\s*(?:やめる|やめます|やめたい|止める|取り?消(?:す|し|したい)?|解除|辞退|キャンセル)(?:したい|する|します)?$|^(?:leave|quit|cancel) (?:the |my )?(?:waitlist|waiting list)$/i],
  ["waitlist", /^(?:キャンセル待ち|きゃんせるまち)(?:の)?(?:確認|状況|順番|状態)?$|^(?:my )?(?:waitlist|waiting list)(?: (?:place|status))?$/i],
  ["cancel", /^(?:(?:予約|相談|面談)の?を?\s*)?(?:キャンセル(?!待ち)|取り?消(?:す|し)?|取りやめ|とりけ(?:す|し)?|きゃんせる)(?:したい|する|します|して|たい)?$|^cancel(?: (?:my|the|a) )?(?:booking|appointment|reservation)?$/i],
  ["change", /^(?:(?:予約|日時|日程|時間|日にち|予約日)の?を?\s*)?(?:変更|へんこう|変え(?:たい)?|ずらし(?:たい)?)(?:したい|する|します|して)?$|^(?:日時|日程|時間|日にち)の?変更$|^(?:reschedule|change(?: (?:my |the )?(?:booking|appointment|reservation|time|date))?)$/i],
  ["status", /^(?:予約|相談の予約)の?を?\s*(?:確認|状況|内容)(?:したい|する|します)?$|^予約(?:は)?(?:できて(?:ます|います|る)|どうなって(?:ます|います|る))か?$|^(?:check )?(?:my )?(?:booking|appointment|reservation)(?: status)?$|^status$/i],
  ["human", /^(?:人|ひと|人間|担当者?|担当の方|職員|相談員|スタッフ|オペレーター|窓口)(?:の方)?(?:と|に)(?:話したい|はなしたい|話す|話せますか|つないで|繋いで|代わって|かわって)(?:です)?$|^(?:オペレーター|有人対応|有人|人間|担当者)$|^(?:talk|speak) to (?:a |an )?(?:person|human|someone|staff|agent|operator)$|^(?:human|agent|operator|staff)$/i],
  ["back", /^(?:前に|まえに|一つ前に|ひとつ前に|1つ前に)?(?:戻る|もどる|戻って|戻りたい|戻ります)$|^(?:go )?back$/i],
  ["restart", /^(?:最初から|はじめから|初めから|始めから)(?:やり直(?:し|す|したい)|やりなおし)?$|^(?:やり直し|やりなおし|やり直す|リセット)$|^(?:start over|restart|reset|start again)$/i],
  ["stop", /^(?:やめる|やめます|やめたい|止める|中止|中断|終了|終わり|おわり|終わる|もういい|もういいです)$|^(?:stop|quit|exit|end)$/i],
  ["help", /^(?:ヘルプ|へるぷ|使い方|つかいかた|使い方を教えて|助けて|たすけて|どうすればいい|どうすればいいですか|\?|？)$|^help(?: me)?$/i],
  ["book", /^(?:(?:オンライン)?(?:相談|面談)の?)?(?:予約|よやく)(?:を取りたい|をとりたい|取りたい|したい|する|します)?$|^(?:新規予約|予約する|相談したい|相談の予約)$|^(?:book|make a (?:booking|reservation|appointment)|book (?:a |an )?(?:session|appointment))$/i],
  ["now", /^(?:今すぐ|いますぐ|今から|いまから|すぐに?)(?:オンライン)?(?:相談|面談|話)(?:が|を)?(?:したい|する|します|できますか|できる|お願いします|したいです)?$|^(?:talk|speak|consult)(?: to (?:someone|a counsellor|a counselor))? (?:right )?now$/i],
  ["faq", /^(?:よくある質問|質問|しつもん|質問があります|聞きたいことがあります|faq|questions?)$/i],
];

const MENU_INTENTS = ["book", "status", "change", "cancel", "now", "faq", "human"] as const;
const bare = (text: string) => text.normalize("NFKC").trim().replace(/[。.!！?？\s]+$/, "").toLowerCase();

/** The menu's own labels, in every language: a label typed reaches the flow its button opens. */
const MENU_LABELS = new Map<string, Intent>(locales.flatMap((locale) => MENU_INTENTS.map((intent) => [bare(catalogues[locale].bot.menu[intent]), intent] as const)));

/** The command in a short message, or null when the message is not clearly one. */
export function detectIntent(text: string): Intent | null {
  const label = MENU_LABELS.get(bare(text));
  if (label) return label;
  const s = text.normalize("NFKC").trim().replace(LEADING_FILLER, "");
  if (s.length === 0 || s.length > 30) return null;
  const core = s.replace(POLITE_TAIL, "").trim();
  for (const [intent, pattern] of PATTERNS) {
    if (pattern.test(core) || pattern.test(s.replace(/[。.!！?？\s]+$/, ""))) return intent;
  }
  return null;
}

const BOOKING_WISH = /予約(し|を取|をと|をお願い|お願い|できますか|したい)|相談(し|を)?たい|\b(book|appointment|reserve|reservation)\b/i;

/** A wish to book anywhere in a message, however long: 「来週あたり相談したいのですが」. */
export function isBookingWish(text: string): boolean {
  return BOOKING_WISH.test(text);
}

/** 「申し込みます」: the summary is right, send the request. */
export function saysSubmit(text: string): boolean {
  return /^(申し込む|申し込みます|申込む|お願いします|送信|submit|send)[。.!！]?$/i.test(text);
}
