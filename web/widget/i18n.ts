// The widget's own words (buttons, labels, error states). The bot's words come from the server.

export type WidgetLocale = "ja" | "en";

const ja = {
  launcher: "相談を予約",
  launcherLabel: "チャットで相談を予約する",
  title: "オンライン相談の予約",
  close: "閉じる",
  otherLocale: "English",
  otherLocaleLabel: "Switch to English",
  log: "会話",
  you: "あなた",
  bot: "自動案内",
  staff: "担当者",
  input: "メッセージ",
  placeholder: "メッセージを入力",
  send: "送信",
  picker: "日時を選ぶ",
  pickerSend: "この日時で送る",
  choices: "選択肢",
  sending: "返信を待っています",
  offline: "サーバーにつながりませんでした。\n通信状態をご確認のうえ、\nもう一度お試しください。",
  phone: (office: string, phone: string) => `お電話でもご予約いただけます。\n${office} ${phone}`,
  retry: "もう一度試す",
  rateLimited: (seconds: number) => `送信が続いたため、受付を一時止めています。\n${seconds}秒ほど待ってから、\nもう一度お送りください。`,
  handoff: "担当者とお話し中です。\n返信をこのままお待ちください。",
  expired: "前回の会話の期限が切れたため、\n新しく始めます。",
  reference: "予約番号",
  office: "窓口",
  when: "日時",
  status: "状態",
  meeting: "相談のURL",
  weekdays: ["日", "月", "火", "水", "木", "金", "土"],
  dateTime: (y: number, m: number, d: number, wd: string, hm: string) => `${m}月${d}日(${wd}) ${hm}`,
};

export type Strings = typeof ja;

const en: Strings = {
  launcher: "Book a session",
  launcherLabel: "Book a counselling session by chat",
  title: "Book online counselling",
  close: "Close",
  otherLocale: "日本語",
  otherLocaleLabel: "日本語に切り替える",
  log: "Conversation",
  you: "You",
  bot: "Assistant",
  staff: "Staff",
  input: "Message",
  placeholder: "Type a message",
  send: "Send",
  picker: "Pick a date and time",
  pickerSend: "Send this time",
  choices: "Choices",
  sending: "Waiting for a reply",
  offline: "We could not reach the server.\nPlease check your connection and try again.",
  phone: (office: string, phone: string) => `You can also book by phone:\n${office} ${phone}`,
  retry: "Try again",
  rateLimited: (seconds: number) => `Too many messages in a short time.\nPlease wait about ${seconds} seconds and send it again.`,
  handoff: "You are talking with a member of staff.\nPlease wait here for their reply.",
  expired: "Your earlier conversation has expired, so we are starting a new one.",
  reference: "Reference",
  office: "Office",
  when: "Date and time",
  status: "Status",
  meeting: "Meeting URL",
  weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  dateTime: (_y: number, m: number, d: number, wd: string, hm: string) =>
    `${wd} ${d} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${hm}`,
};

export const strings: Record<WidgetLocale, Strings> = { ja, en };

/** 'YYYY-MM-DDTHH:mm' (Asia/Tokyo wall clock) as offices write it, whatever the browser's time zone. */
export function formatLocal(s: Strings, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (!match) return value;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return s.dateTime(y, m, d, s.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!, match[4]!);
}
