import type { Catalogue } from "../catalogue.ts";

export const line = {
  pleaseType: "Xin lỗi, tôi không đọc được sticker, ảnh hoặc tệp.\nVui lòng nhập tin nhắn, hoặc bấm một nút bên dưới.",
  unreadableChoice: "Xin lỗi, tôi không đọc được lựa chọn của bạn.\nVui lòng chọn lại bằng các nút, hoặc nhập tin nhắn.",
  groupNote: "Chỉ nhận đặt lịch trong cuộc trò chuyện riêng với tài khoản này.\nVui lòng kết bạn với tài khoản và nhắn tin ở đó.",
  pickDateTime: "Chọn ngày",
  booking: "Lịch hẹn",
  reference: "Mã đặt lịch",
  join: "Tham gia cuộc gọi video",
  menuBar: "Menu",
} satisfies Catalogue["line"];
