import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { messagingApi } from "@line/bot-sdk";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LINE_WEBHOOK_PATH, setUpLineChannel, type LineSetupOptions } from "../../../src/bot/line/channelSetup.ts";
import { RICH_MENU_IMAGE_PATH, RICH_MENU_NAME_PREFIX, richMenuRequest } from "../../../src/bot/line/richMenu.ts";
import { fromRoot } from "../../../src/paths.ts";
import { lineUserId, postbackEvent, startFakeLinePlatform, type FakeLine } from "../../fakes/line-platform/index.ts";
import { useStore } from "../../helpers/stores.ts";
import { CHANNEL_SECRET, lineUser, startLineHarness, type Delivered, type LineHarness } from "../../e2e/line.harness.ts";

const image = readFileSync(fromRoot(...RICH_MENU_IMAGE_PATH));
const digest = createHash("sha256").update(image).digest("hex");

// The set-up touches no table; the webhook it tests is the real app's, on the embedded store.
describe("setting up the LINE channel (npm run line:setup)", () => {
  const store = useStore();
  let fake: FakeLine;
  let h: LineHarness;

  beforeAll(async () => {
    fake = await startFakeLinePlatform({ channelSecret: CHANNEL_SECRET });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(async () => {
    fake.reset();
    h = await startLineHarness(store, fake);
  });
  afterEach(async () => {
    await h.close();
  });

  const options = (overrides: Partial<LineSetupOptions> = {}): LineSetupOptions => ({
    accessToken: fake.channelAccessToken,
    apiBaseUrl: fake.baseUrl,
    dataBaseUrl: fake.dataBaseUrl,
    publicBaseUrl: h.url.slice(0, -LINE_WEBHOOK_PATH.length),
    image,
    ...overrides,
  });
  const writes = () => fake.requests.filter((r) => r.method !== "GET" && r.path !== "/v2/bot/channel/webhook/test");

  it("on a new channel sets the webhook URL, tests it against the bot, and installs the rich menu as every user's default", async () => {
    const result = await setUpLineChannel(options());

    expect(result.bot.displayName).toBe("相談予約ボット");
    expect(fake.webhook().endpoint).toBe(h.url);
    expect(result.webhook.outcome).toBe("changed");
    expect(result.webhookTest).toMatchObject({ success: true, statusCode: 200 });

    const menus = fake.richMenus();
    expect(menus).toHaveLength(1);
    expect(menus[0]!.image?.bytes.equals(image)).toBe(true);
    expect(menus[0]!.image?.contentType).toBe("image/png");
    expect(fake.defaultRichMenuId()).toBe(menus[0]!.richMenuId);
    expect(result.richMenu).toEqual({ richMenuId: menus[0]!.richMenuId, created: true, imageUploaded: true, madeDefault: true });
  });

  it("run a second time changes nothing: no webhook URL, menu, image or default is written again", async () => {
    await setUpLineChannel(options());
    const menusBefore = fake.richMenus();
    fake.requests.length = 0;

    const again = await setUpLineChannel(options());

    expect(writes()).toEqual([]);
    expect(again.webhook.outcome).toBe("unchanged");
    expect(again.richMenu).toMatchObject({ created: false, imageUploaded: false, madeDefault: false });
    expect(fake.richMenus()).toEqual(menusBefore);
    expect(again.webhookTest.success).toBe(true);
  });

  it("finishes a menu that an interrupted run made without its image, instead of making another", async () => {
    const api = new messagingApi.MessagingApiClient({ channelAccessToken: fake.channelAccessToken, baseURL: fake.baseUrl });
    const { richMenuId } = await api.createRichMenu(richMenuRequest(digest));

    const result = await setUpLineChannel(options());

    expect(result.richMenu).toMatchObject({ richMenuId, created: false, imageUploaded: true, madeDefault: true });
    expect(fake.richMenus()).toHaveLength(1);
    expect(fake.defaultRichMenuId()).toBe(richMenuId);
  });

  it("makes a new menu when the picture changed, and names the older one rather than deleting it", async () => {
    const api = new messagingApi.MessagingApiClient({ channelAccessToken: fake.channelAccessToken, baseURL: fake.baseUrl });
    const older = await api.createRichMenu(richMenuRequest("0".repeat(64)));

    const result = await setUpLineChannel(options());

    expect(result.richMenu.created).toBe(true);
    expect(result.olderMenus).toEqual([older.richMenuId]);
    expect(fake.richMenus().map((m) => m.name)).toEqual([`${RICH_MENU_NAME_PREFIX}000000000000`, `${RICH_MENU_NAME_PREFIX}${digest.slice(0, 12)}`]);
    expect(fake.defaultRichMenuId()).toBe(result.richMenu.richMenuId);
  });

  it("reports a webhook test that the bot refused (a different channel secret) and still installs the menu", async () => {
    await h.close();
    h = await startLineHarness(store, fake, { env: { LINE_CHANNEL_SECRET: "another-channels-secret" } });

    const result = await setUpLineChannel(options());

    expect(result.webhookTest).toMatchObject({ success: false, statusCode: 401, reason: "ERROR_STATUS_CODE" });
    expect(fake.defaultRichMenuId()).toBe(result.richMenu.richMenuId);
  });

  it("gives each button of the menu the same answer as the bot's own menu choice with that label", async () => {
    await setUpLineChannel(options());
    const [menu] = fake.richMenus();
    const areas = menu!.areas as { action: { label: string; data: string; displayText: string } }[];
    expect(areas.map((a) => a.action.label)).toEqual(["相談を予約する", "予約を確認する", "予約を変更する", "予約を取り消す", "よくある質問", "担当者と話す"]);

    const texts = (messages: Delivered[]) => messages.map((m) => m.text ?? m.altText);
    for (const [i, area] of areas.entries()) {
      const viaMenu = lineUser(h, fake, lineUserId(`rich-menu-${i}`));
      const { status } = await h.send([postbackEvent(viaMenu.userId, area.action.data, undefined, { timestamp: h.t.clock().getTime() })]);
      expect(status).toBe(200);

      const viaChoice = lineUser(h, fake, lineUserId(`quick-reply-${i}`));
      await viaChoice.follow();
      const answer = await viaChoice.tap(area.action.label);
      expect(texts(answer).join("")).not.toBe("");
      expect(texts(fake.delivered(viaMenu.userId) as Delivered[])).toEqual(texts(answer));
    }
  });
});
