// A stand-in for api.line.me and api-data.line.me: the endpoints the bot and `npm run line:setup`
// use, with LINE's status codes, error bodies and limits, so the real SDK client can be driven against it.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { signLineBody } from "../../../src/bot/line/signature.ts";

export const FAKE_CHANNEL_ACCESS_TOKEN = "fake-channel-access-token";
export const FAKE_CHANNEL_SECRET = "fake-channel-secret";
/** The bot's own user id, as LINE puts it in a webhook's `destination` and in GET /v2/bot/info. */
export const FAKE_BOT_DESTINATION = `U${"b07".padEnd(32, "0")}`;

export interface FakeLineOptions {
  channelAccessToken?: string;
  /** Signs the requests of the webhook test (POST /v2/bot/channel/webhook/test). */
  channelSecret?: string;
  /** How long a reply token stays usable (LINE: about a minute). */
  replyTokenTtlMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

export interface FailureSpec {
  status: 500 | 502 | 503 | 429 | number;
  /** Only requests to this path fail, e.g. '/v2/bot/message/push'. */
  path?: string;
  /** Handle the request (deliver the messages) and then answer with the error, as a lost response would look. */
  afterDelivery?: boolean;
}

export interface FakeProfile {
  displayName: string;
  pictureUrl?: string;
  statusMessage?: string;
  language?: string;
}

export interface FakeRichMenu {
  richMenuId: string;
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: unknown[];
  /** The uploaded image, if any. */
  image?: { contentType: string; bytes: Buffer };
}

export interface FakeLine {
  /** Use as LINE_API_BASE_URL. */
  baseUrl: string;
  /** Use as LINE_API_DATA_BASE_URL: api-data.line.me, where images are uploaded. */
  dataBaseUrl: string;
  channelAccessToken: string;
  channelSecret: string;
  /** Every request received, in order, with the status it got. */
  requests: RecordedRequest[];
  /** Messages delivered to a user (or group) by reply or push, in order. */
  delivered(to: string): unknown[];
  /** Users for whom a loading animation was started, with its seconds, in order. */
  loadings: { chatId: string; loadingSeconds: number }[];
  issueReplyToken(userId: string): string;
  /** A message's markAsReadToken, as LINE puts in message events from a user. */
  issueMarkAsReadToken(userId: string): string;
  /** Users whose messages the bot marked as read, in order. */
  markedAsRead: string[];
  invalidateReplyTokens(): void;
  failNext(count: number, spec: FailureSpec): void;
  /** An outage on a timer: every matching request fails for the next `ms` milliseconds. */
  failFor(ms: number, spec: FailureSpec): void;
  /** Answers late (after handling the request); with `path`, only requests to that path. */
  setDelay(ms: number, path?: string): void;
  setProfile(userId: string, profile: FakeProfile): void;
  /** The plan's monthly message limit that GET /v2/bot/message/quota reports; null: no limit ("none"). */
  setQuota(limit: number | null): void;
  /** The webhook URL set in the channel, and whether "Use webhook" is on. */
  webhook(): { endpoint: string; active: boolean };
  /** "Use webhook" in the console, which no API call switches. */
  setWebhookActive(active: boolean): void;
  /** The channel's rich menus, in the order they were made. */
  richMenus(): FakeRichMenu[];
  defaultRichMenuId(): string | null;
  reset(): void;
  close(): Promise<void>;
}

const MAX_MESSAGES = 5;
const MAX_TEXT = 5000;
const MAX_QUICK_REPLY_ITEMS = 13;
const MAX_ACTION_LABEL = 20;
const MAX_ALT_TEXT = 400;
const MAX_POSTBACK_DATA = 300;
const MAX_RICH_MENU_IMAGE_BYTES = 1024 * 1024;
const MAX_WEBHOOK_URL = 500;
// LINE's webhook test gives up on an endpoint that does not answer in time.
const WEBHOOK_TEST_TIMEOUT_MS = 2_000;
const retryKeyFormat = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Detail = { message: string; property: string };

const lineError = (status: number, message: string, details?: Detail[]): Answer => ({
  status,
  body: details ? { message, details } : { message },
});

const bodyErrors = (details: Detail[]): Answer =>
  lineError(400, `The request body has ${details.length} error(s)`, details);

export async function startFakeLinePlatform(options: FakeLineOptions = {}): Promise<FakeLine> {
  const accessToken = options.channelAccessToken ?? FAKE_CHANNEL_ACCESS_TOKEN;
  const channelSecret = options.channelSecret ?? FAKE_CHANNEL_SECRET;
  const replyTokenTtlMs = options.replyTokenTtlMs ?? 60_000;

  const replyTokens = new Map<string, { userId: string; expiresAt: number }>();
  const deliveries = new Map<string, unknown[]>();
  const acceptedRetryKeys = new Map<string, { requestId: string; sentMessages: unknown[] }>();
  const profiles = new Map<string, FakeProfile>();
  const failures: FailureSpec[] = [];
  const outages: { until: number; spec: FailureSpec }[] = [];
  const requests: RecordedRequest[] = [];
  const loadings: { chatId: string; loadingSeconds: number }[] = [];
  // LINE counts what is pushed (one per recipient and request) against the plan; replies are free.
  let quotaLimit: number | null = null;
  let pushesCounted = 0;
  const markAsReadTokens = new Map<string, string>();
  const markedAsRead: string[] = [];
  let delayMs = 0;
  let delayPath: string | undefined;
  // A new channel: no webhook URL yet, "Use webhook" on, chat off (LINE's defaults for a bot).
  let webhook = { endpoint: "", active: true };
  const richMenus = new Map<string, FakeRichMenu>();
  let defaultRichMenuId: string | null = null;

  const knowUser = (userId: string) => {
    if (userId.startsWith("U") && !profiles.has(userId)) {
      profiles.set(userId, { displayName: `LINE user ${userId.slice(1, 7)}`, language: "ja" });
    }
  };

  const deliver = (to: string, messages: unknown[]) => {
    const list = deliveries.get(to) ?? [];
    list.push(...messages);
    deliveries.set(to, list);
    return messages.map(() => ({ id: String(BigInt(`0x${randomBytes(7).toString("hex")}`)), quoteToken: randomToken() }));
  };

  function takeFailure(path: string): FailureSpec | undefined {
    const index = failures.findIndex((f) => f.path === undefined || f.path === path);
    if (index >= 0) return failures.splice(index, 1)[0];
    const now = Date.now();
    return outages.find((o) => o.until > now && (o.spec.path === undefined || o.spec.path === path))?.spec;
  }

  function unauthorized(headers: IncomingMessage["headers"]): Answer | undefined {
    const auth = headers.authorization;
    if (!auth || !auth.startsWith("Bearer ")) {
      return lineError(401, "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'");
    }
    if (auth.slice("Bearer ".length) !== accessToken) {
      return lineError(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
    }
    return undefined;
  }

  async function handle(method: string, path: string, headers: IncomingMessage["headers"], body: unknown, requestId: string): Promise<Answer> {
    const denied = unauthorized(headers);
    if (denied) return denied;
    const retryKey = headers["x-line-retry-key"];
    if (typeof retryKey === "string" && path !== "/v2/bot/message/push") {
      return lineError(400, "The retry key is not supported for this API");
    }

    if (method === "POST" && path === "/v2/bot/message/reply") {
      const obj = asObject(body);
      const details = validateMessages(obj?.messages);
      if (typeof obj?.replyToken !== "string") details.unshift({ message: "must be specified", property: "replyToken" });
      if (details.length > 0) return bodyErrors(details);
      const token = replyTokens.get(obj!.replyToken as string);
      if (!token || token.expiresAt <= Date.now()) return lineError(400, "Invalid reply token");
      replyTokens.delete(obj!.replyToken as string);
      return { status: 200, body: { sentMessages: deliver(token.userId, obj!.messages as unknown[]) } };
    }

    if (method === "POST" && path === "/v2/bot/message/push") {
      const obj = asObject(body);
      if (typeof retryKey === "string") {
        if (!retryKeyFormat.test(retryKey)) return lineError(400, "The value for the 'X-Line-Retry-Key' header is invalid");
        const accepted = acceptedRetryKeys.get(retryKey);
        if (accepted) {
          return {
            status: 409,
            body: { message: "The retry key is already accepted", sentMessages: accepted.sentMessages },
            headers: { "x-line-accepted-request-id": accepted.requestId },
          };
        }
      }
      const details = validateMessages(obj?.messages);
      const to = obj?.to;
      if (typeof to !== "string" || !/^[UCR][0-9a-f]{32}$/.test(to)) {
        if (to === undefined) details.unshift({ message: "must be specified", property: "to" });
        else return lineError(400, "The property, 'to', in the request body is invalid (line: -, column: -)");
      }
      if (details.length > 0) return bodyErrors(details);
      if (quotaLimit !== null && pushesCounted >= quotaLimit) return lineError(429, "You have reached your monthly limit.");
      const sentMessages = deliver(to as string, obj!.messages as unknown[]);
      pushesCounted += 1;
      if (typeof retryKey === "string") acceptedRetryKeys.set(retryKey, { requestId, sentMessages });
      return { status: 200, body: { sentMessages } };
    }

    if (method === "POST" && path === "/v2/bot/chat/loading/start") {
      const obj = asObject(body);
      const chatId = obj?.chatId;
      const seconds = obj?.loadingSeconds ?? 20;
      if (typeof chatId !== "string" || !chatId.startsWith("U")) {
        return bodyErrors([{ message: "must be a user ID", property: "chatId" }]);
      }
      if (typeof seconds !== "number" || seconds < 5 || seconds > 60 || seconds % 5 !== 0) {
        return bodyErrors([{ message: "must be a multiple of 5 between 5 and 60", property: "loadingSeconds" }]);
      }
      loadings.push({ chatId, loadingSeconds: seconds });
      return { status: 202, body: {} };
    }

    if (method === "POST" && path === "/v2/bot/chat/markAsRead") {
      const token = asObject(body)?.markAsReadToken;
      if (typeof token !== "string") return bodyErrors([{ message: "must be specified", property: "markAsReadToken" }]);
      const userId = markAsReadTokens.get(token);
      if (!userId) return lineError(400, "Invalid markAsReadToken");
      markedAsRead.push(userId);
      return { status: 200, body: {} };
    }

    if (method === "GET" && path === "/v2/bot/message/quota") {
      return { status: 200, body: quotaLimit === null ? { type: "none" } : { type: "limited", value: quotaLimit } };
    }
    if (method === "GET" && path === "/v2/bot/message/quota/consumption") {
      return { status: 200, body: { totalUsage: pushesCounted } };
    }

    if (method === "GET" && path === "/v2/bot/info") {
      return {
        status: 200,
        body: { userId: FAKE_BOT_DESTINATION, basicId: "@123abcde", displayName: "相談予約ボット", chatMode: "bot", markAsReadMode: "auto" },
      };
    }

    if (path === "/v2/bot/channel/webhook/endpoint") {
      if (method === "GET") return { status: 200, body: webhook };
      if (method === "PUT") {
        const endpoint = asObject(body)?.endpoint;
        if (typeof endpoint !== "string") return bodyErrors([{ message: "must be specified", property: "endpoint" }]);
        if (endpoint.length > MAX_WEBHOOK_URL || !isWebhookUrl(endpoint)) return lineError(400, "Invalid webhook endpoint URL");
        webhook = { ...webhook, endpoint };
        return { status: 200, body: {} };
      }
    }

    if (method === "POST" && path === "/v2/bot/channel/webhook/test") {
      const given = asObject(body)?.endpoint;
      const endpoint = typeof given === "string" ? given : webhook.endpoint;
      if (!endpoint) return lineError(400, "Webhook URL is not set");
      if (!isWebhookUrl(endpoint)) return lineError(400, "Invalid webhook endpoint URL");
      return { status: 200, body: await testWebhook(endpoint) };
    }

    if (method === "GET" && path === "/v2/bot/richmenu/list") {
      return { status: 200, body: { richmenus: [...richMenus.values()].map(richMenuBody) } };
    }
    if (method === "POST" && (path === "/v2/bot/richmenu" || path === "/v2/bot/richmenu/validate")) {
      const details = validateRichMenu(body);
      if (details.length > 0) return bodyErrors(details);
      if (path.endsWith("/validate")) return { status: 200, body: {} };
      const richMenuId = `richmenu-${randomBytes(16).toString("hex")}`;
      const menu = body as Omit<FakeRichMenu, "richMenuId">;
      richMenus.set(richMenuId, { richMenuId, size: menu.size, selected: menu.selected, name: menu.name, chatBarText: menu.chatBarText, areas: menu.areas });
      return { status: 200, body: { richMenuId } };
    }
    if (/^\/v2\/bot\/richmenu\/[^/]+\/content$/.test(path)) {
      // Images live on api-data.line.me; api.line.me does not know the path.
      return lineError(404, "Not found");
    }
    const richMenuMatch = /^\/v2\/bot\/richmenu\/(richmenu-[0-9a-f]+)$/.exec(path);
    if (richMenuMatch && (method === "GET" || method === "DELETE")) {
      const menu = richMenus.get(richMenuMatch[1]!);
      if (!menu) return lineError(404, "Not found");
      if (method === "GET") return { status: 200, body: richMenuBody(menu) };
      richMenus.delete(menu.richMenuId);
      if (defaultRichMenuId === menu.richMenuId) defaultRichMenuId = null;
      return { status: 200, body: {} };
    }
    if (method === "GET" && path === "/v2/bot/user/all/richmenu") {
      return defaultRichMenuId ? { status: 200, body: { richMenuId: defaultRichMenuId } } : lineError(404, "no default richmenu");
    }
    const defaultMatch = /^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/.exec(path);
    if (method === "POST" && defaultMatch) {
      const menu = richMenus.get(decodeURIComponent(defaultMatch[1]!));
      if (!menu) return lineError(404, "richmenu not found");
      if (!menu.image) return lineError(400, "must upload richmenu image before applying it to user");
      defaultRichMenuId = menu.richMenuId;
      return { status: 200, body: {} };
    }

    const profileMatch = /^\/v2\/bot\/profile\/([^/]+)$/.exec(path);
    if (method === "GET" && profileMatch) {
      const userId = decodeURIComponent(profileMatch[1]!);
      const profile = profiles.get(userId);
      if (!profile) return lineError(404, "Not found");
      return { status: 200, body: { userId, ...profile } };
    }

    return lineError(404, "Not found");
  }

  /** api-data.line.me: rich menu images (binary bodies, not JSON). */
  function handleData(method: string, path: string, headers: IncomingMessage["headers"], bytes: Buffer): Answer | { status: 200; image: NonNullable<FakeRichMenu["image"]> } {
    const denied = unauthorized(headers);
    if (denied) return denied;
    const contentMatch = /^\/v2\/bot\/richmenu\/([^/]+)\/content$/.exec(path);
    if (!contentMatch) return lineError(404, "Not found");
    const menu = richMenus.get(decodeURIComponent(contentMatch[1]!));
    if (!menu) return lineError(404, "Not found");
    if (method === "GET") return menu.image ? { status: 200, image: menu.image } : lineError(404, "Not found");
    if (method !== "POST") return lineError(405, "Method Not Allowed");
    const contentType = (headers["content-type"] ?? "").split(";")[0]!.trim();
    if (contentType !== "image/png" && contentType !== "image/jpeg") return lineError(415, "Unsupported Media Type");
    if (bytes.length > MAX_RICH_MENU_IMAGE_BYTES) return lineError(413, "Request Entity Too Large");
    if (menu.image) return lineError(400, "An image has already been uploaded to the richmenu");
    const size = contentType === "image/png" ? pngSize(bytes) : undefined;
    if (contentType === "image/png" && (!size || size.width !== menu.size.width || size.height !== menu.size.height)) {
      return lineError(400, "The image size must match the size of the rich menu");
    }
    menu.image = { contentType, bytes };
    return { status: 200, body: {} };
  }

  /** What LINE's "Verify" does: posts a signed webhook with no events and reports how it was answered. */
  async function testWebhook(endpoint: string) {
    const body = JSON.stringify({ destination: FAKE_BOT_DESTINATION, events: [] });
    const timestamp = new Date().toISOString();
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "user-agent": "LineBotWebhook/2.0", "x-line-signature": signLineBody(body, channelSecret) },
        body,
        signal: AbortSignal.timeout(WEBHOOK_TEST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      const ok = response.status >= 200 && response.status < 300;
      return { success: ok, timestamp, statusCode: response.status, reason: ok ? "OK" : "ERROR_STATUS_CODE", detail: String(response.status) };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      return { success: false, timestamp, statusCode: 0, reason: timedOut ? "REQUEST_TIMEOUT" : "COULD_NOT_CONNECT", detail: timedOut ? "timeout" : "connection refused" };
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake.line");
    const method = req.method ?? "GET";
    const path = url.pathname;
    let body: unknown = undefined;
    let answer: Answer | undefined;
    // An image sent here instead of api-data.line.me is left unread: the path answers 404.
    if (raw.length > 0 && !req.headers["content-type"]?.startsWith("image/")) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        answer = lineError(400, "The request body could not be parsed as JSON");
      }
    }
    const requestId = randomUUID();
    const failure = takeFailure(path);
    if (failure && !failure.afterDelivery) {
      answer = failureAnswer(failure.status);
    } else {
      answer ??= await handle(method, path, req.headers, body, requestId);
      if (failure?.afterDelivery) answer = failureAnswer(failure.status);
    }
    requests.push({ method, path, headers: flatHeaders(req.headers), body, status: answer.status });
    if (delayMs > 0 && (delayPath === undefined || delayPath === path)) await new Promise((resolve) => setTimeout(resolve, delayMs));
    res.writeHead(answer.status, {
      "content-type": "application/json",
      "x-line-request-id": requestId,
      ...answer.headers,
    });
    res.end(JSON.stringify(answer.body));
  }

