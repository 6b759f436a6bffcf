import { createHash } from "node:crypto";
import { arrayBuffer } from "node:stream/consumers";
import { messagingApi } from "@line/bot-sdk";
import { inEachLocale, inEveryLocale, type Catalogue } from "../../i18n/index.ts";
import { RICH_MENU_NAME_PREFIX, richMenuRequest } from "./richMenu.ts";

// What `npm run line:setup` does to a LINE channel. Each step first reads what LINE has and writes
// only what differs, so a second run changes nothing.

/** Where our app serves LINE's webhook (src/http/app.ts mounts the LINE routes at /line). */
export const LINE_WEBHOOK_PATH = "/line/webhook";

export interface LineSetupOptions {
  accessToken: string;
  /** LINE_API_BASE_URL (api.line.me) and LINE_API_DATA_BASE_URL (api-data.line.me, images). */
  apiBaseUrl: string;
  dataBaseUrl: string;
  /** PUBLIC_BASE_URL: the webhook URL is this and LINE_WEBHOOK_PATH. */
  publicBaseUrl: string;
  /** The rich menu's PNG, as committed in assets/line/. */
  image: Uint8Array;
}

export type StepOutcome = "unchanged" | "changed";

export interface LineSetupResult {
  bot: { displayName: string; basicId: string; chatMode: string; markAsReadMode: string };
  webhook: { endpoint: string; outcome: StepOutcome; active: boolean };
  webhookTest: { success: boolean; statusCode: number; reason: string; detail: string };
  richMenu: { richMenuId: string; created: boolean; imageUploaded: boolean; madeDefault: boolean };
  /** Menus an earlier version of this command made, left in place (users may still be linked to them). */
  olderMenus: string[];
}

/** A line of the operator's report in every locale, 「設定済み / already set」: the catalogues' cli part. */
export function operatorText(pick: (words: Catalogue["cli"]) => string): string {
  return inEveryLocale((words) => pick(words.cli));
}

/** A step LINE refused, or LINE could not be reached: the set-up stops with this message. */
export class LineSetupError extends Error {
  override name = "LineSetupError";
}

