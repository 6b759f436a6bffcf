// Commands a seeker may send at any point in a conversation. Only short, command-like messages
// count: 「キャンセル待ちはありますか」 is a question, not a cancellation.
import { catalogues, locales } from "../i18n/index.ts";
import { labelKey } from "./label.ts";

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

/** Chinese and Vietnamese commands, matched after their polite openings and endings are taken off. */
const ZH_LEAD = /^(?:您好|你好|请问|请|麻烦|我想要|我想|我要|想要|想|帮我)[，,\s]*/;
const ZH_TAIL = /(?:一下|吧|可以吗|可以么|谢谢|谢谢您)*$/;
const VI_LEAD = /^(?:(?:xin chào|chào|dạ|da|cho|xin|làm ơn|lam on)[,\s]+)*(?:(?:tôi|toi|em|mình|minh|cháu|chau)\s+)?(?:(?:muốn|muon|cần|can|xin|được|duoc)\s+)?/;
const VI_TAIL = /(?:[,\s]+(?:ạ|a|nhé|nhe|nha|với|voi|giúp tôi|giup toi|được không|duoc khong|cho tôi|cho toi))*$/;

const WORLD_PATTERNS: Array<[Intent, RegExp]> = [
  ["cancel", /^(?:取消(?:预约|咨询)?|预约取消)$|^(?:hủy|huỷ|huy)(?:\s+(?:lịch hẹn|lịch|lich hen|lich|đặt lịch|dat lich|hẹn|hen|buổi tư vấn))?$/],
  ["change", /^(?:更改|修改|改)(?:一下)?(?:预约|时间|日期|日程)?$|^改期$|^(?:换|换个)时间$|^(?:đổi|doi|dời|doi|thay đổi|thay doi)(?:\s+(?:lịch hẹn|lịch|lich hen|lich|giờ|gio|ngày|ngay|thời gian|thoi gian))?$/],
  ["status", /^(?:查看|查询|确认)(?:我的)?预约$|^我的预约$|^预约(?:情况|状态)$|^(?:xem|kiểm tra|kiem tra)\s+(?:lịch hẹn|lich hen|lịch|lich)(?:\s+(?:của tôi|cua toi))?$|^lịch hẹn của tôi$/],
  ["human", /^(?:人工|人工客服|转人工|真人)$|^(?:找|联系|和|跟)(?:工作人员|人工|真人)(?:说话|谈|联系)?$|^(?:nói chuyện|noi chuyen|gặp|gap|liên hệ|lien he)\s+(?:với\s+|voi\s+)?(?:nhân viên|nhan vien|người thật|nguoi that)$|^(?:nhân viên|nhan vien)$/],
  ["back", /^(?:返回|上一步|回到上一步)$|^(?:quay lại|quay lai|trở lại|tro lai)$/],
  ["restart", /^(?:重新开始|重来|从头开始)$|^(?:làm lại|lam lai|bắt đầu lại|bat dau lai)(?:\s+(?:từ đầu|tu dau))?$/],
  ["stop", /^(?:结束|停止|退出|不办了)$|^(?:dừng|dung lai|dừng lại|thoát|thoat|kết thúc|ket thuc)$/],
  ["help", /^(?:帮助|怎么用|使用方法|求助)$|^(?:trợ giúp|tro giup|giúp đỡ|giup do|hướng dẫn|huong dan)$/],
  ["book", /^(?:预约|预约咨询|咨询预约|预约面谈|约个时间)$|^(?:đặt lịch|dat lich|đặt hẹn|dat hen|hẹn lịch|đặt lịch hẹn)(?:\s+(?:tư vấn|tu van))?$/],
  ["now", /^(?:现在|马上|立即|立刻)(?:咨询|谈|通话)$|^(?:tư vấn|tu van|nói chuyện|noi chuyen)\s+(?:ngay|bây giờ|bay gio)$/],
  ["faq", /^(?:常见问题|问题|我有问题|有问题)$|^(?:câu hỏi|cau hoi|câu hỏi thường gặp|hỏi|tôi có câu hỏi)$/],
];

function worldIntent(text: string): Intent | null {
  const s = text.normalize("NFKC").toLowerCase().trim().replace(/[。.!！?？\s]+$/, "");
  const zh = s.replace(ZH_LEAD, "").replace(ZH_TAIL, "");
  const vi = s.replace(VI_LEAD, "").replace(VI_TAIL, "");
  for (const [intent, pattern] of WORLD_PATTERNS) if (pattern.test(s) || pattern.test(zh) || pattern.test(vi)) return intent;
  return null;
}

const MENU_INTENTS = ["book", "status", "change", "cancel", "now", "faq", "human"] as const;

/** The menu's own labels, in every language: a label typed reaches the flow its button opens. */
const MENU_LABELS = new Map<string, Intent>(locales.flatMap((locale) => MENU_INTENTS.map((intent) => [labelKey(catalogues[locale].bot.menu[intent]), intent] as const)));

/** The command in a short message, or null when the message is not clearly one. */
export function detectIntent(text: string): Intent | null {
  const label = MENU_LABELS.get(labelKey(text));
  if (label) return label;
  const s = text.normalize("NFKC").trim().replace(LEADING_FILLER, "");
  if (s.length === 0 || s.length > 30) return null;
  const core = s.replace(POLITE_TAIL, "").trim();
  for (const [intent, pattern] of PATTERNS) {
    if (pattern.test(core) || pattern.test(s.replace(/[。.!！?？\s]+$/, ""))) return intent;
  }
  return worldIntent(s);
}

const BOOKING_WISH = /予約(し|を取|をと|をお願い|お願い|できますか|したい)|相談(し|を)?たい|\b(book|appointment|reserve|reservation)\b|(?:想|要)(?:预约|咨询)|预约咨询|đặt lịch|dat lich|đặt hẹn|muốn (?:được )?tư vấn/i;

/** A wish to book anywhere in a message, however long: 「来週あたり相談したいのですが」. */
export function isBookingWish(text: string): boolean {
  return BOOKING_WISH.test(text);
}

/** 「申し込みます」: the summary is right, send the request. */
export function saysSubmit(text: string): boolean {
  return /^(申し込む|申し込みます|申込む|お願いします|送信|submit|send|提交|提交申请|确认提交|gửi|gửi yêu cầu|gửi đi|gui|gui yeu cau)[。.!！]?$/i.test(text);
}
