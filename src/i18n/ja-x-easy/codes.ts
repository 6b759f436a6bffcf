// What a stored code reads as, in やさしい日本語 (see bot.ts for how it was written). The database keeps
// the code; each reader shows it in their own language, so staff still read these codes in Japanese.
// Kanji carry their reading, {漢字|かんじ}: a booking card and the chat show furigana in the widget, and
// LINE and mail read the kanji alone (a reason reaches mail only through notify/mail/compose.ts's body).
import type { SeekerCatalogue } from "../catalogue.ts";

export const codes = {
  /** A booking's status as the seeker reads it: in the bot's answer about their bookings and on every booking card. */
  status: {
    requested: "{受|う}け{付|つ}けました（{日|ひ}と {時間|じかん}は まだです）",
    confirmed: "{決|き}まりました（{案内|あんない}の メールを {送|おく}りました）",
    held: "{少|すこ}しの {間|あいだ} とって あります",
    attended: "{相談|そうだん}が {終|お}わりました",
    no_show: "{連絡|れんらく}が なく {来|こ}なかったので {取|と}り{消|け}しました",
    cancelled: "{取|と}り{消|け}しました",
    rejected: "{予約|よやく}できませんでした",
    expired: "{期限|きげん}が {過|す}ぎました",
  },
  /** The help asked for at the session: the seeker's choice in the intake (a button; typed, it is still understood: i18n supportCode). */
  support: {
    interpreter: "{通訳|つうやく}が {必要|ひつよう}",
    assistant: "{手伝|てつだ}う {人|ひと}も いっしょに {出|で}る",
  },
  /** Why a booking was declined or ended: what the seeker is told in the chat and in mail. */
  reason: {
    slot_unavailable: "その {日|ひ}と {時間|じかん}は {相談員|そうだんいん}が あいて いません",
    not_eligible: "この {相談|そうだん}は インターネットでは できません",
    duplicate: "{同|おな}じ {申|もう}し{込|こ}みが ほかにも あります",
    rescheduled: "{日|ひ}と {時間|じかん}を かえました",
    seeker: "あなたが {取|と}り{消|け}しました",
    no_contact_10_minutes: "{始|はじ}まって 10{分|ぷん}の {間|あいだ}に {連絡|れんらく}が ありませんでした",
    marked_by_staff: "ハローワークの {人|ひと}が {記録|きろく}しました",
  },
} satisfies SeekerCatalogue["codes"];
