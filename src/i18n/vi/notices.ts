// LINE and chat notices in Tiếng Việt. How this catalogue was written and checked: see index.ts.
import type { Office } from "../../config.ts";
import type { SeekerCatalogue } from "../catalogue.ts";

const officeName = (office: Office) => office.name.vi;

export const notices = {
  accessCode: "Mã truy cập",
  bookAgainChoice: "Đặt giờ khác",
  invitation: [
    "Buổi tư vấn của bạn đã được xác nhận.",
    "Đến giờ bắt đầu, vui lòng tham gia bằng nút bên dưới. Chúng tôi cũng đã gửi email kèm thông tin chi tiết.",
    "",
    "Nếu quá 10 phút sau giờ bắt đầu mà bạn không tham gia và không liên lạc, lịch hẹn được xem như đã hủy.",
  ],
  meetingChanged: [
    "Đường link hoặc mã truy cập của buổi tư vấn đã thay đổi. Ngày giờ không đổi: vui lòng tham gia bằng thông tin mới bên dưới. Chúng tôi cũng đã gửi qua email.",
  ],
  reminder: ["Nhắc lịch buổi tư vấn của bạn.", "", "- Vui lòng tham gia từ một phòng riêng.", "- Nghiêm cấm ghi hình, ghi âm.", "- Cập nhật thiết bị và bật phần mềm diệt virus."],
  join: (office: Office) => [
    "Buổi tư vấn của bạn sắp bắt đầu. Đến giờ bắt đầu, vui lòng tham gia bằng nút bên dưới.",
    "",
    office.phone
      ? `Nếu bạn đến muộn hoặc không thể tham gia, vui lòng gọi cho ${officeName(office)} theo số ${office.phone}.`
      : `Nếu bạn đến muộn hoặc không thể tham gia, vui lòng liên lạc với ${officeName(office)}.`,
  ],
  rejected: ["Xin lỗi, chúng tôi không thể đặt lịch vào giờ bạn yêu cầu."],
  cancelledByStaff: ["Rất xin lỗi, chúng tôi buộc phải hủy lịch hẹn của bạn."],
  closure: ["Rất xin lỗi, văn phòng phải nghỉ vào ngày đó nên lịch hẹn của bạn đã bị hủy."],
  noShow: [
    "Quá 10 phút sau giờ bắt đầu mà bạn chưa tham gia, nên lịch hẹn đã bị hủy.",
    "",
    "Bạn có thể đặt lịch lại. Nếu tiếp tục vắng mặt không báo, văn phòng có thể ngừng cung cấp tư vấn trực tuyến cho bạn.",
  ],
  released: "Cuộc trò chuyện với nhân viên đã kết thúc. Từ đây trợ lý tự động sẽ giúp bạn.",
  reason: (reason: string) => `Lý do: ${reason}`,
  alternativesHeading: "Một số giờ còn trống:",
  bookAgain: "Bạn có thể đặt giờ khác.",
  contact: (office: Office) => (office.phone ? `Hoặc gọi cho ${officeName(office)} theo số ${office.phone}.` : `Hoặc liên lạc với ${officeName(office)}.`),
  acknowledgement: {
    requested: {
      subject: (o: Office) => `[${officeName(o)}] Chúng tôi đã nhận yêu cầu của bạn`,
      lead: ["Chúng tôi đã nhận yêu cầu tư vấn việc làm trực tuyến của bạn. Lịch chưa được xác nhận: nhân viên sẽ kiểm tra và liên lạc lại với bạn."],
    },
    changed: {
      subject: (o: Office) => `[${officeName(o)}] Chúng tôi đã nhận yêu cầu đổi lịch`,
      lead: ["Chúng tôi đã nhận ngày giờ mới của bạn. Nhân viên sẽ kiểm tra và liên lạc lại với bạn."],
    },
    cancelled: {
      subject: (o: Office) => `[${officeName(o)}] Lịch hẹn của bạn đã bị hủy`,
      lead: ["Lịch hẹn này đã được hủy."],
    },
  },
  waitlist: {
    offer: (slot: string, until: string) => ["Giờ bạn đang chờ đã có chỗ trống:", "", slot, "", `Chúng tôi giữ cho bạn đến ${until}.`, "Bạn có muốn đặt giờ này không?"],
    accept: "Đặt giờ này",
    decline: "Lần này thôi",
    lapsed: "Giờ chúng tôi mời đã hết hạn và đã chuyển cho người tiếp theo. Chỗ chờ của bạn đã kết thúc.",
    ended: (window: string) => `Việc nhận yêu cầu cho ${window} đã đóng, nên chỗ chờ của bạn đã kết thúc.`,
    mailSubject: (o: Office) => `[${officeName(o)}] Giờ bạn đang chờ đã có chỗ trống`,
    mailLead: (until: string) => [
      "Giờ bạn đang chờ đã có chỗ trống.",
      `Chúng tôi giữ cho bạn đến ${until}.`,
      'Để đặt, vui lòng mở cuộc trò chuyện bạn đã đăng ký chờ và chọn "Đặt giờ này".',
    ],
  },
} satisfies SeekerCatalogue["notices"];
