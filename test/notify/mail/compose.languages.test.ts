import { describe, expect, it } from "vitest";
import { invitationMail } from "../../../src/notify/mail/compose.ts";
import { sampleInvitation as booking } from "../offices.ts";

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

// The invitation and its .ics in 简体中文 and Tiếng Việt: dates in each language's own form
// (12月3日（周四）下午2:00; thứ Năm, 3/12 — day before month), the office by its name for that language.
describe("the invitation in Chinese and Vietnamese", () => {
  it("writes the Chinese mail with the Chinese date and the calendar in Chinese", () => {
    const mail = invitationMail(booking, "zh-Hans");
    expect(mail.subject).toBe("【Hello Work Nagasaki】在线职业咨询通知 12月3日（周四）下午2:00起");
    expect(mail.text).toContain("12月3日（周四）下午2:00～2:30（日本时间）");
    expect(mail.text).toContain("您的在线职业咨询时间已经确定");
    const [ics] = mail.attachments ?? [];
    expect(ics?.filename).toBe("invite.ics");
    const content = unfold(ics!.content);
    expect(content).toContain("SUMMARY:在线职业咨询（Hello Work Nagasaki）");
    expect(content).toContain("DTSTART:20261203T050000Z");
    expect(content).toContain("预约编号：NG-7K3P");
  });

  it("writes the Vietnamese mail with the day before the month and the calendar in Vietnamese", () => {
    const mail = invitationMail(booking, "vi");
    expect(mail.subject).toBe("[Hello Work Nagasaki] Buổi tư vấn việc làm trực tuyến, thứ Năm, 3/12 lúc 14:00");
    expect(mail.text).toContain("thứ Năm, 3/12, 14:00–14:30 (giờ Nhật Bản)");
    const content = unfold((mail.attachments ?? [])[0]!.content);
    expect(content).toContain("SUMMARY:Tư vấn việc làm trực tuyến (Hello Work Nagasaki)");
    expect(content).toContain("DTSTART:20261203T050000Z");
    expect(content).toContain("Mã đặt lịch: NG-7K3P");
  });
});
