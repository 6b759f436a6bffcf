// npm run line:setup: checks the LINE channel access token, sets and tests the webhook URL, installs
// the rich menu as every user's default, and prints what must still be switched on by hand.
// Safe to run again: it changes only what differs from what LINE already has.
import { readFileSync } from "node:fs";
import { ConfigError, parseEnv } from "../config.ts";
import { LineSetupError, operatorText, setUpLineChannel, type LineSetupResult } from "../bot/line/channelSetup.ts";
import { RICH_MENU_IMAGE_PATH } from "../bot/line/richMenu.ts";
import { inEachLocale } from "../i18n/index.ts";
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
    console.error(`${operatorText((w) => w.note)}: ${operatorText((w) => w.httpsOnly)} (PUBLIC_BASE_URL is ${env.PUBLIC_BASE_URL})`);
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
    const { endpoint } = result.webhook;
    const { reason, statusCode } = result.webhookTest;
    console.error(["", ...inEachLocale((w) => w.cli.webhookUndelivered(endpoint, reason, statusCode)).flat()].join("\n"));
    return 1;
  }
  return 0;
}

/** What the Messaging API cannot switch: the operator does it once in LINE's consoles. */
function byHand(result: LineSetupResult): string[] {
  const item = (pick: Parameters<typeof operatorText>[0]) => `  - ${operatorText(pick)}`;
  const lines = [`${operatorText((w) => w.byHand)}:`, `${operatorText((w) => w.developersConsole)}:`, item((w) => w.redelivery)];
  if (!result.webhook.active) lines.push(item((w) => w.useWebhook));
  lines.push(`${operatorText((w) => w.responseSettings)}:`, item((w) => w.autoReplyOff), item((w) => w.greetingOff));
  if (result.bot.markAsReadMode === "auto") {
    // Too long for one line: each locale on its own, under the same item.
    lines.push(...inEachLocale((w) => w.cli.chatOff).map((text, i) => `${i === 0 ? "  - " : "    "}${text}`));
  }
  if (result.olderMenus.length > 0) {
    lines.push(`${operatorText((w) => w.olderMenus)}: ${result.olderMenus.join(", ")}`);
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
