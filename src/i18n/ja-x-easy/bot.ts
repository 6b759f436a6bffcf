// やさしい日本語 (ja-x-easy): the bot's words for residents whose Japanese is still growing.
// How it was written: from the Japanese catalogue, rule by rule of 在留支援のためのやさしい日本語
// ガイドライン (出入国在留管理庁・文化庁, 2020): one idea per sentence, short sentences, everyday words,
// です・ます without stacked honorifics (no いただく, ご〜ください), dates and times written plainly
// (12月3日 午後2時, formats.ts), katakana loanwords avoided (メール and URL stay: no plainer word is
// understood as well), spaces between phrases. Kanji carry their reading, {漢字|かんじ} (i18n/ruby.ts):
// the widget shows furigana, LINE and mail the kanji alone. How it was checked: test/i18n/easyJapanese.
// test.ts measures every sentence (the README gives the figures), and the menu, the intake's questions
// and the consent summary were read against the guideline's checklist. A button's label, typed instead
// of tapped, still does what the button does (test/flows/easyJapanese.test.ts).
import type { SeekerCatalogue } from "../catalogue.ts";
import { clock } from "./formats.ts";

/** 14:00 → 午後2時: times handed over on the 24-hour clock, said the way formats.ts says them. */
const plainTimes = (text: string) => text.replace(/\b\d{1,2}:\d{2}\b/g, (time) => clock(time));

