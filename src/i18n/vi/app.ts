import type { Catalogue } from "../catalogue.ts";

export const app = {
  name: "Trợ lý đặt lịch tư vấn",
  unavailable: "Hệ thống tạm thời không hoạt động. Vui lòng thử lại sau ít phút.",
} satisfies Catalogue["app"];
