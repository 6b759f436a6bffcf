import type { Locale } from "../../messages.ts";

// What only the LINE channel says: answers to things the flows never see (stickers, groups).
export const lineWords = {
  ja: {
    pleaseType: "すみません、スタンプや画像などは\n読み取ることができません。\nお手数ですが、文字でお書きいただくか、\nボタンからお選びください。",
    groupNote: "ご予約や確認は、このアカウントと\n1対1のトークでお受けしています。\n友だち追加のうえ、個別に\n話しかけてください。",
  },
  en: {
    pleaseType: "Sorry, I cannot read stickers, photos or files.\nPlease type your message, or tap one of the buttons.",
    groupNote: "Bookings are taken in a one-to-one chat with this account.\nPlease add it as a friend and talk to it there.",
  },
} satisfies Record<Locale, Record<string, string>>;
