// The words of every mail in 简体中文. How this catalogue was written and checked: see index.ts.
import type { Office } from "../../config.ts";
import { clockText } from "../../jst.ts";
import type { SeekerCatalogue } from "../catalogue.ts";
import type { ManageChat } from "../ja/mail.ts";
import { formats } from "./formats.ts";

/** The office's Chinese name (the office file's, else its romanised one: config.ts). */
const officeName = (office: Office) => office.name["zh-Hans"];

function contactLine(office: Office): string {
  const hours = `工作日 ${clockText(office.openingHours.from)}～${clockText(office.openingHours.to)}`;
  return office.phone ? `请致电${officeName(office)}：${office.phone}（${hours}）。` : `请联系${officeName(office)}（${hours}）。`;
}

function chatLines(chat: ManageChat | undefined): string[] {
  if (!chat) return [];
  if (chat.link) return ["可以在聊天中更改时间或取消。请从以下链接打开（开始时间前有效）：", chat.link];
  return ["在聊天中输入预约编号和电子邮箱地址或电话号码，就可以更改时间或取消：", chat.page];
}

export const mail = {
  greeting: (name: string) => [`${name} 您好：`],
  introduction: (office: Office) => `这里是${officeName(office)}。`,
  slotSection: (startsAt: Date, endsAt: Date, heading?: string) => [`■${heading ?? "日期和时间"}`, `${formats.slot(startsAt, endsAt)}（日本时间）`],
  meetingSection: (meetingUrl: string, accessCode?: string) => ["■参加网址", meetingUrl, ...(accessCode ? ["■访问码", accessCode] : [])],
  joinSteps: (email: string) => ["■参加方法", "1. 到开始时间后，打开上面的网址。", `2. 要求输入电子邮箱地址时，请输入 ${email}`, "3. 加入通话。"],
  checklist: [
    "■咨询当天之前请确认",
    "・请在别人听不到的单独房间参加。",
    "・禁止以任何方式录像或录音。",
    "・请把设备更新到最新，并开启防火墙和病毒防护。",
    "・需要网络摄像头。",
    "・咨询免费，通信费由您自己承担。",
  ],
  cancelSection: (office: Office, chat?: ManageChat) => ["■更改或取消", ...chatLines(chat), ...(chat ? ["或者："] : []), contactLine(office), "开始后10分钟内没有参加也没有联系的，预约视为取消。"],
  nextStepsSection: (office: Office, chatUrl?: string) => [
    "■接下来您可以",
    `・在聊天中选择其他时间${chatUrl ? `：${chatUrl}` : "。"}`,
    `・也可以直接联系我们。${contactLine(office)}`,
  ],
  referenceSection: (reference: string) => ["■预约编号", reference, "联系我们时请告知此编号。"],
  signature: (office: Office) => [officeName(office)],
  invitation: {
    subject: (office: Office, start: string) => `【${officeName(office)}】在线职业咨询通知 ${start}`,
    lead: ["您的在线职业咨询时间已经确定，特此通知。"],
    updatedSubject: (office: Office, start: string) => `【${officeName(office)}】参加网址已更改 ${start}`,
    updatedLead: ["您预约的在线职业咨询的参加网址或访问码已更改。日期和时间不变，请使用下面的新信息。"],
    calendarSummary: (office: Office) => `在线职业咨询（${officeName(office)}）`,
    calendarDescription: (url: string, accessCode: string | undefined, reference: string) =>
      [`参加网址：${url}`, ...(accessCode ? [`访问码：${accessCode}`] : []), `预约编号：${reference}`].join("\n"),
  },
  seekerNotice: {
    rejected: {
      subject: (office: Office) => `【${officeName(office)}】您希望的时间未能预约`,
      lead: ["很抱歉，您申请的时间未能预约在线职业咨询。"],
      slotHeading: "您希望的时间",
    },
    cancelledByStaff: {
      subject: (office: Office) => `【${officeName(office)}】在线职业咨询已取消`,
      lead: ["非常抱歉，由于我方原因，以下预约已取消。"],
    },
    noShow: {
      subject: (office: Office) => `【${officeName(office)}】在线职业咨询已取消`,
      lead: ["以下预约开始后10分钟内您没有参加，因此预约已取消。"],
      again: ["如需再次申请，请在聊天中选择时间。"],
      warning: ["如果多次未联系且未参加，可能无法再使用在线咨询。"],
    },
    reminder: {
      subject: (office: Office, start: string) => `【${officeName(office)}】在线职业咨询提醒 ${start}`,
      lead: ["您预约的在线职业咨询快到了，特此提醒。"],
    },
    join: {
      subject: (office: Office, start: string) => `【${officeName(office)}】咨询即将开始 ${start}`,
      lead: ["您预约的在线职业咨询即将开始。到开始时间后，请通过下面的网址参加。"],
      lateSection: (office: Office, chat?: ManageChat) => [
        "■迟到或无法参加时",
        contactLine(office),
        ...(chat ? ["开始前也可以在聊天中取消：", ...chatLines(chat).slice(-1)] : []), "开始后10分钟内没有参加也没有联系的，预约视为取消。"],
    },
    closure: {
      subject: (office: Office) => `【${officeName(office)}】因临时休息，预约已取消`,
      lead: ["非常抱歉，由于窗口临时休息，以下预约已取消。"],
      alternativesHeading: "■有空的时间（示例）",
    },
    reasonHeading: "■原因",
  },
} satisfies SeekerCatalogue["mail"];
