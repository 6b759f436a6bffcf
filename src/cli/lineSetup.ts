// npm run line:setup: checks the LINE channel access token, sets and tests the webhook URL, installs
// the rich menu as every user's default, and prints what must still be switched on by hand.
// Safe to run again: it changes only what differs from what LINE already has.
import { readFileSync } from "node:fs";
import { ConfigError, parseEnv } from "../config.ts";
import { LineSetupError, setUpLineChannel, type LineSetupResult } from "../bot/line/channelSetup.ts";
import { RICH_MENU_IMAGE_PATH } from "../bot/line/richMenu.ts";
import { asset } from "../paths.ts";

async function main(): Promise<number> {
  const env = parseEnv(process.env);
  if (!env.LINE_CHANNEL_ACCESS_TOKEN) {
    throw new ConfigError("LINE_CHANNEL_ACCESS_TOKEN is not set: issue a long-lived channel access token in LINE Developers (Messaging API tab)");
  }
  if (!env.PUBLIC_BASE_URL) {
    throw new ConfigError("PUBLIC_BASE_URL is not set: LINE's webhook URL is the bot's public https address followed by /line/webhook");
  }
  if (!env.PUBLIC_BASE_URL.startsWith("https:")) {
    console.error(`注意 / note: LINE は https の Webhook URL しか受け付けません / LINE accepts only an https webhook URL (PUBLIC_BASE_URL is ${env.PUBLIC_BASE_URL})`);
  }
  const result = await setUpLineChannel(
    {
      accessToken: env.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: env.LINE_API_BASE_URL,
      dataBaseUrl: env.LINE_API_DATA_BASE_URL,
      publicBaseUrl: env.PUBLIC_BASE_URL,
      image: readFileSync(asset(...RICH_MENU_IMAGE_PATH)),
    },
    (line) => console.log(line),
  );
  console.log(`\n${byHand(result).join("\n")}`);
  if (!result.webhookTest.success) {
    console.error(
      [
        "",
        `Webhook のテストに失敗しました: LINE から ${result.webhook.endpoint} に届きませんでした (${result.webhookTest.reason}, status ${result.webhookTest.statusCode})。`,
        "サーバーが動いていて外から https で届くこと、LINE_CHANNEL_SECRET がこのチャネルのものであることを確かめ、もう一度実行してください。",
        `The webhook test failed: LINE could not deliver to ${result.webhook.endpoint} (${result.webhookTest.reason}, status ${result.webhookTest.statusCode}).`,
        "Check that the server runs and is reachable over https, and that LINE_CHANNEL_SECRET is this channel's secret; then run this again.",
      ].join("\n"),
    );
    return 1;
  }
  return 0;
}

/** What the Messaging API cannot switch: the operator does it once in LINE's consoles. */
function byHand(result: LineSetupResult): string[] {
  const lines = [
    "手作業で設定すること / Still to do by hand:",
    "LINE Developers › チャネル › Messaging API設定 / Messaging API tab:",
    "  - Webhookの再送: オン / Webhook redelivery: on (the bot answers each event once, however often it comes)",
  ];
  if (!result.webhook.active) lines.push("  - Webhookの利用: オン（今はオフ）/ Use webhook: on (it is off now)");
  lines.push(
    "LINE Official Account Manager › 設定 › 応答設定 / Settings › Response settings:",
    "  - 応答メッセージ: オフ / Auto-reply messages: off (the bot answers on its own)",
    "  - あいさつメッセージ: オフ / Greeting message: off (the bot greets new friends itself)",
  );
  if (result.bot.markAsReadMode === "auto") {
    lines.push(
      "  - チャットがオフのため、LINE は受け取ったメッセージをすぐ既読にします。担当者が開いたときだけ既読にするにはチャットをオンにします。",
      "    Chat is off, so LINE marks every message read on arrival; turn chat on for 既読 only when a person opens the chat.",
    );
  }
  if (result.olderMenus.length > 0) {
    lines.push(`以前のリッチメニュー（削除してかまいません）/ Older rich menus of this bot, safe to delete: ${result.olderMenus.join(", ")}`);
  }
  return lines;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Our own errors are sentences for the operator; anything else is named without a stack.
    const known = error instanceof ConfigError || error instanceof LineSetupError;
    console.error(`line:setup failed: ${known || error instanceof Error ? (error as Error).message : String(error)}`);
    process.exit(1);
  },
);