  async function serveData(req: IncomingMessage, res: ServerResponse) {
    const bytes = await readBody(req);
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://fake.line").pathname;
    const failure = takeFailure(path);
    const answer = failure ? failureAnswer(failure.status) : handleData(method, path, req.headers, bytes);
    // The body is an image: the record keeps its size only.
    requests.push({ method, path, headers: flatHeaders(req.headers), body: bytes.length > 0 ? { byteLength: bytes.length } : undefined, status: answer.status });
    const headers = { "x-line-request-id": randomUUID() };
    if ("image" in answer) {
      res.writeHead(200, { ...headers, "content-type": answer.image.contentType, "content-length": answer.image.bytes.length });
      res.end(answer.image.bytes);
      return;
    }
    res.writeHead(answer.status, { ...headers, "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => void serve(req, res));
  const dataServer = createServer((req, res) => void serveData(req, res));
  const listen = async (s: Server) => {
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };
  const closeServer = (s: Server) =>
    new Promise<void>((resolve, reject) => {
      s.closeAllConnections();
      s.close((error) => (error ? reject(error) : resolve()));
    });

  return {
    baseUrl: await listen(server),
    dataBaseUrl: await listen(dataServer),
    channelAccessToken: accessToken,
    channelSecret,
    requests,
    loadings,
    delivered: (to) => [...(deliveries.get(to) ?? [])],
    issueReplyToken(userId) {
      knowUser(userId);
      const token = randomToken();
      replyTokens.set(token, { userId, expiresAt: Date.now() + replyTokenTtlMs });
      return token;
    },
    invalidateReplyTokens: () => replyTokens.clear(),
    issueMarkAsReadToken(userId) {
      const token = randomToken();
      markAsReadTokens.set(token, userId);
      return token;
    },
    markedAsRead,
    failNext(count, spec) {
      for (let i = 0; i < count; i++) failures.push(spec);
    },
    failFor(ms, spec) {
      outages.push({ until: Date.now() + ms, spec });
    },
    setDelay(ms, path) {
      delayMs = ms;
      delayPath = path;
    },
    setProfile: (userId, profile) => void profiles.set(userId, profile),
    setQuota(limit) {
      quotaLimit = limit;
    },
    webhook: () => ({ ...webhook }),
    setWebhookActive(active) {
      webhook = { ...webhook, active };
    },
    richMenus: () => [...richMenus.values()].map((menu) => ({ ...menu })),
    defaultRichMenuId: () => defaultRichMenuId,
    reset() {
      quotaLimit = null;
      pushesCounted = 0;
      replyTokens.clear();
      deliveries.clear();
      acceptedRetryKeys.clear();
      failures.length = 0;
      outages.length = 0;
      requests.length = 0;
      loadings.length = 0;
      markAsReadTokens.clear();
      markedAsRead.length = 0;
      delayMs = 0;
      delayPath = undefined;
      webhook = { endpoint: "", active: true };
      richMenus.clear();
      defaultRichMenuId = null;
    },
    close: async () => {
      await Promise.all([closeServer(server), closeServer(dataServer)]);
    },
  };
}

function richMenuBody(menu: FakeRichMenu) {
  const { image: _image, ...body } = menu;
  return body;
}

// LINE accepts only https; the fake also takes http on this machine, where tests have no certificate.
function isWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && url.hostname === "127.0.0.1");
  } catch {
    return false;
  }
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// LINE's rich menu object: size within 800–2500 wide, at least 250 high and 1.45 times as wide as
// high; a name of at most 300 characters; chat bar text of at most 14; 1 to 20 areas inside the image.
function validateRichMenu(body: unknown): Detail[] {
  const menu = asObject(body);
  if (!menu) return [{ message: "must be specified", property: "richMenu" }];
  const details: Detail[] = [];
  const size = asObject(menu.size);
  const width = size?.width;
  const height = size?.height;
  if (typeof width !== "number" || typeof height !== "number" || width < 800 || width > 2500 || height < 250 || width / height < 1.45) {
    details.push({ message: "must be between 800 and 2500 wide, at least 250 high and 1.45 times as wide as high", property: "size" });
  }
  if (typeof menu.selected !== "boolean") details.push({ message: "must be specified", property: "selected" });
  if (typeof menu.name !== "string" || menu.name.length < 1 || menu.name.length > 300) details.push({ message: "Length must be between 1 and 300", property: "name" });
  if (typeof menu.chatBarText !== "string" || menu.chatBarText.length < 1 || menu.chatBarText.length > 14) {
    details.push({ message: "Length must be between 1 and 14", property: "chatBarText" });
  }
  if (!Array.isArray(menu.areas) || menu.areas.length < 1 || menu.areas.length > 20) {
    details.push({ message: "Size must be between 1 and 20", property: "areas" });
    return details;
  }
  menu.areas.forEach((area: unknown, i) => {
    const at = `areas[${i}]`;
    const bounds = asObject(asObject(area)?.bounds);
    const [x, y, w, h] = [bounds?.x, bounds?.y, bounds?.width, bounds?.height];
    const inside =
      typeof x === "number" && typeof y === "number" && typeof w === "number" && typeof h === "number" && typeof width === "number" && typeof height === "number" &&
      x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= width && y + h <= height;
    if (!inside) details.push({ message: "must be inside the rich menu", property: `${at}.bounds` });
    const action = asObject(asObject(area)?.action);
    if (!action || typeof action.type !== "string") {
      details.push({ message: "must be specified", property: `${at}.action` });
      return;
    }
    if (action.label !== undefined && (typeof action.label !== "string" || action.label.length > MAX_ACTION_LABEL)) {
      details.push({ message: `Length must be between 0 and ${MAX_ACTION_LABEL}`, property: `${at}.action.label` });
    }
    if (action.type === "postback") {
      if (typeof action.data !== "string" || action.data.length > MAX_POSTBACK_DATA) {
        details.push({ message: `Length must be between 0 and ${MAX_POSTBACK_DATA}`, property: `${at}.action.data` });
      }
      if (action.displayText !== undefined && (typeof action.displayText !== "string" || action.displayText.length > 300)) {
        details.push({ message: "Length must be between 0 and 300", property: `${at}.action.displayText` });
      }
    }
  });
  return details;
}

function failureAnswer(status: number): Answer {
  if (status === 429) return lineError(429, "The API rate limit has been exceeded. Try again later.");
  if (status >= 500) return lineError(status, "An internal server error occurred");
  return lineError(status, "Injected failure");
}

function validateMessages(messages: unknown): Detail[] {
  if (messages === undefined) return [{ message: "must be specified", property: "messages" }];
  if (!Array.isArray(messages) || messages.length < 1 || messages.length > MAX_MESSAGES) {
    return [{ message: `Size must be between 1 and ${MAX_MESSAGES}`, property: "messages" }];
  }
  const details: Detail[] = [];
  messages.forEach((message: unknown, i) => {
    const at = `messages[${i}]`;
    const m = asObject(message);
    if (!m || typeof m.type !== "string") {
      details.push({ message: "must be specified", property: `${at}.type` });
      return;
    }
    if (m.type === "text") {
      if (typeof m.text !== "string" || m.text.length < 1 || m.text.length > MAX_TEXT) {
        details.push({ message: `Length must be between 1 and ${MAX_TEXT}`, property: `${at}.text` });
      }
    } else if (m.type === "flex") {
      if (typeof m.altText !== "string" || m.altText.length < 1 || m.altText.length > MAX_ALT_TEXT) {
        details.push({ message: `Length must be between 1 and ${MAX_ALT_TEXT}`, property: `${at}.altText` });
      }
      if (!asObject(m.contents)) details.push({ message: "must be specified", property: `${at}.contents` });
    }
    const quickReply = asObject(m.quickReply);
    if (m.quickReply !== undefined) {
      const items = quickReply?.items;
      if (!Array.isArray(items) || items.length < 1 || items.length > MAX_QUICK_REPLY_ITEMS) {
        details.push({ message: `Size must be between 1 and ${MAX_QUICK_REPLY_ITEMS}`, property: `${at}.quickReply.items` });
        return;
      }
      items.forEach((item: unknown, j) => {
        const action = asObject(asObject(item)?.action);
        const where = `${at}.quickReply.items[${j}].action`;
        if (!action) {
          details.push({ message: "must be specified", property: where });
          return;
        }
        if (typeof action.label !== "string" || action.label.length < 1 || action.label.length > MAX_ACTION_LABEL) {
          details.push({ message: `Length must be between 1 and ${MAX_ACTION_LABEL}`, property: `${where}.label` });
        }
        if (action.type === "postback" || action.type === "datetimepicker") {
          if (typeof action.data !== "string" || action.data.length > MAX_POSTBACK_DATA) {
            details.push({ message: `Length must be between 0 and ${MAX_POSTBACK_DATA}`, property: `${where}.data` });
          }
        }
      });
    }
  });
  return details;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function flatHeaders(headers: IncomingMessage["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function randomToken(): string {
  return randomBytes(16).toString("hex");
}
