// The words of every mail in Tiếng Việt. How this catalogue was written and checked: see index.ts.
import type { Office } from "../../config.ts";
import { clockText } from "../../jst.ts";
import type { SeekerCatalogue } from "../catalogue.ts";
import type { ManageChat } from "../ja/mail.ts";
import { formats } from "./formats.ts";

/** The office's Vietnamese name (the office file's, else its romanised one: config.ts). */
const officeName = (office: Office) => office.name.vi;

function contactLine(office: Office): string {
  const hours = `ngày thường ${clockText(office.openingHours.from)}–${clockText(office.openingHours.to)}`;
  return office.phone ? `Vui lòng gọi cho ${officeName(office)} theo số ${office.phone} (${hours}).` : `Vui lòng liên lạc với ${officeName(office)} (${hours}).`;
}

function chatLines(chat: ManageChat | undefined): string[] {
  if (!chat) return [];
  if (chat.link) return ["Bạn có thể đổi giờ hoặc hủy trong cuộc trò chuyện. Vui lòng mở từ đường link này (dùng được đến giờ bắt đầu):", chat.link];
  return ["Bạn có thể đổi giờ hoặc hủy trong cuộc trò chuyện: nhập mã đặt lịch và địa chỉ email hoặc số điện thoại tại đó.", chat.page];
}

export const mail = {
  greeting: (name: string) => [`Kính gửi ${name},`],
  introduction: (office: Office) => `Đây là ${officeName(office)}.`,
  slotSection: (startsAt: Date, endsAt: Date, heading?: string) => [heading ?? "Ngày giờ", `${formats.slot(startsAt, endsAt)} (giờ Nhật Bản)`],
  meetingSection: (meetingUrl: string, accessCode?: string) => ["Đường link tham gia", meetingUrl, ...(accessCode ? ["Mã truy cập", accessCode] : [])],
  joinSteps: (email: string) => [
    "Cách tham gia",
    "1. Đến giờ bắt đầu, mở đường link ở trên.",
    `2. Khi được hỏi địa chỉ email, nhập ${email}`,
    "3. Tham gia cuộc gọi.",
  ],
  checklist: [
    "Trước ngày hẹn",
    "- Vui lòng tham gia từ một phòng riêng, nơi người khác không nghe thấy.",
    "- Nghiêm cấm ghi hình, ghi âm buổi tư vấn dưới mọi hình thức.",
    "- Cập nhật thiết bị, bật tường lửa và phần mềm diệt virus.",
    "- Cần có webcam.",
    "- Tư vấn miễn phí; phí dữ liệu mạng do bạn tự trả.",
  ],
  cancelSection: (office: Office, chat?: ManageChat) => [
    "Đổi hoặc hủy lịch",
    ...chatLines(chat),
    ...(chat ? ["Hoặc:"] : []),
    contactLine(office),
    "Nếu quá 10 phút sau giờ bắt đầu mà bạn không tham gia và không liên lạc, lịch hẹn được xem như đã hủy.",
  ],
  nextStepsSection: (office: Office, chatUrl?: string) => [
    "Bạn có thể làm gì bây giờ",
    `- Chọn giờ khác trong cuộc trò chuyện${chatUrl ? `: ${chatUrl}` : "."}`,
    `- Hoặc liên lạc trực tiếp với chúng tôi. ${contactLine(office)}`,
  ],
  referenceSection: (reference: string) => ["Mã đặt lịch", reference, "Vui lòng cho biết mã này khi liên lạc với chúng tôi."],
  signature: (office: Office) => [officeName(office)],
  invitation: {
    subject: (office: Office, start: string) => `[${officeName(office)}] Buổi tư vấn việc làm trực tuyến, ${start}`,
    lead: ["Lịch tư vấn việc làm trực tuyến của bạn đã được xác nhận."],
    updatedSubject: (office: Office, start: string) => `[${officeName(office)}] Thông tin tham gia mới, ${start}`,
    updatedLead: ["Đường link hoặc mã truy cập của buổi tư vấn việc làm trực tuyến đã thay đổi. Ngày giờ không đổi; vui lòng dùng thông tin mới bên dưới."],
    calendarSummary: (office: Office) => `Tư vấn việc làm trực tuyến (${officeName(office)})`,
    calendarDescription: (url: string, accessCode: string | undefined, reference: string) =>
      [`Đường link tham gia: ${url}`, ...(accessCode ? [`Mã truy cập: ${accessCode}`] : []), `Mã đặt lịch: ${reference}`].join("\n"),
  },
  seekerNotice: {
    rejected: {
      subject: (office: Office) => `[${officeName(office)}] Không thể đặt lịch vào giờ bạn yêu cầu`,
      lead: ["Xin lỗi, chúng tôi không thể đặt lịch tư vấn việc làm trực tuyến vào giờ bạn yêu cầu."],
      slotHeading: "Giờ bạn yêu cầu",
    },
    cancelledByStaff: {
      subject: (office: Office) => `[${officeName(office)}] Buổi tư vấn việc làm trực tuyến đã bị hủy`,
      lead: ["Rất xin lỗi, vì lý do từ phía chúng tôi, lịch hẹn này đã bị hủy."],
    },
    noShow: {
      subject: (office: Office) => `[${officeName(office)}] Buổi tư vấn việc làm trực tuyến đã bị hủy`,
      lead: ["Quá 10 phút sau giờ bắt đầu mà bạn chưa tham gia, nên lịch hẹn đã bị hủy."],
      again: ["Để đặt lại, vui lòng chọn giờ mới trong cuộc trò chuyện."],
      warning: ["Nếu tiếp tục vắng mặt không báo, văn phòng có thể ngừng cung cấp tư vấn trực tuyến cho bạn."],
    },
    reminder: {
      subject: (office: Office, start: string) => `[${officeName(office)}] Nhắc lịch: tư vấn việc làm trực tuyến, ${start}`,
      lead: ["Chúng tôi xin nhắc bạn về buổi tư vấn việc làm trực tuyến."],
    },
    join: {
      subject: (office: Office, start: string) => `[${officeName(office)}] Buổi tư vấn sắp bắt đầu, ${start}`,
      lead: ["Buổi tư vấn việc làm trực tuyến của bạn sắp bắt đầu. Đến giờ bắt đầu, vui lòng tham gia bằng đường link bên dưới."],
      lateSection: (office: Office, chat?: ManageChat) => [
        "Nếu bạn đến muộn hoặc không thể tham gia",
        contactLine(office),
        ...(chat ? ["Trước giờ bắt đầu, bạn cũng có thể hủy trong cuộc trò chuyện:", ...chatLines(chat).slice(-1)] : []),
        "Nếu quá 10 phút sau giờ bắt đầu mà bạn không tham gia và không liên lạc, lịch hẹn được xem như đã hủy.",
      ],
    },
    closure: {
      subject: (office: Office) => `[${officeName(office)}] Văn phòng nghỉ đột xuất: lịch hẹn đã bị hủy`,
      lead: ["Rất xin lỗi, văn phòng phải nghỉ vào ngày đó nên lịch hẹn này đã bị hủy."],
      alternativesHeading: "Một số giờ còn trống",
    },
    reasonHeading: "Lý do",
  },
} satisfies SeekerCatalogue["mail"];
