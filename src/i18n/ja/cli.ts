// What `npm run line:setup` tells the operator. The report prints every locale side by side
// (inEveryLocale), since a terminal has no language of its own; names LINE shows in English stay in
// the report's code.
export const cli = {
  note: "注意",
  httpsOnly: "LINE は https の Webhook URL しか受け付けません",
  channel: "チャネル",
  tokenAccepted: "アクセストークン有効",
  set: "設定しました",
  alreadySet: "設定済み",
  webhookTest: "Webhook のテスト",
  webhookTestFailed: "Webhook のテストに失敗",
  richMenu: "リッチメニュー",
  created: "作成しました",
  alreadyThere: "作成済み",
  richMenuImage: "リッチメニュー画像",
  uploaded: "アップロードしました",
  alreadyUploaded: "アップロード済み",
  defaultRichMenu: "既定のリッチメニュー",
  tokenRefused: (lineSaid: string) =>
    `LINE がチャネルアクセストークンを受け付けませんでした (401: ${lineSaid})。LINE Developers の「Messaging API設定」で長期のチャネルアクセストークンを発行し、LINE_CHANNEL_ACCESS_TOKEN に設定してください。`,
  lineAnswered: "LINE の応答",
  cannotReachLine: "LINE に接続できません",
  webhookUndelivered: (endpoint: string, reason: string, statusCode: number) => [
    `Webhook のテストに失敗しました: LINE から ${endpoint} に届きませんでした (${reason}, status ${statusCode})。`,
    "サーバーが動いていて外から https で届くこと、LINE_CHANNEL_SECRET がこのチャネルのものであることを確かめ、もう一度実行してください。",
  ],
  byHand: "手作業で設定すること",
  developersConsole: "LINE Developers › チャネル › Messaging API設定",
  redelivery: "Webhookの再送: オン",
  useWebhook: "Webhookの利用: オン（今はオフ）",
  responseSettings: "LINE Official Account Manager › 設定 › 応答設定",
  autoReplyOff: "応答メッセージ: オフ",
  greetingOff: "あいさつメッセージ: オフ",
  chatOff: "チャットがオフのため、LINE は受け取ったメッセージをすぐ既読にします。担当者が開いたときだけ既読にするにはチャットをオンにします。",
  olderMenus: "以前のリッチメニュー（削除してかまいません）",
};
