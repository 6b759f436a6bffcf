import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LINE_WEBHOOK_PATH } from "../../src/bot/line/channelSetup.ts";
import { startFakeLinePlatform, type FakeLine } from "../fakes/line-platform/index.ts";
import { startProcess } from "../helpers/process.ts";
import { useStore } from "../helpers/stores.ts";
import { CHANNEL_SECRET, startLineHarness, type LineHarness } from "../e2e/line.harness.ts";

// `npm run line:setup` as an operator runs it: its own process, its exit code, what it prints.
describe("npm run line:setup", () => {
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

  async function lineSetup(env: Record<string, string> = {}) {
    const run = startProcess(["line-setup"], {
      LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
      LINE_API_DATA_BASE_URL: fake.dataBaseUrl,
      PUBLIC_BASE_URL: h.url.slice(0, -LINE_WEBHOOK_PATH.length),
      ...env,
    });
    const code = await run.exit;
    return { code, output: run.output() };
  }
  const writes = () => fake.requests.filter((r) => r.method !== "GET" && r.path !== "/v2/bot/channel/webhook/test");

  it("sets the channel up, then says what is left to switch on by hand in Japanese and English", async () => {
    fake.setWebhookActive(false);

    const { code, output } = await lineSetup();

    expect(code).toBe(0);
    expect(output).toContain(`Webhook URL: ${h.url} — 設定しました / set`);
    expect(output).toContain("Webhook のテスト / webhook test: 200 OK");
    expect(output).toContain("リッチメニュー画像 / rich menu image: アップロードしました / uploaded");
    expect(output).toContain("Webhookの再送: オン / Webhook redelivery: on");
    expect(output).toContain("応答メッセージ: オフ / Auto-reply messages: off");
    expect(output).toContain("あいさつメッセージ: オフ / Greeting message: off");
    expect(output).toContain("Webhookの利用: オン（今はオフ）/ Use webhook: on (it is off now)");
    expect(fake.defaultRichMenuId()).not.toBeNull();
  });

  it("run again, writes nothing to LINE and says that everything was already set", async () => {
    expect((await lineSetup()).code).toBe(0);
    fake.requests.length = 0;

    const { code, output } = await lineSetup();

    expect(code).toBe(0);
    expect(writes()).toEqual([]);
    expect(output).toContain("設定済み / already set");
    expect(output).toContain("アップロード済み / already uploaded");
    expect(output).not.toContain("Use webhook");
  });

  it("stops with a clear sentence and exit code 1, no stack trace, when LINE refuses the access token", async () => {
    const { code, output } = await lineSetup({ LINE_CHANNEL_ACCESS_TOKEN: "a-token-from-another-channel" });

    expect(code).toBe(1);
    expect(output).toContain("LINE did not accept the channel access token (401");
    expect(output).toContain("LINE_CHANNEL_ACCESS_TOKEN");
    expect(output).not.toMatch(/^\s+at /m);
    expect(writes()).toEqual([]);
  });

  it("says that the webhook test failed, and why, and exits 1 after installing the menu", async () => {
    await h.close();
    h = await startLineHarness(store, fake, { env: { LINE_CHANNEL_SECRET: "another-channels-secret" } });

    const { code, output } = await lineSetup();

    expect(code).toBe(1);
    expect(output).toContain("webhook test FAILED: ERROR_STATUS_CODE (status 401");
    expect(output).toContain("LINE_CHANNEL_SECRET");
    expect(output).not.toMatch(/^\s+at /m);
    expect(fake.defaultRichMenuId()).not.toBeNull();
  });

  it("names the missing setting when PUBLIC_BASE_URL is not set", async () => {
    const { code, output } = await lineSetup({ PUBLIC_BASE_URL: "" });

    expect(code).toBe(1);
    expect(output).toContain("PUBLIC_BASE_URL is not set");
    expect(fake.requests).toEqual([]);
  });
});
