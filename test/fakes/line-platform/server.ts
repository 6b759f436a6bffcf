// A stand-in for api.line.me: the endpoints the bot uses, with LINE's status codes, error bodies
// and limits, so the real SDK client can be driven against it.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_CHANNEL_ACCESS_TOKEN = "fake-channel-access-token";

export interface FakeLineOptions {
  channelAccessToken?: string;
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

export interface FakeLine {
  /** Use as LINE_API_BASE_URL. */
  baseUrl: string;
  channelAccessToken: string;
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
  reset(): void;
  close(): Promise<void>;
}

const MAX_MESSAGES = 5;
const MAX_TEXT = 5000;
const MAX_QUICK_REPLY_ITEMS = 13;
const MAX_ACTION_LABEL = 20;
const MAX_ALT_TEXT = 400;
const MAX_POSTBACK_DATA = 300;
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

  function handle(method: string, path: string, headers: IncomingMessage["headers"], body: unknown, requestId: string): Answer {
    const auth = headers.authorization;
    if (!auth || !auth.startsWith("Bearer ")) {
      return lineError(401, "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'");
    }
    if (auth.slice("Bearer ".length) !== accessToken) {
      return lineError(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
    }
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

    const profileMatch = /^\/v2\/bot\/profile\/([^/]+)$/.exec(path);
    if (method === "GET" && profileMatch) {
      const userId = decodeURIComponent(profileMatch[1]!);
      const profile = profiles.get(userId);
      if (!profile) return lineError(404, "Not found");
      return { status: 200, body: { userId, ...profile } };
    }

    return lineError(404, "Not found");
  }

  const server = createServer((req, res) => {
    void serve(req, res);
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake.line");
    const method = req.method ?? "GET";
    const path = url.pathname;
    let body: unknown = undefined;
    let answer: Answer | undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        answer = lineError(400, "The request body could not be parsed as JSON");
      }
    }
    const requestId = randomUUID();
    const failure = takeFailure(path);
    if (failure && !failure.afterDelivery) {
      answer = failureAnswer(failure.status);
    } else {
      answer ??= handle(method, path, req.headers, body, requestId);
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

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    channelAccessToken: accessToken,
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
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function randomToken(): string {
  return randomBytes(16).toString("hex");
}
