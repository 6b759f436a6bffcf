import type { Catalogue } from "../catalogue.ts";

export const line = {
  pleaseType: "抱歉，本服务无法读取贴图、照片或文件。\n请输入文字，或点击下方按钮。",
  unreadableChoice: "抱歉，无法读取您的选择。\n请重新点击按钮选择，或输入文字。",
  groupNote: "预约只能在与本账号的一对一聊天中进行。\n请添加本账号为好友后，在一对一聊天中联系。",
  pickDateTime: "选择日期",
  booking: "预约",
  reference: "预约编号",
  join: "参加视频通话",
  menuBar: "菜单",
} satisfies Catalogue["line"];
