// LINE and chat notices in 简体中文. How this catalogue was written and checked: see index.ts.
import type { Office } from "../../config.ts";
import type { SeekerCatalogue } from "../catalogue.ts";

const officeName = (office: Office) => office.name["zh-Hans"];

export const notices = {
  accessCode: "访问码",
  bookAgainChoice: "预约其他时间",
  invitation: ["您的咨询已经确定。", "到开始时间后，请点击下面的按钮参加。详细内容也已通过电子邮件发送。", "", "开始后10分钟内没有参加也没有联系的，预约视为取消。"],
  meetingChanged: ["您的咨询的参加网址或访问码已更改。日期和时间不变，请使用下面的新信息参加。新信息也已通过电子邮件发送。"],
  reminder: ["咨询提醒。", "", "・请在单独的房间参加。", "・禁止录像和录音。", "・请把设备更新到最新，并开启病毒防护。"],
  join: (office: Office) => [
    "您的咨询即将开始。到开始时间后，请点击下面的按钮参加。",
    "",
    office.phone ? `如果会迟到或无法参加，请致电${officeName(office)}：${office.phone}。` : `如果会迟到或无法参加，请联系${officeName(office)}。`,
  ],
  rejected: ["很抱歉，您申请的时间未能预约。"],
  cancelledByStaff: ["非常抱歉，我们不得不取消您的预约。"],
  closure: ["非常抱歉，由于窗口临时休息，您的预约已取消。"],
  noShow: ["开始后10分钟内您没有参加，因此预约已取消。", "", "您可以重新预约。如果多次未联系且未参加，可能无法再使用在线咨询。"],
  released: "与工作人员的对话已结束。接下来由自动应答为您服务。",
  reason: (reason: string) => `原因：${reason}`,
  alternativesHeading: "有空的时间（示例）：",
  bookAgain: "您可以预约其他时间。",
  contact: (office: Office) => (office.phone ? `也可以致电${officeName(office)}：${office.phone}。` : `也可以联系${officeName(office)}。`),
  acknowledgement: {
    requested: {
      subject: (o: Office) => `【${officeName(o)}】已收到您的申请`,
      lead: ["已收到您的在线职业咨询申请。预约尚未确定：工作人员确认后会再次与您联系。"],
    },
    changed: {
      subject: (o: Office) => `【${officeName(o)}】已收到您的更改申请`,
      lead: ["已收到您新的日期和时间。工作人员确认后会再次与您联系。"],
    },
    cancelled: {
      subject: (o: Office) => `【${officeName(o)}】预约已取消`,
      lead: ["此预约已取消。"],
    },
  },
  waitlist: {
    offer: (slot: string, until: string) => ["您候补的时间空出来了：", "", slot, "", `为您保留到${until}。`, "要预约这个时间吗？"],
    accept: "预约",
    decline: "这次不用",
    lapsed: "为您提供的时间已过期，已提供给下一位。您的候补已结束。",
    ended: (window: string) => `${window}的申请已截止，您的候补已结束。`,
    mailSubject: (o: Office) => `【${officeName(o)}】您候补的时间空出来了`,
    mailLead: (until: string) => ["您候补的时间空出来了。", `为您保留到${until}。`, "如需预约，请打开登记候补的聊天，选择“预约”。"],
  },
} satisfies SeekerCatalogue["notices"];
