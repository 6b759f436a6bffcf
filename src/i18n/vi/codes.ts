// What a stored code reads as. The database keeps the code; each reader shows it in their own language.
import type { Catalogue } from "../catalogue.ts";

export const codes = {
  status: {
    requested: "Đã tiếp nhận (đang sắp xếp giờ)",
    confirmed: "Đã xác nhận (đã gửi thư mời)",
    held: "Đang giữ chỗ",
    attended: "Đã tư vấn",
    no_show: "Vắng mặt không báo",
    cancelled: "Đã hủy",
    rejected: "Không sắp xếp được",
    expired: "Đã hết hạn",
  },
  support: {
    interpreter: "Phiên dịch",
    assistant: "Người hỗ trợ đi cùng",
  },
  reason: {
    slot_unavailable: "Không có tư vấn viên rảnh vào giờ đó",
    not_eligible: "Không đủ điều kiện tư vấn trực tuyến",
    duplicate: "Trùng với yêu cầu khác",
    rescheduled: "Đã đổi sang giờ khác",
    seeker: "Người đặt lịch tự hủy",
    no_contact_10_minutes: "Không liên lạc trong 10 phút sau giờ bắt đầu",
    marked_by_staff: "Nhân viên ghi nhận",
  },
} satisfies Catalogue["codes"];
