import type { Catalogue } from "../catalogue.ts";

export const app = {
  name: "预约咨询机器人",
  unavailable: "系统暂时无法使用，请稍后再试。",
} satisfies Catalogue["app"];
