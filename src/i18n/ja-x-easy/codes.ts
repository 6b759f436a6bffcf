// What a stored code reads as. The database keeps the code; each reader shows it in their own language.
import type { SeekerCatalogue } from "../catalogue.ts";
import type { SupportCode } from "../../booking/details.ts";
import type { StatusReasonCode } from "../../booking/reasons.ts";
import type { BookingStatus } from "../../store/schema.ts";

export const codes = {
  /** A booking's status as the seeker reads it: in the bot's answer about their bookings and on every booking card. */
  status: {
    requested: "受付済み（日時調整中）",
    confirmed: "確定（招待メール送信済み）",
    held: "仮押さえ中",
    attended: "相談済み",
    no_show: "連絡なしキャンセル",
    cancelled: "取り消し済み",
    rejected: "お受けできませんでした",
    expired: "期限切れ",
  } satisfies Record<BookingStatus, string>,
  /** The help asked for at the session: the seeker's choice in the intake, and what staff read. */
  support: {
    interpreter: "通訳が必要",
    assistant: "介助者が同席する",
  } satisfies Record<SupportCode, string>,
  /** Why a booking was declined or ended: what the seeker is told, and what staff read. */
  reason: {
    slot_unavailable: "その日時は相談員の都合がつきません",
    not_eligible: "オンライン相談の対象外です",
    duplicate: "同じ内容の申込みが別にあります",
    rescheduled: "日時の変更",
    seeker: "ご本人による取り消し",
    no_contact_10_minutes: "開始10分後までに連絡なし",
    marked_by_staff: "職員が記録",
  } satisfies Record<StatusReasonCode, string>,
} satisfies SeekerCatalogue["codes"];
