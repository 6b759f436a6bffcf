// What a stored code reads as. The database keeps the code; each reader shows it in their own language.
import type { Catalogue } from "../catalogue.ts";

export const codes = {
  status: {
    requested: "已受理（正在安排时间）",
    confirmed: "已确定（已发送通知）",
    held: "暂时保留",
    attended: "已完成",
    no_show: "未联系且未参加",
    cancelled: "已取消",
    rejected: "未能安排",
    expired: "已过期",
  },
  support: {
    interpreter: "需要翻译",
    assistant: "需要陪同人员",
  },
  reason: {
    slot_unavailable: "该时间没有可以接待的咨询员",
    not_eligible: "不符合在线咨询的条件",
    duplicate: "与其他申请重复",
    rescheduled: "已改到其他时间",
    seeker: "本人取消",
    no_contact_10_minutes: "开始后10分钟内没有联系",
    marked_by_staff: "由工作人员记录",
  },
} satisfies Catalogue["codes"];
