import { describe, expect, it } from "vitest";
import { invitationMail, seekerNoticeMail, staffNoticeMail } from "../../../src/notify/mail/compose.ts";
import { office, sampleInvitation as booking } from "../offices.ts";

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

describe("invitationMail", () => {
  it("names the office, the date and the start time in the subject", () => {
    expect(invitationMail(booking, "ja").subject).toBe("【ハローワーク長崎】オンライン職業相談のご案内 12月3日(木) 14:00～");
  });

  it("tells the seeker when, where to join, how to cancel and the 10-minute rule", () => {
    const { to, text } = invitationMail({ ...booking, accessCode: "123 456" }, "ja");
    expect(to).toBe("taro@example.jp");
    expect(text).toContain("山田 太郎 様");
    expect(text).toContain("12月3日(木) 14:00～14:30");
    expect(text).toContain("https://meet.example.jp/r/abc");
    expect(text).toContain("123 456");
    expect(text).toContain("095-862-8643");
    expect(text).toContain("10分");
    expect(text).toContain("NG-7K3P");
  });

  it("keeps the Japanese lines short and free of emoji", () => {
    const { text } = invitationMail(booking, "ja");
    for (const line of text.split("\n")) {
      if (/https?:|@/.test(line)) continue;
      expect([...line].length, line).toBeLessThanOrEqual(20);
    }
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it("gives the English version the same facts in the same order", () => {
    const { subject, text } = invitationMail({ ...booking, accessCode: "123 456" }, "en");
    expect(subject).toBe("[Hello Work Nagasaki] Your online job counselling, Thu 3 Dec, 14:00");
    const order = ["Dear 山田 太郎", "Thu 3 Dec, 14:00–14:30", "https://meet.example.jp/r/abc", "123 456", "How to join", "webcam", "095-862-8643", "10 minutes", "NG-7K3P"];
    const positions = order.map((fact) => text.indexOf(fact));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("tells the seeker to contact the office when it has no phone printed", () => {
    const { text } = invitationMail({ ...booking, office: office("tsukimachi") }, "ja");
    expect(text).toContain("ハローワーク長崎つきまちセンターへ\nご連絡ください。");
    expect(text).not.toContain("電話");
  });

  it("attaches a calendar request in UTC with the booking's uid", () => {
    const [ics] = invitationMail(booking, "ja").attachments ?? [];
    expect(ics?.filename).toBe("invite.ics");
    expect(ics?.contentType).toContain("text/calendar");
    expect(ics?.contentType).toContain("method=REQUEST");
    const content = unfold(ics!.content);
    expect(content).toContain("METHOD:REQUEST");
    expect(content).toContain("DTSTART:20261203T050000Z");
    expect(content).toContain("DTEND:20261203T053000Z");
    expect(content).toContain("DTSTAMP:20261201T010000Z");
    expect(content).toContain("UID:NG-7K3P@soudan-yoyaku");
    expect(content).toContain("STATUS:CONFIRMED");
    expect(content).toContain("LOCATION:https://meet.example.jp/r/abc");
    expect(content).toMatch(/ORGANIZER;CN="?ハローワーク長崎"?:MAILTO:/);
  });

  it("builds the same mail twice from the same input", () => {
    expect(invitationMail(booking, "ja")).toEqual(invitationMail(booking, "ja"));
  });
});

describe("staffNoticeMail", () => {
  const notice = {
    event: "requested" as const,
    to: "staff@nagasaki.example.jp",
    office: office("nagasaki"),
    reference: "NG-7K3P",
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    at: new Date("2026-12-01T10:15:00+09:00"),
    staffUrl: "https://bot.example.jp/staff/bookings/NG-7K3P",
  };
  const details = { name: "山田 太郎", seekerNumber: "42010-1234567", email: "taro@example.jp", phone: "090-1234-5678", topic: "事務職への転職" };

  it("says what happened, when, where, the reference and the staff link", () => {
    const { to, subject, text } = staffNoticeMail(notice);
    expect(to).toBe("staff@nagasaki.example.jp");
    expect(subject).toContain("新しい申し込み");
    expect(subject).toContain("NG-7K3P");
    expect(text).toContain("ハローワーク長崎");
    expect(text).toContain("12月3日(木) 14:00～14:30");
    expect(text).toContain("12月1日(火) 10:15");
    expect(text).toContain("https://bot.example.jp/staff/bookings/NG-7K3P");
  });

  it("carries no personal data when no details are given", () => {
    const { subject, text } = staffNoticeMail(notice);
    for (const value of Object.values(details)) {
      expect(subject + text).not.toContain(value);
    }
  });

  it("includes the seeker's details when the office allows them", () => {
    const { text } = staffNoticeMail({ ...notice, details });
    for (const value of Object.values(details)) expect(text).toContain(value);
  });

  it("says in Japanese which language the seeker uses and the help they asked for (issue 16: staff read Japanese)", () => {
    const { text } = staffNoticeMail({ ...notice, seeker: { locale: "vi", support: "interpreter" } });
    expect(text).toContain("■ご利用の言語\nベトナム語（通訳が必要）");
    expect(staffNoticeMail({ ...notice, seeker: { locale: "zh-Hans", support: null } }).text).toContain("■ご利用の言語\n中国語（簡体字）\n");
    expect(staffNoticeMail({ ...notice, seeker: { locale: "ja-x-easy", support: "assistant" } }, "en").text).toContain("Language\nEasy Japanese (やさしい日本語) (Assistant joins)");
  });

  it("describes a handoff in English without a slot when none is given", () => {
    const { subject, text } = staffNoticeMail({ event: "handoff", to: "s@x.jp", office: office("young-nagasaki"), at: notice.at, staffUrl: "https://x/s" }, "en");
    expect(subject).toBe("[Booking] Handoff to staff Young Hello Work Nagasaki");
    expect(text).toContain("Tue 1 Dec, 10:15");
  });
});

describe("seekerNoticeMail", () => {
  const base = { ...booking, chatUrl: "https://bot.example.jp/chat" };

  it("explains a refusal and offers another time or a phone call", () => {
    const { subject, text } = seekerNoticeMail({ ...base, kind: "rejected", reason: "相談員の予定が埋まっています。" }, "ja");
    expect(subject).toBe("【ハローワーク長崎】ご希望の日時で予約できませんでした");
    expect(text).toContain("相談員の予定が埋まっています。");
    expect(text).toContain("別の日時");
    expect(text).toContain("https://bot.example.jp/chat");
    expect(text).toContain("095-862-8643");
  });

  it("tells the seeker when staff cancelled", () => {
    const { text } = seekerNoticeMail({ ...base, kind: "cancelled_by_staff" }, "en");
    expect(text).toContain("cancel this booking");
    expect(text).toContain("Thu 3 Dec, 14:00–14:30");
  });

  it("warns that repeated no-shows may stop online use", () => {
    const { text } = seekerNoticeMail({ ...base, kind: "no_show" }, "ja");
    expect(text).toContain("10分");
    expect(text).toContain("不参加が続くと");
  });

  it("reminds the seeker of the time, the URL and the checklist", () => {
    const { subject, text } = seekerNoticeMail({ ...base, kind: "reminder", meetingUrl: booking.meetingUrl }, "ja");
    expect(subject).toBe("【ハローワーク長崎】オンライン職業相談のお知らせ 12月3日(木) 14:00～");
    expect(text).toContain("https://meet.example.jp/r/abc");
    expect(text).toContain("録画や録音");
    expect(text).toContain("Webカメラ");
  });
});

describe("changing or cancelling in the chat", () => {
  const link = "https://soudan.example.jp/#manage=AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
  const withLink = { ...booking, manage: { page: "https://soudan.example.jp/", link } };
  const withPage = { ...booking, manage: { page: "https://soudan.example.jp/" } };

  it("offers the chat through the booking's link before the phone, in short Japanese lines", () => {
    const { text } = invitationMail(withLink, "ja");
    const section = text.slice(text.indexOf("■変更・取り消し"));
    expect(section.indexOf(link)).toBeGreaterThan(0);
    expect(section.indexOf(link)).toBeLessThan(section.indexOf("095-862-8643"));
    for (const line of section.split("\n")) if (!/https?:/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(20);
  });

  it("without a link, says to give the reference and email or phone in the chat", () => {
    expect(invitationMail(withPage, "ja").text).toContain("チャットで、予約番号と");
    const en = invitationMail(withPage, "en").text;
    expect(en).toContain("give your booking reference and your email address or phone number");
    expect(en).toContain("https://soudan.example.jp/");
    expect(en).not.toContain("#manage=");
  });

  it("puts the link in the reminder and in the join reminder too", () => {
    const base = { ...withLink, kind: "reminder" as const };
    expect(seekerNoticeMail(base, "en").text).toContain(link);
    expect(seekerNoticeMail({ ...base, kind: "join" }, "ja").text).toContain(link);
  });
});
