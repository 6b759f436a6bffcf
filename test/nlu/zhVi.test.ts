import { describe, expect, it } from "vitest";
import { asksForLanguage, detectIntent, isBookingWish, looksEnglish, parseYesNo, saysSubmit } from "../../src/nlu/index.ts";

describe("yes and no in 简体中文 and Tiếng Việt", () => {
  it.each(["是的", "好的", "可以", "没问题", "好的，麻烦了", "可以啊", "我同意", "Vâng", "dạ vâng ạ", "Đúng rồi!", "có, tôi đồng ý", "được ạ", "dung roi", "không có vấn đề gì"])("reads %j as yes", (text) => {
    expect(parseYesNo(text)).toBe("yes");
  });

  it.each(["不是", "不用了", "不对", "不同意", "Không", "Không, cảm ơn", "không phải", "sai rồi", "ko", "khong dong y"])("reads %j as no", (text) => {
    expect(parseYesNo(text)).toBe("no");
  });

  it("takes a hedge or a contradiction as neither", () => {
    expect(parseYesNo("có lẽ không")).toBeNull();
    expect(parseYesNo("我再想想")).toBeNull();
    expect(parseYesNo("Mai")).toBeNull();
  });
});

describe("commands in 简体中文 and Tiếng Việt", () => {
  it.each([
    ["取消预约", "cancel"],
    ["我想取消预约", "cancel"],
    ["我想改一下时间", "change"],
    ["查看预约", "status"],
    ["转人工", "human"],
    ["返回", "back"],
    ["重新开始", "restart"],
    ["结束", "stop"],
    ["帮助", "help"],
    ["我想预约", "book"],
    ["现在咨询", "now"],
    ["常见问题", "faq"],
    ["Hủy lịch hẹn", "cancel"],
    ["tôi muốn hủy lịch ạ", "cancel"],
    ["đổi lịch", "change"],
    ["xem lịch hẹn", "status"],
    ["nói chuyện với nhân viên", "human"],
    ["quay lại", "back"],
    ["làm lại từ đầu", "restart"],
    ["dừng", "stop"],
    ["hướng dẫn", "help"],
    ["Tôi muốn đặt lịch tư vấn", "book"],
    ["dat lich", "book"],
    ["tư vấn ngay", "now"],
    ["câu hỏi", "faq"],
  ] as const)("reads %j as %s", (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  it("takes a question about a command as no command", () => {
    expect(detectIntent("取消预约需要什么手续吗")).toBeNull();
    expect(detectIntent("Tôi có thể hủy lịch hẹn qua điện thoại không?")).toBeNull();
  });

  it("finds a wish to book in a longer message, and a wish to send the request", () => {
    expect(isBookingWish("我想预约下周三上午")).toBe(true);
    expect(isBookingWish("tôi muốn đặt lịch vào thứ Hai")).toBe(true);
    expect(saysSubmit("提交")).toBe(true);
    expect(saysSubmit("Gửi")).toBe(true);
  });
});

describe("asking for Chinese or Vietnamese", () => {
  it.each([
    ["中文", "zh-Hans"],
    ["简体中文", "zh-Hans"],
    ["Chinese", "zh-Hans"],
    ["中国語", "zh-Hans"],
    ["Tiếng Việt", "vi"],
    ["tieng viet", "vi"],
    ["Vietnamese", "vi"],
    ["ベトナム語", "vi"],
  ] as const)("reads %j as a wish for %s", (text, locale) => {
    expect(asksForLanguage(text)).toBe(locale);
  });

  it("still reads the languages it had", () => {
    expect(asksForLanguage("英语")).toBe("en");
    expect(asksForLanguage("tiếng Nhật")).toBe("ja");
  });
});

describe("Vietnamese typed without its marks", () => {
  it("is not taken for English (which would switch a Japanese conversation to English)", () => {
    expect(looksEnglish("toi muon dat lich tu van")).toBe(false);
    expect(looksEnglish("xin chao")).toBe(false);
    expect(looksEnglish("I would like to book a session")).toBe(true);
  });
});