export function webhookUrl(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}${LINE_WEBHOOK_PATH}`;
}

export async function setUpLineChannel(options: LineSetupOptions, progress: (line: string) => void = () => {}): Promise<LineSetupResult> {
  const api = new messagingApi.MessagingApiClient({ channelAccessToken: options.accessToken, baseURL: options.apiBaseUrl });
  const data = new messagingApi.MessagingApiBlobClient({ channelAccessToken: options.accessToken, baseURL: options.dataBaseUrl });

  const info = await ask("checking the channel access token (GET /v2/bot/info)", () => api.getBotInfo());
  const bot = { displayName: info.displayName, basicId: info.basicId, chatMode: info.chatMode, markAsReadMode: info.markAsReadMode };
  progress(`${operatorText((w) => w.channel)}: ${bot.displayName} (${bot.basicId}) — ${operatorText((w) => w.tokenAccepted)}`);

  const endpoint = webhookUrl(options.publicBaseUrl);
  const current = await ask("reading the webhook URL", () => api.getWebhookEndpoint(), { notFound: { endpoint: "", active: false } });
  const webhookOutcome: StepOutcome = current.endpoint === endpoint ? "unchanged" : "changed";
  if (webhookOutcome === "changed") await ask("setting the webhook URL", () => api.setWebhookEndpoint({ endpoint }));
  progress(`Webhook URL: ${endpoint} — ${operatorText((w) => (webhookOutcome === "changed" ? w.set : w.alreadySet))}`);

  const test = await ask("testing the webhook", () => api.testWebhookEndpoint({ endpoint }));
  const webhookTest = { success: test.success === true, statusCode: test.statusCode, reason: test.reason, detail: test.detail };
  progress(
    webhookTest.success
      ? `${operatorText((w) => w.webhookTest)}: ${webhookTest.statusCode} OK`
      : `${operatorText((w) => w.webhookTestFailed)}: ${webhookTest.reason} (status ${webhookTest.statusCode}, ${webhookTest.detail})`,
  );

  const digest = createHash("sha256").update(options.image).digest("hex");
  const wanted = richMenuRequest(digest);
  const { richmenus } = await ask("listing the rich menus", () => api.getRichMenuList());
  const existing = richmenus.find((menu) => sameRichMenu(menu, wanted));
  let richMenuId: string;
  if (existing) {
    richMenuId = existing.richMenuId;
  } else {
    richMenuId = (await ask("creating the rich menu", () => api.createRichMenu(wanted))).richMenuId;
  }
  progress(`${operatorText((w) => w.richMenu)}: ${richMenuId} — ${operatorText((w) => (existing ? w.alreadyThere : w.created))}`);

  // A run stopped between creating the menu and uploading its image leaves a menu with no picture.
  const hasImage = existing ? await ask("checking the rich menu image", async () => (await arrayBuffer(await data.getRichMenuImage(richMenuId))).byteLength > 0, { notFound: false }) : false;
  if (!hasImage) {
    await ask("uploading the rich menu image", () => data.setRichMenuImage(richMenuId, new Blob([new Uint8Array(options.image)], { type: "image/png" })));
  }
  progress(`${operatorText((w) => w.richMenuImage)}: ${operatorText((w) => (hasImage ? w.alreadyUploaded : w.uploaded))}`);

  const currentDefault = await ask("reading the default rich menu", async () => (await api.getDefaultRichMenuId()).richMenuId, { notFound: null });
  const madeDefault = currentDefault !== richMenuId;
  if (madeDefault) await ask("setting the default rich menu", () => api.setDefaultRichMenu(richMenuId));
  progress(`${operatorText((w) => w.defaultRichMenu)}: ${operatorText((w) => (madeDefault ? w.set : w.alreadySet))}`);

  const olderMenus = richmenus.filter((menu) => menu.name.startsWith(RICH_MENU_NAME_PREFIX) && menu.richMenuId !== richMenuId).map((menu) => menu.richMenuId);
  return {
    bot,
    webhook: { endpoint, outcome: webhookOutcome, active: current.active },
    webhookTest,
    richMenu: { richMenuId, created: !existing, imageUploaded: !hasImage, madeDefault },
    olderMenus,
  };
}

/** The fields of a rich menu that decide what users see and what a tap sends. */
function sameRichMenu(found: messagingApi.RichMenuResponse, wanted: messagingApi.RichMenuRequest): boolean {
  const essentials = (menu: messagingApi.RichMenuRequest) =>
    JSON.stringify({
      name: menu.name,
      size: { width: menu.size?.width, height: menu.size?.height },
      selected: menu.selected,
      chatBarText: menu.chatBarText,
      areas: (menu.areas ?? []).map(({ bounds, action }) => {
        const postback = action as messagingApi.PostbackAction | undefined;
        return {
          bounds: { x: bounds?.x, y: bounds?.y, width: bounds?.width, height: bounds?.height },
          action: { type: postback?.type, label: postback?.label, data: postback?.data, displayText: postback?.displayText },
        };
      }),
    });
  return essentials(found) === essentials(wanted);
}

/**
 * One call to LINE, its failure turned into a sentence a person can act on. With `notFound`, a 404
 * is an answer (nothing set yet), not a failure.
 */
async function ask<T, F = never>(what: string, call: () => Promise<T>, options?: { notFound: F }): Promise<T | F> {
  try {
    return await call();
  } catch (error) {
    if (isHttpError(error)) {
      if (error.status === 404 && options && "notFound" in options) return options.notFound;
      if (error.status === 401) {
        throw new LineSetupError(inEachLocale((w) => w.cli.tokenRefused(lineMessage(error.body))).join("\n"));
      }
      throw new LineSetupError(`${what}: ${operatorText((w) => w.lineAnswered)} ${error.status}: ${lineMessage(error.body)}`);
    }
    throw new LineSetupError(`${what}: ${operatorText((w) => w.cannotReachLine)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function isHttpError(error: unknown): error is { status: number; body: string } {
  return error instanceof Error && error.name === "HTTPFetchError" && typeof (error as { status?: unknown }).status === "number";
}

/** LINE's error text with the property details it gives for a refused body. */
function lineMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; details?: { property?: string; message?: string }[] };
    const details = (parsed.details ?? []).map((d) => `${d.property}: ${d.message}`);
    return [String(parsed.message ?? body), ...details].join("; ");
  } catch {
    return body || "no message";
  }
}
