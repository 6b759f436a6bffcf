import { readFileSync } from "node:fs";
import { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RICH_MENU_IMAGE_PATH, richMenuRequest } from "../../../src/bot/line/richMenu.ts";
import { fromRoot } from "../../../src/paths.ts";
import { startFakeLinePlatform, type FakeLine } from "./index.ts";

// The fake answers rich menu and webhook calls as LINE does, so line:setup's tests mean something.
describe("the fake LINE platform's rich menus and webhook settings", () => {
  const png = readFileSync(fromRoot(...RICH_MENU_IMAGE_PATH));
  let fake: FakeLine;
  let api: messagingApi.MessagingApiClient;
  let data: messagingApi.MessagingApiBlobClient;

  beforeAll(async () => {
    fake = await startFakeLinePlatform();
    api = new messagingApi.MessagingApiClient({ channelAccessToken: fake.channelAccessToken, baseURL: fake.baseUrl });
    data = new messagingApi.MessagingApiBlobClient({ channelAccessToken: fake.channelAccessToken, baseURL: fake.dataBaseUrl });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  const statusOf = async (call: () => Promise<unknown>) => {
    try {
      await call();
      return 200;
    } catch (error) {
      return (error as { status: number }).status;
    }
  };
  const image = (bytes: Uint8Array, type = "image/png") => new Blob([new Uint8Array(bytes)], { type });

  it("takes a rich menu's image only on api-data.line.me, once, in the menu's size", async () => {
    const { richMenuId } = await api.createRichMenu(richMenuRequest("a".repeat(64)));
    const onApiHost = new messagingApi.MessagingApiBlobClient({ channelAccessToken: fake.channelAccessToken, baseURL: fake.baseUrl });
    expect(await statusOf(() => onApiHost.setRichMenuImage(richMenuId, image(png)))).toBe(404);
    expect(await statusOf(() => data.setRichMenuImage(richMenuId, image(png, "image/gif")))).toBe(415);

    const wrongSize = Buffer.from(png);
    wrongSize.writeUInt32BE(1686 / 2, 20);
    expect(await statusOf(() => data.setRichMenuImage(richMenuId, image(wrongSize)))).toBe(400);

    expect(await statusOf(() => data.setRichMenuImage(richMenuId, image(png)))).toBe(200);
    expect(await statusOf(() => data.setRichMenuImage(richMenuId, image(png)))).toBe(400);
  });

  it("refuses to make a menu without its image every user's default, and says when there is no default", async () => {
    expect(await statusOf(() => api.getDefaultRichMenuId())).toBe(404);
    const { richMenuId } = await api.createRichMenu(richMenuRequest("b".repeat(64)));
    expect(await statusOf(() => api.setDefaultRichMenu(richMenuId))).toBe(400);
    await data.setRichMenuImage(richMenuId, image(png));
    await api.setDefaultRichMenu(richMenuId);
    expect(await api.getDefaultRichMenuId()).toEqual({ richMenuId });
  });

  it("refuses a rich menu whose areas leave the image or whose chat bar text is too long", async () => {
    const menu = richMenuRequest("c".repeat(64));
    const outside = { ...menu, areas: [{ ...menu.areas![0]!, bounds: { x: 2000, y: 0, width: 1000, height: 100 } }] };
    expect(await statusOf(() => api.createRichMenu(outside))).toBe(400);
    expect(await statusOf(() => api.createRichMenu({ ...menu, chatBarText: "とても長いメニューの名前です、十五文字" }))).toBe(400);
    expect(fake.richMenus()).toEqual([]);
  });

  it("answers every call with a wrong access token 401", async () => {
    const stranger = new messagingApi.MessagingApiClient({ channelAccessToken: "not-this-channels", baseURL: fake.baseUrl });
    expect(await statusOf(() => stranger.getBotInfo())).toBe(401);
    expect(await statusOf(() => stranger.setWebhookEndpoint({ endpoint: "https://bot.example.jp/line/webhook" }))).toBe(401);
    expect(fake.webhook().endpoint).toBe("");
  });

  it("keeps a webhook URL only when it is https (or this machine's loopback, for tests)", async () => {
    expect(await statusOf(() => api.setWebhookEndpoint({ endpoint: "http://bot.example.jp/line/webhook" }))).toBe(400);
    await api.setWebhookEndpoint({ endpoint: "https://bot.example.jp/line/webhook" });
    expect(await api.getWebhookEndpoint()).toEqual({ endpoint: "https://bot.example.jp/line/webhook", active: true });
  });
});
