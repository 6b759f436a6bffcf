// やさしい日本語 (ja-x-easy): the bot's words for residents whose Japanese is still growing.
// How it was written: from the Japanese catalogue, rule by rule of 在留支援のためのやさしい日本語
// ガイドライン (出入国在留管理庁・文化庁, 2020): one idea per sentence, short sentences, everyday words,
// です・ます without stacked honorifics (no いただく, ご〜ください), dates and times written plainly
// (12月3日 午後2時, formats.ts), katakana loanwords avoided (メール and URL stay: no plainer word is
// understood as well), spaces between phrases. Kanji carry their reading, {漢字|かんじ} (i18n/ruby.ts):
// the widget shows furigana, LINE and mail the kanji alone. How it was checked: test/i18n/easyJapanese.
// test.ts measures every sentence (the README gives the figures), and the menu, the intake's questions
// and the consent summary were read against the guideline's checklist. Parts not yet rewritten keep
// the Japanese catalogue's wording (see the README): they are being rewritten the same way.
import type { SeekerCatalogue } from "../catalogue.ts";
// Not yet rewritten in やさしい日本語: the sections given as japanese.… are the Japanese catalogue's own.
import { bot as japanese } from "../ja/bot.ts";

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
      `すでに${when ? ` ${when} の\n` : ""}ご予約があります。\n確認や変更は下のボタンからどうぞ。`,
    bookAnother: "別の予約を申し込む",
    seekerNumberBooked: (phone: string | null) =>
      `この求職番号には、すでにご予約があります。\n変更や取り消しは、ご予約のときの\nトーク、予約番号での検索${phone ? `、\nお電話（${phone}）` : "、窓口"}でお受けします。\n別の番号でしたら、お書きください。`,
    askName: "{名前|なまえ}を {書|か}いて ください。\n{名字|みょうじ}と {名前|なまえ}の {両方|りょうほう}です。",
    nameInvalid: "お名前を読み取れませんでした。\n「長崎 太郎」のようにお書きください。",
    askSeekerNumber: "{求職番号|きゅうしょくばんごう}を {書|か}いて ください。\nハローワークの カードに あります。\n（{例|れい} 12345-1234567）",
    seekerNotRegistered: "まだ {登録|とうろく}していない",
    seekerNumberInvalid: "求職番号の形になっていないようです。\n数字5けた、ハイフン、数字8けたまで\n（例 42010-1234567）でお書きください。",
    seekerNumberConfirmPrefix: (value: string) =>
      `求職番号は「${value}」でよろしいですか？\n長崎県以外で登録された番号のようです。`,
    notRegisteredGuide:
      "求職登録の前でもご予約いただけます。\n相談の前に、ハローワーク\nインターネットサービスで\n「求職者マイページ」を作成し、\n仮登録をお済ませください。",
    askEstablishmentNumber: "事業所番号を教えてください。\n（例 4201-123456-7）",
    establishmentNumberInvalid: "事業所番号の形になっていないようです。\n数字4けた-6けた-1けた\n（例 4201-123456-7）でお書きください。",
    askEmail: "メールアドレスを {書|か}いて ください。\n{相談|そうだん}の {案内|あんない}を {送|おく}ります。",
    emailInvalid: "メールアドレスが {正|ただ}しく ないようです。\nもう{一度|いちど} {書|か}いて ください。",
    emailSuggest: (typed: string, suggestion: string) =>
      `「${typed}」とお書きいただきました。\n「${suggestion}」の\nお間違いではありませんか？`,
    emailUseSuggestion: (suggestion: string) => suggestion,
    emailKeepTyped: "書いたとおりでよい",
    askPhone: "{電話番号|でんわばんごう}を {書|か}いて ください。\n{昼|ひる}に つながる {番号|ばんごう}です。",
    phoneInvalid: "{電話番号|でんわばんごう}が わかりませんでした。\n「090-1234-5678」のように {書|か}いて ください。",
    askCounsellor: "{相談|そうだん}する {人|ひと}を {選|えら}びますか？",
    noPreference: "{選|えら}ばない",
    sameCounsellor: "前回と同じ相談員",
    lastCounsellor: (name: string) => `前回は${name}が担当しました。`,
    counsellorUnknown: "その相談員は見つかりませんでした。\n下のボタンからお選びください。",
    askWhen:
      "いつが いいですか？\n「12{月|がつ}3{日|か} 14{時|じ}」のように {書|か}いて ください。\n{下|した}から {選|えら}んでも いいです。",
    whenNotUnderstood:
      "日時を読み取れませんでした。\n「12月3日 14時」のように\nお書きいただくか、\n下の候補からお選びください。",
    whenConfirm: (when: string) => `${when}\nでよろしいですか？`,
    whenConfirmAmbiguousHour: (when: string) => `午後の時刻として、\n${when}\nでよろしいですか？`,
    whenWithin: (label: string) => `${label}の\n空いている時間はこちらです。\nお選びください。`,
    whenNoneWithin: (label: string) => `${label}には\n空きがありませんでした。\n近い空き時間はこちらです。`,
    spanLabel: (from: string, to: string) => `${from}〜${to}`,
    afterLabel: (when: string) => `${when}以降`,
    beforeLabel: (when: string) => `${when}まで`,
    whenPickFromOptions: (count: number): string => (count > 0 ? "空いている時間はこちらです。\nお選びください。" : "空いている時間が見つかりませんでした。"),
    whenHeld: (when: string, minutes: number) =>
      `${when}を {取|と}って おきます。\n${minutes}{分|ふん}の {間|あいだ}に {続|つづ}きを して ください。`,
    alternativesIntro: "近い空き時間はこちらです。",
    alternativesWithCounsellor: (name: string) => `${name}の空き時間はこちらです。`,
    alternativesWithAnyone: "ほかの相談員なら、こちらが空いています。",
    noAlternatives: (phone: string | null) =>
      `あいにく近い空きがありません。${phone ? `\nお電話（${phone}）でもご相談ください。` : ""}`,
    freeTimes: "空いている日時から選ぶ",
    freeDays: (counsellor: string | null) =>
      counsellor ? `${counsellor}の空きがある日です。\n日にちをお選びください。` : "空きがある日はこちらです。\n日にちをお選びください。",
    freeDayChoice: (date: string, count: number) => `${date} 空き${count}`,
    moreDays: "もっと先の日",
    earlierDays: "前の日に戻る",
    freeTimesOn: (date: string) => `${date}の\n空いている時間です。\n時間をお選びください。`,
    laterTimes: "もっと遅い時間",
    otherDays: "ほかの日を選ぶ",
    dayNowFull: (date: string) => `${date}は\n空きがなくなりました。`,
    noFreeDays: (phone: string | null) =>
      `あいにく、予約できる空きが\nいまはありません。${phone ? `\nお電話（${phone}）でもご相談ください。` : ""}`,
    askTopic: "{何|なに}を {相談|そうだん}したいですか？\n{短|みじか}く {書|か}いて ください。\n（{例|れい} {事務|じむ}の {仕事|しごと}を {探|さが}したい）",
    topicInvalid: "ご相談の内容を、もう少し詳しく\nお書きください（400文字まで）。",
    askSupport: "{通訳|つうやく}は {必要|ひつよう}ですか？\n{手伝|てつだ}う {人|ひと}は {一緒|いっしょ}ですか？",
    supportNone: "いらない",
    summaryIntro: "{内容|ないよう}を {見|み}て ください。",
    summaryAsk: "これで {申|もう}し{込|こ}みますか？",
    summaryUseButtons: (submit: string, edit: string, stop: string) =>
      `申し込む場合は「${submit}」、\n直す場合は「${edit}」、\nやめる場合は「${stop}」を\n押してください。`,
    submit: "{申|もう}し{込|こ}む",
    edit: "なおす",
    askEditWhich: "どこを なおしますか？",
    submitted: (reference: string) =>
      `お申し込みを受け付けました。\n予約番号は ${reference} です。`,
    nextSteps: [
      "【このあとの流れ】",
      "1. 担当者が日時を調整し、招待メールで\n　相談のURLをお送りします",
      "2. 当日はURLを開き、メールアドレスを\n　入力して参加してください",
      "3. 取り消しや変更は、このチャットか\n　お電話でご連絡ください",
      "※開始10分後までにご連絡がない場合は\n　キャンセルとして扱います",
      "※録画・録音はできません",
    ],
    checklist: [
      "【当日までの準備】",
      "□ 周りに人のいない場所",
      "□ カメラとマイクが使える端末",
      "□ OSやアプリを最新の状態に",
      "□ ウイルス対策ソフトとファイアウォール",
    ],
    holdLost: "仮押さえの時間が過ぎ、\nその枠は埋まってしまいました。",
  },

  rows: japanese.rows,
  refusal: japanese.refusal,
  verify: japanese.verify,
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

  find: japanese.find,
  handoff: japanese.handoff,
  now: japanese.now,
  faq: japanese.faq,
  /** キャンセル待ち: joining from a refusal, the places, answering an offer. */
  waitlist: japanese.waitlist,
} satisfies SeekerCatalogue["bot"];