export const bot = {
  menu: {
    greeting: "こんにちは。\nハローワーク{長崎|ながさき}です。\nインターネットで {仕事|しごと}の {相談|そうだん}が できます。\nここで {予約|よやく}を します。\nボタンを {選|えら}んで ください。",
    prompt: "ボタンを {選|えら}んで ください。",
    book: "{相談|そうだん}の {予約|よやく}",
    status: "{予約|よやく}を {見|み}る",
    change: "{予約|よやく}の {日|ひ}を かえる",
    cancel: "{予約|よやく}を やめる",
    now: "{今|いま} {相談|そうだん}する",
    faq: "よくある {質問|しつもん}",
    human: "{人|ひと}と {話|はな}す",
    notUnderstood: "すみません。\nわかりませんでした。\nボタンを {選|えら}んで ください。\n「{予約|よやく}したい」と {書|か}いても いいです。",
    bye: "ありがとうございました。\nまた いつでも {書|か}いて ください。",
    resume: "{前|まえ}の {続|つづ}きが あります。\n{続|つづ}きから しますか？",
    resumeYes: "{続|つづ}きから",
    resumeNo: "はじめから",
    restarted: "はじめから します。",
    tooLong: (max: number) => `{文|ぶん}が {長|なが}すぎます。\n${max}{文字|もじ}までです。\n{短|みじか}くして ください。`,
    empty: "{何|なに}も {書|か}いて いません。\nもう{一度|いちど} {送|おく}って ください。",
    switchedLocale: "やさしい {日本語|にほんご}で {話|はな}します。",
    /** The menu's language choice: with English beside it, so that anyone finds it. */
    language: "ことば / Language",
    chooseLanguage: "ことばを えらんで ください。\nChoose a language.",
  },

  choice: {
    yes: "はい",
    no: "いいえ",
    back: "{前|まえ}に もどる",
    stop: "やめる",
  },

  intake: {
    askOffice: "どこで {相談|そうだん}しますか？",
    officeUnknown: "わかりませんでした。\nボタンを {選|えら}んで ください。",
    askRequester: "だれの {相談|そうだん}ですか？",
    requesterSeeker: "{仕事|しごと}を {探|さが}している",
    requesterEmployer: "{会社|かいしゃ}の {人|ひと}",
    requesterUnknown: "ボタンを {選|えら}んで ください。",
    consentIntro: (version: string) =>
      `{予約|よやく}の {前|まえ}に {読|よ}んで ください。\n{大切|たいせつ}な きまりです。\n（${version}の きまり）`,
    consentPoints: [
      "・{相談|そうだん}は 1{回|かい} 30{分|ぷん}です。",
      "・お{金|かね}は いりません。",
      "・{電話|でんわ}や インターネットの お{金|かね}は {自分|じぶん}で {払|はら}います。",
      "・{録画|ろくが}と {録音|ろくおん}は できません。",
      "・{一人|ひとり}の {部屋|へや}から {話|はな}して ください。",
      "・10{分|ぷん} おくれて {連絡|れんらく}が ないとき、\n　{予約|よやく}は なくなります。",
      "・きまりを {守|まも}らないとき、\n　{相談|そうだん}を やめる ことが あります。",
    ],
    consentFullText: (url: string) =>
      `きまりの ぜんぶは ここに あります。\n{日本語|にほんご}の きまりが {正|ただ}しい きまりです。\nこの {説明|せつめい}は みじかく したものです。\n${url}`,
    askConsent: "きまりに {同意|どうい}しますか？",
    consentAgree: "{同意|どうい}する",
    consentDecline: "{同意|どうい}しない",
    consentDeclined: (phone: string | null) =>
      `わかりました。\n{同意|どうい}しないと、\nインターネットの {相談|そうだん}は できません。\nハローワークに {来|き}て {相談|そうだん}できます。${phone ? `\n{電話|でんわ}でも {相談|そうだん}できます。\n${phone}` : ""}`,
    consentRecorded: "ありがとうございます。",
    alreadyBooked: (when: string | null) =>
      `もう {予約|よやく}が あります。${when ? `\n${when}です。` : ""}\n{下|した}の ボタンで {予約|よやく}を {見|み}られます。\n{日|ひ}を かえる ことも できます。`,
    // Typed instead of tapped, it is still this button (flows/knownBooking.ts).
    bookAnother: "もう1つ {予約|よやく}する",
    seekerNumberBooked: (phone: string | null) =>
      `この {求職番号|きゅうしょくばんごう}は もう {予約|よやく}が あります。\n{日|ひ}を かえる ときや やめる ときは、\n{予約|よやく}した ときの やりとりで できます。\n{予約番号|よやくばんごう}で {探|さが}しても できます。${phone ? `\n{電話|でんわ}でも できます。\n${phone}` : "\nハローワークの {窓口|まどぐち}でも できます。"}\nほかの {番号|ばんごう}の ときは、その {番号|ばんごう}を {書|か}いて ください。`,
    askName: "{名前|なまえ}を {書|か}いて ください。\n{名字|みょうじ}と {名前|なまえ}の {両方|りょうほう}です。",
    nameInvalid: "{名前|なまえ}が わかりませんでした。\n「{長崎|ながさき} {太郎|たろう}」のように {書|か}いて ください。",
    askSeekerNumber: "{求職番号|きゅうしょくばんごう}を {書|か}いて ください。\nハローワークの カードに あります。\n（{例|れい} 12345-1234567）",
    seekerNotRegistered: "まだ {登録|とうろく}していない",
    seekerNumberInvalid:
      "{求職番号|きゅうしょくばんごう}が わかりませんでした。\n5けたの {数字|すうじ}、「-」、8けたまでの {数字|すうじ}です。\n（{例|れい} 42010-1234567）\nもう{一度|いちど} {書|か}いて ください。",
    seekerNumberConfirmPrefix: (value: string) =>
      `{求職番号|きゅうしょくばんごう}は「${value}」ですか？\n{長崎県|ながさきけん}では ない ところで {登録|とうろく}した {番号|ばんごう}のようです。`,
    notRegisteredGuide:
      "{求職|きゅうしょく}の {登録|とうろく}の {前|まえ}でも {予約|よやく}できます。\n{相談|そうだん}の {前|まえ}に {求職者|きゅうしょくしゃ}マイページを {作|つく}って ください。\nハローワーク インターネット サービスで {作|つく}れます。\nそして {仮|かり}の {登録|とうろく}を して ください。",
    askEstablishmentNumber: "{事業所番号|じぎょうしょばんごう}を {書|か}いて ください。\n（{例|れい} 4201-123456-7）",
    establishmentNumberInvalid:
      "{事業所番号|じぎょうしょばんごう}が わかりませんでした。\n4けた-6けた-1けたの {数字|すうじ}です。\n（{例|れい} 4201-123456-7）\nもう{一度|いちど} {書|か}いて ください。",
    askEmail: "メールアドレスを {書|か}いて ください。\n{相談|そうだん}の {案内|あんない}を {送|おく}ります。",
    emailInvalid: "メールアドレスが {正|ただ}しく ないようです。\nもう{一度|いちど} {書|か}いて ください。",
    emailSuggest: (typed: string, suggestion: string) => `「${typed}」と {書|か}きました。\n「${suggestion}」では ありませんか？`,
    emailUseSuggestion: (suggestion: string) => suggestion,
    emailKeepTyped: "{書|か}いた とおりで いい",
    askPhone: "{電話番号|でんわばんごう}を {書|か}いて ください。\n{昼|ひる}に つながる {番号|ばんごう}です。",
    phoneInvalid: "{電話番号|でんわばんごう}が わかりませんでした。\n「090-1234-5678」のように {書|か}いて ください。",
    askCounsellor: "{相談|そうだん}する {人|ひと}を {選|えら}びますか？",
    noPreference: "{選|えら}ばない",
    sameCounsellor: "{前|まえ}と {同|おな}じ {人|ひと}",
    lastCounsellor: (name: string) => `{前|まえ}の {相談|そうだん}は ${name}でした。`,
    counsellorUnknown: "その {名前|なまえ}の {人|ひと}は いません。\n{下|した}の ボタンから {選|えら}んで ください。",
    askWhen:
      "いつが いいですか？\n「12{月|がつ}3{日|か} 14{時|じ}」のように {書|か}いて ください。\n{下|した}から {選|えら}んでも いいです。",
    whenNotUnderstood:
      "{日|ひ}と {時間|じかん}が わかりませんでした。\n「12{月|がつ}3{日|か} 14{時|じ}」のように {書|か}いて ください。\n{下|した}から {選|えら}んでも いいです。",
    whenConfirm: (when: string) => `${when}で いいですか？`,
    whenConfirmAmbiguousHour: (when: string) => `{午後|ごご}の {時間|じかん}だと {思|おも}いました。\n${when}で いいですか？`,
    whenWithin: (label: string) => `${label}の\nあいて いる {時間|じかん}です。\n{選|えら}んで ください。`,
    whenNoneWithin: (label: string) => `${label}は\nあいて いる {時間|じかん}が ありません。\n{近|ちか}くで あいて いる {時間|じかん}です。`,
    // The window's labels join times the way formats.ts does (午後2時～2時30分).
    spanLabel: (from: string, to: string) => `${from}～${to}`,
    afterLabel: (when: string) => `${when}から`,
    beforeLabel: (when: string) => `${when}まで`,
    whenPickFromOptions: (count: number): string =>
      count > 0 ? "あいて いる {時間|じかん}です。\n{選|えら}んで ください。" : "あいて いる {時間|じかん}が ありませんでした。",
    whenHeld: (when: string, minutes: number) =>
      `${when}を {取|と}って おきます。\n${minutes}{分|ふん}の {間|あいだ}に {続|つづ}きを して ください。`,
    alternativesIntro: "{近|ちか}くで あいて いる {時間|じかん}です。",
    alternativesWithCounsellor: (name: string) => `${name}が あいて いる {時間|じかん}です。`,
    alternativesWithAnyone: "ほかの {相談員|そうだんいん}なら、この {時間|じかん}が あいて います。",
    noAlternatives: (phone: string | null) =>
      `すみません。\n{近|ちか}くに あいて いる {時間|じかん}が ありません。${phone ? `\n{電話|でんわ}でも {相談|そうだん}できます。\n${phone}` : ""}`,
    freeTimes: "あいて いる {日|ひ}から {選|えら}ぶ",
    freeDays: (counsellor: string | null) =>
      counsellor ? `${counsellor}が あいて いる {日|ひ}です。\n{日|ひ}を {選|えら}んで ください。` : "あいて いる {日|ひ}です。\n{日|ひ}を {選|えら}んで ください。",
    freeDayChoice: (date: string, count: number) => `${date} あき${count}`,
    moreDays: "もっと {後|あと}の {日|ひ}",
    earlierDays: "{前|まえ}の {日|ひ}に もどる",
    freeTimesOn: (date: string) => `${date}の\nあいて いる {時間|じかん}です。\n{時間|じかん}を {選|えら}んで ください。`,
    laterTimes: "もっと {後|あと}の {時間|じかん}",
    otherDays: "ほかの {日|ひ}を {選|えら}ぶ",
    dayNowFull: (date: string) => `${date}は\nもう あいて いません。`,
    noFreeDays: (phone: string | null) =>
      `すみません。\n{今|いま}は {予約|よやく}できる {時間|じかん}が ありません。${phone ? `\n{電話|でんわ}でも {相談|そうだん}できます。\n${phone}` : ""}`,
    askTopic: "{何|なに}を {相談|そうだん}したいですか？\n{短|みじか}く {書|か}いて ください。\n（{例|れい} {事務|じむ}の {仕事|しごと}を {探|さが}したい）",
    topicInvalid: "{相談|そうだん}したい ことを もう{少|すこ}し くわしく {書|か}いて ください。\n400{文字|もじ}までです。",
    askSupport: "{通訳|つうやく}は {必要|ひつよう}ですか？\n{手伝|てつだ}う {人|ひと}は {一緒|いっしょ}ですか？",
    supportNone: "いらない",
    summaryIntro: "{内容|ないよう}を {見|み}て ください。",
    summaryAsk: "これで {申|もう}し{込|こ}みますか？",
    summaryUseButtons: (submit: string, edit: string, stop: string) =>
      `{申|もう}し{込|こ}む ときは「${submit}」を {押|お}して ください。\nなおす ときは「${edit}」を {押|お}して ください。\nやめる ときは「${stop}」を {押|お}して ください。`,
    submit: "{申|もう}し{込|こ}む",
    edit: "なおす",
    askEditWhich: "どこを なおしますか？",
    submitted: (reference: string) => `{申|もう}し{込|こ}みを {受|う}け{付|つ}けました。\n{予約番号|よやくばんごう}は ${reference}です。`,
    nextSteps: [
      "【このあとの {流|なが}れ】",
      "1. {係|かかり}の {人|ひと}が {日|ひ}と {時間|じかん}を {決|き}めます。\n　メールで {相談|そうだん}の URLを {送|おく}ります。",
      "2. {相談|そうだん}の {日|ひ}に URLを {開|ひら}いて ください。\n　メールアドレスを {書|か}いて {参加|さんか}します。",
      "3. やめる ときや {日|ひ}を かえる ときは、\n　ここか {電話|でんわ}で {連絡|れんらく}して ください。",
      "※10{分|ぷん} おくれて {連絡|れんらく}が ないとき、\n　{予約|よやく}は なくなります。",
      "※{録画|ろくが}と {録音|ろくおん}は できません。",
    ],
    checklist: [
      "【{相談|そうだん}の {日|ひ}までに {準備|じゅんび}する こと】",
      "□ {周|まわ}りに {人|ひと}が いない {場所|ばしょ}",
      "□ カメラと マイクが {使|つか}える スマートフォンか パソコン",
      "□ OSと アプリを {新|あたら}しく して おく",
      "□ ウイルスを {防|ふせ}ぐ ソフトと ファイアウォール",
    ],
    holdLost: "{取|と}って おいた {時間|じかん}が {過|す}ぎました。\nその {時間|じかん}は ほかの {人|ひと}が {予約|よやく}しました。",
  },

  rows: {
    office: "{相談|そうだん}する ところ",
    requester: "だれの {相談|そうだん}",
    name: "{名前|なまえ}",
    seekerNumber: "{求職番号|きゅうしょくばんごう}",
    establishmentNumber: "{事業所番号|じぎょうしょばんごう}",
    email: "メールアドレス",
    phone: "{電話番号|でんわばんごう}",
    counsellor: "{相談|そうだん}する {人|ひと}",
    when: "{日|ひ}と {時間|じかん}",
    topic: "{相談|そうだん}したい こと",
    support: "{通訳|つうやく}・{手伝|てつだ}う {人|ひと}",
    notRegistered: "まだ {登録|とうろく}して いない",
    none: "なし",
  },

  refusal: {
    weekend: (date: string) => `${date}は {土曜日|どようび}か {日曜日|にちようび}です。\n{相談|そうだん}は できません。`,
    holiday: (date: string, name: string) => `${date}は ${name}です。\n{休|やす}みの {日|ひ}です。\n{相談|そうだん}は できません。`,
    yearEnd: (date: string) => `${date}は お{正月|しょうがつ}の {休|やす}みです。\n12{月|がつ}29{日|にち}から 1{月|がつ}3{日|か}まで {休|やす}みです。`,
    closure: (date: string, reason: string) => `${date}は {特別|とくべつ}に {休|やす}みです。\n（${reason}）`,
    outsideHours: (from: string, to: string, lastStart: string) =>
      `{相談|そうだん}できる {時間|じかん}は\n${plainTimes(from)}～${plainTimes(to)}です。\n{最後|さいご}の {相談|そうだん}は ${plainTimes(lastStart)}に {始|はじ}まります。`,
    notOnGrid: (neighbours: string) => `{相談|そうだん}は 30{分|ぷん}ごとに {始|はじ}まります。\n${plainTimes(neighbours)}は どうですか？`,
    tooLate: (cutoff: string) => `{予約|よやく}は {前|まえ}の {日|ひ}までです。\nこの {日|ひ}の {予約|よやく}は ${plainTimes(cutoff)}で {終|お}わりました。`,
    tooFar: (last: string) => `${last}までの {相談|そうだん}を {予約|よやく}できます。`,
    full: "その {時間|じかん}は あいて いません。",
    inPast: "その {日|ひ}と {時間|じかん}は もう {過|す}ぎました。",
    counsellorUnavailable: (name: string) => `${name}は その {時間|じかん}に {相談|そうだん}が できません。`,
    seekerHasBooking: (when: string | null) =>
      `もう {予約|よやく}が あります。${when ? `\n${when}です。` : ""}\n{日|ひ}を かえる ときは\n「{予約|よやく}の {日|ひ}を かえる」を {選|えら}んで ください。`,
    seekerSuspended: (phone: string | null) =>
      `すみません。\n{連絡|れんらく}しないで {休|やす}んだ ことが {何回|なんかい}も ありました。\nだから インターネットの {予約|よやく}は できません。${phone ? `\n{電話|でんわ}で {相談|そうだん}して ください。\n${phone}` : "\nハローワークに {来|き}て {相談|そうだん}して ください。"}`,
    limitPerson: (phone: string | null) =>
      `{一人|ひとり}が {同|おな}じ {時|とき}に {申|もう}し{込|こ}める {数|かず}は もう いっぱいです。\n{今|いま}の {予約|よやく}は「{予約|よやく}を {見|み}る」から {見|み}られます。\nそこから {日|ひ}を かえる ことも できます。${phone ? `\nほかの {相談|そうだん}は {電話|でんわ}で できます。\n${phone}` : ""}`,
    limitClient: (phone: string | null) =>
      `この {回線|かいせん}から {申|もう}し{込|こ}みが たくさん ありました。\n{今|いま}は インターネットで {受|う}け{付|つ}けられません。${phone ? `\n{電話|でんわ}で {申|もう}し{込|こ}んで ください。\n${phone}` : "\nハローワークに {来|き}て {相談|そうだん}して ください。"}`,
    limitClientHolds:
      "この {回線|かいせん}から {取|と}って ある {時間|じかん}が {多|おお}いです。\n{今|いま}は {新|あたら}しく {取|と}れません。\n{少|すこ}し {待|ま}って、もう{一度|いちど} して ください。",
  },

  verify: {
    codeSent: (email: string, minutes: number) =>
      `${email}に\nメールを {送|おく}りました。\nメールに 6けたの {数字|すうじ}が あります。\n${minutes}{分|ふん}の {間|あいだ}に その {数字|すうじ}を {書|か}いて ください。`,
    codeWrong: "{数字|すうじ}が {違|ちが}います。\nメールの 6けたの {数字|すうじ}を もう{一度|いちど} {書|か}いて ください。",
    codeExpired: "この {数字|すうじ}は もう {使|つか}えません。\n{時間|じかん}が {過|す}ぎました。\n「{数字|すうじ}を もう{一度|いちど} {送|おく}る」を {押|お}して ください。",
    tooManyAttempts: "{間違|まちが}いが {何回|なんかい}も ありました。\nこの {数字|すうじ}は もう {使|つか}えません。\n「{数字|すうじ}を もう{一度|いちど} {送|おく}る」を {押|お}して ください。",
    addressThrottled: (phone: string | null) =>
      `この メールアドレスに {何回|なんかい}も {送|おく}りました。\nしばらく {送|おく}れません。\n1{時間|じかん}ぐらい {待|ま}って、もう{一度|いちど} して ください。${phone ? `\n{急|いそ}ぐ ときは {電話|でんわ}で {申|もう}し{込|こ}んで ください。\n${phone}` : ""}`,
    clientThrottled: (phone: string | null) =>
      `この {回線|かいせん}から {何回|なんかい}も {送|おく}りました。\nしばらく {送|おく}れません。\n1{時間|じかん}ぐらい {待|ま}って、もう{一度|いちど} して ください。${phone ? `\n{急|いそ}ぐ ときは {電話|でんわ}で {申|もう}し{込|こ}んで ください。\n${phone}` : ""}`,
    verified: "メールアドレスを {確|たし}かめました。",
    resend: "{数字|すうじ}を もう{一度|いちど} {送|おく}る",
    changeEmail: "メールアドレスを なおす",
    // Mail shows no furigana: these two are written without the marks.
    mailSubject: (office: string) => `【${office}】メールアドレスを 確かめる 数字`,
    mailBody: (code: string, minutes: number, office: string) =>
      [
        "インターネットの 仕事の 相談の 予約で、",
        "この メールアドレスが 書かれました。",
        "",
        `数字：${code}`,
        "",
        "この 数字を 予約の 画面に 書いて ください。",
        `${minutes}分の 間だけ 使えます。`,
        "あなたが 書いて いない ときは、この メールを 消して ください。",
        "この メールに 返事を しても、答えられません。",
        "",
        office,
        "",
      ].join("\n"),
  },

  status: {
    none: "{受|う}け{付|つ}けた {予約|よやく}は {今|いま} ありません。",
    intro: (count: number) => `{予約|よやく}が ${count}{件|けん} あります。`,
  },

  cancel: {
    none: "やめられる {予約|よやく}は ありません。",
    askWhich: "どの {予約|よやく}を やめますか？",
    confirm: (when: string) => `${when}の\n{予約|よやく}を やめますか？`,
    // Labels that say yes or no first: typed instead of tapped, they are still a yes or a no.
    doIt: "はい、やめます",
    keep: "いいえ、やめません",
    done: (when: string) => `${when}の\n{予約|よやく}を やめました。\n{係|かかり}の {人|ひと}にも {伝|つた}えます。`,
    kept: "{予約|よやく}は そのままです。",
    failed: "この {予約|よやく}は やめられませんでした。\nもう {始|はじ}まって いるかも しれません。\nもう やめた {予約|よやく}かも しれません。",
  },

  change: {
    none: "{日|ひ}を かえられる {予約|よやく}は ありません。",
    askWhich: "どの {予約|よやく}の {日|ひ}を かえますか？",
    current: (when: string) => `{今|いま}の {予約|よやく}は ${when}です。`,
    confirm: (from: string, to: string) => `{予約|よやく}の {日|ひ}を かえますか？\n{今|いま}：${from}\n{新|あたら}しい {日|ひ}：${to}`,
    doIt: "はい、かえます",
    keep: "いいえ、かえません",
    done: (when: string, reference: string) =>
      `{日|ひ}を かえる {申|もう}し{込|こ}みを {受|う}け{付|つ}けました。\n{新|あたら}しい {日|ひ}：${when}\n{新|あたら}しい {予約番号|よやくばんごう}は ${reference}です。\n{係|かかり}の {人|ひと}から また {連絡|れんらく}します。`,
    kept: "{予約|よやく}は そのままです。",
    sameSlot: "{今|いま}の {予約|よやく}と {同|おな}じ {時間|じかん}です。\nほかの {時間|じかん}を {選|えら}んで ください。\nかえない ときは「いいえ、かえません」を {押|お}して ください。",
  },

  find: {
    choice: "{予約番号|よやくばんごう}で {探|さが}す",
    askReference: "{予約番号|よやくばんごう}を {書|か}いて ください。\n（{例|れい} NG-3K7P9Q）\n{予約|よやく}した ときの {返事|へんじ}や メールに あります。",
    referenceUnknown:
      "{予約番号|よやくばんごう}が わかりませんでした。\n{英語|えいご}の {文字|もじ} 2つ、「-」、{英語|えいご}の {文字|もじ}か {数字|すうじ} 6つです。\n（{例|れい} NG-3K7P9Q）",
    askContact: "{予約|よやく}した ときの {連絡先|れんらくさき}を {書|か}いて ください。\nメールアドレスか {電話番号|でんわばんごう}です。",
    contactUnknown: "メールアドレスか {電話番号|でんわばんごう}が わかりませんでした。\nもう{一度|いちど} {書|か}いて ください。",
    notFound: (phone: string | null) =>
      `{予約|よやく}が {見|み}つかりませんでした。\n{予約番号|よやくばんごう}と {連絡先|れんらくさき}に {合|あ}う {予約|よやく}が ありません。\n{書|か}き{間違|まちが}いが ないか {見|み}て ください。${phone ? `\n{電話|でんわ}でも {聞|き}けます。\n${phone}` : ""}`,
    throttled: (phone: string | null) =>
      `{調|しら}べた {回数|かいすう}が {多|おお}すぎます。\n1{時間|じかん}ぐらい {待|ま}って、もう{一度|いちど} して ください。${phone ? `\n{急|いそ}ぐ ときは {電話|でんわ}で {聞|き}いて ください。\n${phone}` : ""}`,
    found: "{予約|よやく}が {見|み}つかりました。\n{下|した}の ボタンで {日|ひ}を かえられます。\nやめる ことも できます。",
    inactive: "この {予約|よやく}は ここでは かえられません。\nもう {終|お}わったか、やめた {予約|よやく}です。\n{日|ひ}を かえた {予約|よやく}かも しれません。",
    linkInvalid: "この リンクは {正|ただ}しく ありません。\nメールの リンクを そのまま {開|ひら}いて ください。\n{予約番号|よやくばんごう}で {探|さが}す ことも できます。",
    linkExpired:
      "この リンクは もう {使|つか}えません。\n{予約|よやく}が もう {終|お}わったか、やめた {予約|よやく}です。\n{日|ひ}を かえた {予約|よやく}かも しれません。\n{日|ひ}を かえた ときは {新|あたら}しい メールを {見|み}て ください。\nその リンクか {予約番号|よやくばんごう}で {探|さが}して ください。",
  },

  handoff: {
    started: "{係|かかり}の {人|ひと}に {伝|つた}えました。\nここで {返事|へんじ}を {待|ま}って ください。",
    officeHours: (hours: string) =>
      `{受付|うけつけ}は {平日|へいじつ}の ${hours}です。\nほかの {時間|じかん}は、ハローワークが {開|あ}く {次|つぎ}の {日|ひ}に {返事|へんじ}を します。`,
    waiting: "{係|かかり}の {人|ひと}に {伝|つた}えました。\n{返事|へんじ}を {待|ま}って ください。",
    released: "{自動|じどう}の {案内|あんない}に もどりました。\nボタンを {選|えら}んで ください。",
    leave: "{自動|じどう}の {案内|あんない}に もどる",
  },

  now: {
    needsConsent: "{今|いま}すぐの {相談|そうだん}は、{前|まえ}に きまりに {同意|どうい}した {人|ひと}だけです。\nまず {予約|よやく}を して ください。",
    termsChanged: (version: string) =>
      `きまりが かわりました。\n{新|あたら}しい きまりは ${version}の きまりです。\n{新|あたら}しい きまりに {同意|どうい}すると、{続|つづ}けられます。`,
    noneAvailable: "{今|いま}、すぐ {相談|そうだん}できる {人|ひと}が いません。\n{予約|よやく}を して ください。",
    noPhone: "こちらから かける {電話番号|でんわばんごう}が わかりません。\nだから {今|いま}すぐの {相談|そうだん}は できません。\n{予約|よやく}を して ください。",
    confirm: (phone: string) =>
      `{係|かかり}の {人|ひと}から {電話|でんわ}を かけます。\n{番号|ばんごう}は ${phone}です。\n{前|まえ}に {聞|き}いた {番号|ばんごう}です。\nいいですか？\n※ここでは {番号|ばんごう}を かえられません。`,
    // ミーティングID and パスコード stay: they are the words the meeting app shows.
    requested: "{係|かかり}の {人|ひと}に {伝|つた}えました。\nミーティングIDと パスコードを {知|し}らせます。\nマイページか {電話|でんわ}で {知|し}らせます。",
    phoneLocked: "{本人|ほんにん}の {確認|かくにん}の ため、ここでは {電話番号|でんわばんごう}を かえられません。",
  },

  faq: {
    ask: "{知|し}りたい ことを {選|えら}んで ください。",
    // Each label, typed instead of tapped, names its own topic to nlu/faqTopic.ts.
    hours: "{相談|そうだん}の {時間|じかん}",
    phones: "{電話番号|でんわばんごう}",
    cost: "お{金|かね}",
    needed: "{必要|ひつよう}な もの",
    recording: "{録画|ろくが}と {録音|ろくおん}",
    join: "{参加|さんか}の しかた",
    myPage: "マイページ",
    answers: {
      hours: (lines: string[]) =>
        `【{相談|そうだん}できる {時間|じかん}】\n{平日|へいじつ}だけです。\n1{回|かい} 30{分|ぷん}です。\n${lines.join("\n")}\n{土曜日|どようび}・{日曜日|にちようび}・{祝日|しゅくじつ}は {休|やす}みです。\n12{月|がつ}29{日|にち}から 1{月|がつ}3{日|か}も {休|やす}みです。`,
      phones: (lines: string[]) => `【{電話番号|でんわばんごう}】\n${lines.join("\n")}`,
      cost: "{相談|そうだん}に お{金|かね}は いりません。\n{電話|でんわ}や インターネットの お{金|かね}は {自分|じぶん}で {払|はら}います。",
      needed:
        "【{必要|ひつよう}な もの】\n・カメラが ある スマートフォンか パソコン\n・{求職番号|きゅうしょくばんごう}\n　まだ ない {人|ひと}は、{求職者|きゅうしょくしゃ}マイページを {作|つく}ります。\n・きまりへの {同意|どうい}\n・{周|まわ}りに {人|ひと}が いない {場所|ばしょ}",
      recording: "{相談|そうだん}の {録画|ろくが}と {録音|ろくおん}は できません。\nどんな {方法|ほうほう}でも できません。",
      join:
        "{予約|よやく}が {決|き}まると、メールが {届|とど}きます。\nメールに URLが あります。\n{相談|そうだん}の {日|ひ}に、その URLを {開|ひら}いて ください。\nメールアドレスを {書|か}いて、{参加|さんか}します。\nアプリ（Tele office）で {参加|さんか}できます。\nブラウザでも {参加|さんか}できます。",
      myPage:
        "{求職者|きゅうしょくしゃ}マイページの {作|つく}り{方|かた}です。\nマイページは ハローワーク インターネット サービスで {作|つく}れます。\n{求職|きゅうしょく}の {登録|とうろく}の {前|まえ}でも {予約|よやく}できます。\nマイページを {作|つく}って、{仮|かり}の {登録|とうろく}を して ください。",
    },
  },

  /** キャンセル待ち, said as waiting for a time to become free: joining from a refusal, the places, answering an offer. */
  waitlist: {
    joinChoice: "あくのを {待|ま}つ",
    joinHint: "{時間|じかん}が あくのを {待|ま}つ ことも できます。\nあいたら {知|し}らせます。",
    /** A window: the day on one line, the times on the next, as formats.ts says them; no furigana (it goes into mail too). */
    dayWindow: (date: string, from: string, to: string) => `${date}\n${plainTimes(from)}～${plainTimes(to)}`,
    spanWindow: (from: string, to: string, fromTime: string, toTime: string) => `${from}～${to}の\n${plainTimes(fromTime)}～${plainTimes(toTime)}`,
    joined: (position: number, window: string, minutes: number) =>
      `{待|ま}つ {申|もう}し{込|こ}みを {受|う}け{付|つ}けました。\n${window}\nあなたは ${position}{番目|ばんめ}です。\nあいたら ここで {知|し}らせます。\n{知|し}らせるのは {午前|ごぜん}8{時|じ}30{分|ぷん}から {午後|ごご}8{時|じ}までです。\n{知|し}らせてから ${minutes}{分|ふん}、\nその {時間|じかん}を {取|と}って おきます。`,
    alreadyWaiting: (position: number, window: string) => `もう {待|ま}って います。\n${window}\nあなたは ${position}{番目|ばんめ}です。`,
    tooMany: (max: number) => `{待|ま}てるのは ${max}つまでです。\nほかの {時間|じかん}を {待|ま}つのを やめてから、{申|もう}し{込|こ}んで ください。`,
    cannotJoin: "{待|ま}つ {申|もう}し{込|こ}みが できませんでした。\nもう{一度|いちど}、{日|ひ}と {時間|じかん}から {申|もう}し{込|こ}んで ください。",
    heading: "{待|ま}って いる {時間|じかん}です。",
    place: (window: string, position: number) => `・${window.replace("\n", " ")}（${position}{番目|ばんめ}）`,
    offered: (slot: string, until: string) => `・${slot}\n　あきが {出|で}ました。${until}まで {取|と}って あります。`,
    none: "{待|ま}って いる {時間|じかん}は ありません。",
    see: "{待|ま}って いる {時間|じかん}を {見|み}る",
    leave: "{待|ま}つのを やめる",
    leaveOne: (when: string) => `${when}を やめる`,
    askLeaveWhich: "どの {時間|じかん}を {待|ま}つのを やめますか？",
    left: (window: string) => `{待|ま}つのを やめました。\n${window}`,
    accepted: (slot: string, minutes: number) => `この {時間|じかん}を {取|と}って おきました。\n${slot}\n${minutes}{分|ふん}の {間|あいだ}に {申|もう}し{込|こ}みを {終|お}えて ください。`,
    declined: "わかりました。\nこの {時間|じかん}は ほかの {人|ひと}に {知|し}らせます。\n{待|ま}つのは {終|お}わりました。",
    expired: "{時間|じかん}が {過|す}ぎました。\nこの {時間|じかん}は ほかの {人|ひと}に {知|し}らせました。\nほかの {日|ひ}が いい ときは、{予約|よやく}から {申|もう}し{込|こ}んで ください。",
    alreadyAccepted: "この {知|し}らせは もう {受|う}けて います。",
    otherSession: "この {知|し}らせには、{待|ま}つ {申|もう}し{込|こ}みを した ところだけで {答|こた}えられます。",
    notFound: "この {知|し}らせは {見|み}つかりませんでした。",
  },
} satisfies SeekerCatalogue["bot"];


