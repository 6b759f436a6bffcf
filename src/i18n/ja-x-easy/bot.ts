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

  rows: {
    office: "窓口",
    requester: "ご相談者",
    name: "お名前",
    seekerNumber: "求職番号",
    establishmentNumber: "事業所番号",
    email: "メール",
    phone: "電話番号",
    counsellor: "指名",
    when: "日時",
    topic: "相談内容",
    support: "通訳・介助",
    notRegistered: "未登録",
    none: "なし",
  },

  refusal: {
    weekend: (date: string) => `${date}は土日のため、相談をお受けしていません。`,
    holiday: (date: string, name: string) => `${date}は${name}のため、相談をお受けしていません。`,
    yearEnd: (date: string) => `${date}は年末年始（12月29日～1月3日）の\nお休みです。`,
    closure: (date: string, reason: string) => `${date}は臨時休業です（${reason}）。`,
    outsideHours: (from: string, to: string, lastStart: string) =>
      `相談できる時間は ${from}～${to} です。\n最後の枠は ${lastStart} 開始です。`,
    notOnGrid: (neighbours: string) => `相談は30分ごとの枠です。\n${neighbours} はいかがですか？`,
    tooLate: (cutoff: string) => `ご予約は前日までに承っています。\nこの日の受付は ${cutoff} で\n締め切りました。`,
    tooFar: (last: string) => `ご予約は ${last} の分まで承っています。`,
    full: "その時間は埋まっています。",
    inPast: "その日時はすでに過ぎています。",
    counsellorUnavailable: (name: string) => `${name}はその時間に相談をお受けできません。`,
    seekerHasBooking: (when: string | null) =>
      `すでに${when ? ` ${when} の\n` : ""}ご予約があります。\n変更する場合は「予約を変更する」を\nお選びください。`,
    seekerSuspended: (phone: string | null) =>
      `申し訳ありません。\n連絡のないキャンセルが続いたため、\nオンラインでのご予約をお受けできません。${phone ? `\nお電話（${phone}）でご相談ください。` : "\n窓口でご相談ください。"}`,
    limitPerson: (phone: string | null) =>
      `お一人が同時にお申し込みいただける件数の\n上限に達しています。\nいまのご予約は「予約を確認する」から\n確認・変更できます。${phone ? `\nほかのご相談はお電話（${phone}）で\n承ります。` : ""}`,
    limitClient: (phone: string | null) =>
      `この回線からのお申し込みが多いため、\nいまはオンラインでお受けできません。${phone ? `\nお電話（${phone}）でお申し込みください。` : "\n窓口でご相談ください。"}`,
    limitClientHolds: "この回線から仮押さえ中の枠が多いため、\nいまは新しく押さえられません。\n数分おいてから、もう一度お試しください。",
  },

  verify: {
    codeSent: (email: string, minutes: number) =>
      `${email} あてに\n確認コード（6桁の数字）を送りました。\n${minutes}分以内に、メールにある\nコードを入力してください。`,
    codeWrong: "コードが違います。\nメールにある6桁の数字を\nもう一度入力してください。",
    codeExpired: "コードの有効期限が切れました。\n「コードを再送」を押してください。",
    tooManyAttempts: "入力の誤りが続いたため、\nこのコードは使えなくなりました。\n「コードを再送」を押してください。",
    addressThrottled: (phone: string | null) =>
      `このアドレスには続けてコードを送ったため、\nしばらく送れません。\n1時間ほどおいてお試しください。${phone ? `\nお急ぎの方はお電話（${phone}）で\nお申し込みください。` : ""}`,
    clientThrottled: (phone: string | null) =>
      `この回線からのコードの送信が多いため、\nしばらく送れません。\n1時間ほどおいてお試しください。${phone ? `\nお急ぎの方はお電話（${phone}）で\nお申し込みください。` : ""}`,
    verified: "メールアドレスを確認しました。",
    resend: "コードを再送",
    changeEmail: "アドレスを直す",
    mailSubject: (office: string) => `【${office}】メールアドレスの確認コード`,
    mailBody: (code: string, minutes: number, office: string) =>
      [
        "オンライン職業相談の予約チャットで、",
        "このメールアドレスが入力されました。",
        "",
        `確認コード：${code}`,
        "",
        `このコードをチャットの画面に入力してください。有効期限は${minutes}分です。`,
        "お心当たりのない場合は、このメールを破棄してください。",
        "このメールは送信専用です。ご返信いただいてもお答えできません。",
        "",
        office,
        "",
      ].join("\n"),
  },

  status: {
    none: "現在、受付中のご予約はありません。",
    intro: (count: number) => `ご予約は${count}件あります。`,
  },

  cancel: {
    none: "取り消せるご予約はありません。",
    askWhich: "どのご予約を取り消しますか？",
    confirm: (when: string) => `${when}\nのご予約を取り消しますか？`,
    doIt: "取り消す",
    keep: "取り消さない",
    done: (when: string) => `${when}\nのご予約を取り消しました。\n担当者にもお伝えします。`,
    kept: "ご予約はそのままです。",
    failed: "このご予約は取り消せませんでした。\nすでに始まっているか、\n取り消し済みの可能性があります。",
  },

  change: {
    none: "変更できるご予約はありません。",
    askWhich: "どのご予約を変更しますか？",
    current: (when: string) => `現在のご予約は\n${when}\nです。`,
    confirm: (from: string, to: string) => `${from}\nから\n${to}\nへ変更しますか？`,
    doIt: "変更する",
    keep: "変更しない",
    done: (when: string, reference: string) =>
      `${when}\nへの変更を受け付けました。\n新しい予約番号は ${reference} です。\n担当者から改めてご連絡します。`,
    kept: "ご予約はそのままです。",
    sameSlot: "今のご予約と同じ日時です。\n別の日時をお選びいただくか、\n「変更しない」を押してください。",
  },

  find: {
    choice: "予約番号で探す",
    askReference: "予約番号を教えてください。\n（例: NG-3K7P9Q）\n予約のときのメッセージや\nメールに書いてあります。",
    referenceUnknown: "予約番号を読み取れませんでした。\n英字2文字、ハイフン、英数字6文字の\n形です（例: NG-3K7P9Q）。",
    askContact: "ご予約のときに伺った\nメールアドレスか電話番号を\n教えてください。",
    contactUnknown: "メールアドレスか電話番号を\n読み取れませんでした。\nもう一度お書きください。",
    notFound: (phone: string | null) =>
      `予約番号とメールアドレス・電話番号の\n組み合わせに合うご予約が\n見つかりませんでした。\n書き間違いがないかご確認ください。${phone ? `\nお電話（${phone}）でもお受けします。` : ""}`,
    throttled: (phone: string | null) =>
      `確認の回数が上限に達しました。\n1時間ほどたってから、\nもう一度お試しください。${phone ? `\nお急ぎの場合はお電話（${phone}）で\nお問い合わせください。` : ""}`,
    found: "ご予約が見つかりました。\n変更や取り消しは\n下のボタンからどうぞ。",
    inactive: "このご予約は、すでに終わったか、\n取り消し・変更済みのため、\nチャットでは変更できません。",
    linkInvalid: "このリンクは正しくありません。\nメールのリンクをそのまま開くか、\n予約番号でお探しください。",
    linkExpired: "このリンクは使えなくなりました。\nご予約がすでに終わったか、\n取り消し・変更済みです。\n変更後のご予約は、新しいメールの\nリンクか予約番号でお探しください。",
  },

  handoff: {
    started: "担当者にお伝えしました。\n担当者からの返信を\nこのままお待ちください。",
    officeHours: (hours: string) => `受付時間（平日 ${hours}）外は、\n翌開庁日のお返事になります。`,
    waiting: "担当者に伝えました。\n返信までお待ちください。",
    released: "自動案内に戻りました。\nご用件をお選びください。",
    leave: "自動案内に戻る",
  },

  now: {
    needsConsent: "今すぐの相談は、過去に規約へ\n同意いただいた方が対象です。\nまずはご予約をお願いします。",
    termsChanged: (version: string) => `利用規約が改定されました（${version}版）。\n続けるには、改定後の規約に\n同意していただく必要があります。`,
    noneAvailable: "ただいま、すぐに対応できる\n相談員がいません。\nご予約をお願いします。",
    noPhone: "折り返しのお電話番号の記録がないため、\n今すぐの相談はご利用いただけません。\nご予約をお願いします。",
    confirm: (phone: string) => `記録のある電話番号（${phone}）に\n担当者から折り返します。\nよろしいですか？\n※この手続きでは番号を変更できません。`,
    requested: "担当者にお伝えしました。\nミーティングIDとパスコードを、\nマイページかお電話でお知らせします。",
    phoneLocked: "本人確認のため、この手続きでは\n電話番号を変更できません。",
  },

  faq: {
    ask: "知りたいことをお選びください。",
    hours: "相談時間",
    phones: "電話番号",
    cost: "費用",
    needed: "必要なもの",
    recording: "録画・録音",
    join: "参加のしかた",
    myPage: "マイページ",
    answers: {
      hours: (lines: string[]) => `【相談できる時間】平日のみ、1回30分\n${lines.join("\n")}\n土日祝日と12月29日～1月3日は\nお休みです。`,
      phones: (lines: string[]) => `【電話番号】\n${lines.join("\n")}`,
      cost: "相談は無料です。\n通信料（パケット代など）は\nご自身のご負担になります。",
      needed:
        "【必要なもの】\n・カメラ付きのスマートフォンやパソコン\n・求職番号（未登録の方は\n　求職者マイページの作成）\n・利用規約への同意\n・周りに人のいない場所",
      recording: "相談の録画・録音は、\n方法を問わずお断りしています。",
      join: "確定後に届く招待メールのURLを\n当日開き、メールアドレスを入力して\n参加してください。\nアプリ（Tele office）または\nブラウザから参加できます。",
      myPage:
        "求職者マイページは、ハローワーク\nインターネットサービスで作成できます。\n求職登録の前でも、マイページを作って\n仮登録をすればご予約いただけます。",
    },
  },

  /** キャンセル待ち: joining from a refusal, the places, answering an offer. */
  waitlist: {
    joinChoice: "キャンセル待ちする",
    joinHint: "空きが出たらお知らせする\n「キャンセル待ち」もできます。",
    /** A window of one day: 12月3日(木) 14:00～16:00 */
    dayWindow: (date: string, from: string, to: string) => `${date} ${from}～${to}`,
    spanWindow: (from: string, to: string, fromTime: string, toTime: string) => `${from}～${to}の${fromTime}～${toTime}`,
    joined: (position: number, window: string, minutes: number) =>
      `キャンセル待ちに登録しました。\n${window}\n（${position}番目）\n空きが出たら、このトークで\nお知らせします（8:30～20:00）。\nお知らせから${minutes}分間、\n仮押さえしてお待ちします。`,
    alreadyWaiting: (position: number, window: string) => `${window}\nはキャンセル待ちの登録済みです\n（${position}番目）。`,
    tooMany: (max: number) => `キャンセル待ちは${max}件まで\n登録できます。\nほかの登録をやめてから\nお申し込みください。`,
    cannotJoin: "キャンセル待ちを受け付けられませんでした。\nもう一度、ご希望の日時から\nお申し込みください。",
    heading: "キャンセル待ちの状況です。",
    place: (window: string, position: number) => `・${window}（${position}番目）`,
    offered: (slot: string, until: string) => `・${slot}\n　空きをご案内中です（${until}まで）`,
    none: "キャンセル待ちの登録はありません。",
    see: "キャンセル待ちを確認",
    leave: "キャンセル待ちをやめる",
    leaveOne: (when: string) => `${when}をやめる`,
    askLeaveWhich: "どのキャンセル待ちをやめますか？",
    left: (window: string) => `${window}\nのキャンセル待ちをやめました。`,
    accepted: (slot: string, minutes: number) => `${slot}\nを仮押さえしました。\n${minutes}分以内に、残りのお手続きを\nお済ませください。`,
    declined: "承知しました。\nこの日時はほかの方にご案内します。\nキャンセル待ちは終了しました。",
    expired: "このご案内は期限が過ぎたため、\nほかの方にお回ししました。\n新しい日時をご希望でしたら、\n予約からお申し込みください。",
    alreadyAccepted: "このご案内は、すでにお受けしています。",
    otherSession: "このご案内は、キャンセル待ちを\n申し込んだトークでのみ\nお受けできます。",
    notFound: "このご案内は見つかりませんでした。",
  },
} satisfies SeekerCatalogue["bot"];


