// The widget's own words in やさしい日本語 (see bot.ts for how they were written and checked). Kanji carry
// their reading, {漢字|かんじ}: the widget shows it as furigana, and reads the kanji alone in attributes.
import type { SeekerCatalogue } from "../catalogue.ts";
export const widget = {
  launcher: "{相談|そうだん}の {予約|よやく}",
  launcherLabel: "チャットで {相談|そうだん}の {予約|よやく}を する",
  title: "{相談|そうだん}の {予約|よやく}",
  close: "とじる",
  /** This language's own name, in the language menu. */
  languageName: "やさしい にほんご",
  /** The language menu's name: with English beside it, so that anyone finds it. */
  language: "ことば / Language",
  log: "{話|はな}した こと",
  you: "あなた",
  bot: "{自動|じどう}の {案内|あんない}",
  staff: "{係|かかり}の {人|ひと}",
  input: "{書|か}く ところ",
  placeholder: "ここに {書|か}いて ください",
  send: "{送|おく}る",
  picker: "{日|ひ}と {時間|じかん}を {選|えら}ぶ",
  pickerSend: "これで {送|おく}る",
  choices: "{選|えら}ぶ ボタン",
  sending: "{返事|へんじ}を {待|ま}って います",
  offline: "つながりませんでした。\nインターネットを {見|み}て ください。\nもう{一度|いちど} して ください。",
  phone: (office: string, phone: string) => `{電話|でんわ}でも {予約|よやく}できます。\n${office} ${phone}`,
  retry: "もう{一度|いちど}",
  rateLimited: (seconds: number) => `{送|おく}るのが {多|おお}すぎます。\n${seconds}{秒|びょう} {待|ま}って ください。\nそれから {送|おく}って ください。`,
  handoff: "{係|かかり}の {人|ひと}と {話|はな}して います。\n{返事|へんじ}を {待|ま}って ください。",
  expired: "{前|まえ}の {話|はなし}は {終|お}わりました。\n{新|あたら}しく はじめます。",
  reference: "{予約番号|よやくばんごう}",
  office: "{場所|ばしょ}",
  when: "{日|ひ}と {時間|じかん}",
  status: "いまの {様子|ようす}",
  meeting: "{相談|そうだん}の URL",
  aside: (text: string, note: string) => `${text}（${note}）`,
  weekdays: ["日", "月", "火", "水", "木", "金", "土"],
  dateTime: (y: number, m: number, d: number, wd: string, hm: string) => {
    const [h, min] = hm.split(":").map(Number) as [number, number];
    return `${m}月${d}日(${wd}) ${h < 12 ? "午前" : "午後"}${h % 12}時${min ? `${min}分` : ""}`;
  },
} satisfies SeekerCatalogue["widget"];
