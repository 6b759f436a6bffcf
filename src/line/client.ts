import type { HTTPFetchError } from "@line/bot-sdk";
import { lineApiCalls, type LineApiEndpoint } from "../metrics/registry.ts";
import type { LineMessage } from "./render.ts";

/**
 * How a call to LINE ended. The outbox retries 'retryable' (with the same retry key) and counts
 * 'already_sent' as delivered: LINE answers 409 when a push with that key was accepted before.
 */
export type LineFailure = {
  ok: false;
  kind: "invalid_reply_token" | "already_sent" | "retryable" | "rejected";
  /** HTTP status, or 0 when no answer came (network error, timeout). */
  status: number;
  /** LINE's own error text (it never echoes message content), or the network error's. */
  message: string;
};
export type LineResult = { ok: true } | LineFailure;

export interface LineProfile {
  userId: string;
  displayName: string;
  language?: string;
}

export interface LineClient {
  reply(replyToken: string, messages: LineMessage[]): Promise<LineResult>;
  /** `retryKey` is a UUID kept with the outbox row, so a retry cannot deliver twice. */
  push(to: string, messages: LineMessage[], retryKey: string): Promise<LineResult>;
  /** Shows the typing indicator in a one-to-one chat; LINE takes 5–60 s in steps of 5. */
  showLoading(userId: string, seconds: number): Promise<LineResult>;
  profile(userId: string): Promise<({ ok: true } & { profile: LineProfile }) | LineFailure>;
  /** This month's plan limit (null: no limit) and the messages counted against it so far. */
  messageQuota(): Promise<({ ok: true } & { limit: number | null; used: number }) | LineFailure>;
  /** Marks the user's messages up to the one that carried this token as read (the user sees 既読). */
  markAsRead(markAsReadToken: string): Promise<LineResult>;
}

export interface LineClientOptions {
  accessToken: string;
  /** LINE_API_BASE_URL: https://api.line.me, or the fake platform in tests. */
  baseUrl?: string;
  /** The SDK sets no timeout of its own; a call that hangs longer counts as retryable. */
  timeoutMs?: number;
}

export function createLineClient({ accessToken, baseUrl, timeoutMs = 10_000 }: LineClientOptions): LineClient {
  // Loaded on first use: a server without LINE never pays for the SDK at start-up.
  let sdkClient: Promise<import("@line/bot-sdk").messagingApi.MessagingApiClient> | undefined;
  const sdk = () =>
    (sdkClient ??= import("@line/bot-sdk").then(
      ({ messagingApi }) =>
        new messagingApi.MessagingApiClient({ channelAccessToken: accessToken, ...(baseUrl !== undefined ? { baseURL: baseUrl } : {}) }),
    ));

  async function call<T>(endpoint: LineApiEndpoint, request: () => Promise<T>): Promise<{ ok: true; value: T } | LineFailure> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LineTimeout(timeoutMs)), timeoutMs);
    });
    try {
      const value = await Promise.race([request(), timeout]);
      lineApiCalls.inc({ endpoint, outcome: "ok" });
      return { ok: true, value };
    } catch (error) {
      const failure = classifyLineError(error);
      lineApiCalls.inc({ endpoint, outcome: failure.kind });
      return failure;
    } finally {
      clearTimeout(timer);
    }
  }
  const done = (result: { ok: true } | LineFailure): LineResult => (result.ok ? { ok: true } : result);

  return {
    reply: async (replyToken, messages) => done(await call("reply", async () => (await sdk()).replyMessage({ replyToken, messages }))),
    push: async (to, messages, retryKey) => done(await call("push", async () => (await sdk()).pushMessage({ to, messages }, retryKey))),
    showLoading: async (userId, seconds) =>
      done(await call("loading", async () => (await sdk()).showLoadingAnimation({ chatId: userId, loadingSeconds: loadingSeconds(seconds) }))),
    markAsRead: async (markAsReadToken) => done(await call("mark_as_read", async () => (await sdk()).markMessagesAsReadByToken({ markAsReadToken }))),
    profile: async (userId) => {
      const result = await call("profile", async () => (await sdk()).getProfile(userId));
      if (!result.ok) return result;
      const { displayName, language } = result.value;
      return { ok: true, profile: { userId, displayName, ...(language !== undefined ? { language } : {}) } };
    },
    messageQuota: async () => {
      const [quota, used] = await Promise.all([call("quota", async () => (await sdk()).getMessageQuota()), call("quota_consumption", async () => (await sdk()).getMessageQuotaConsumption())]);
      if (!quota.ok) return quota;
      if (!used.ok) return used;
      return { ok: true, limit: quota.value.type === "limited" ? (quota.value.value ?? 0) : null, used: used.value.totalUsage };
    },
  };
}

class LineTimeout extends Error {
  constructor(ms: number) {
    super(`no answer from LINE within ${ms} ms`);
  }
}

/** LINE accepts 5 to 60 seconds in steps of 5. */
export function loadingSeconds(seconds: number): number {
  const stepped = Math.ceil(seconds / 5) * 5;
  return Math.min(60, Math.max(5, Number.isFinite(stepped) ? stepped : 5));
}

function isHttpFetchError(error: unknown): error is HTTPFetchError {
  return error instanceof Error && error.name === "HTTPFetchError" && typeof (error as HTTPFetchError).status === "number";
}

export function classifyLineError(error: unknown): LineFailure {
  if (isHttpFetchError(error)) {
    const status = error.status;
    const message = lineErrorMessage(error.body) ?? error.statusText;
    if (status === 400 && /invalid reply token/i.test(message)) {
      return { ok: false, kind: "invalid_reply_token", status, message };
    }
    if (status === 409) return { ok: false, kind: "already_sent", status, message };
    if (status === 429 || status >= 500) return { ok: false, kind: "retryable", status, message };
    return { ok: false, kind: "rejected", status, message };
  }
  // No HTTP answer: connection refused or reset, DNS, timeout. The request may have landed; the
  // retry key (push) or the single-use reply token (reply) keeps a retry from delivering twice.
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, kind: "retryable", status: 0, message };
}

function lineErrorMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && "message" in parsed && typeof parsed.message === "string") {
      return parsed.message;
    }
  } catch {
    // not JSON: fall back to the status text
  }
  return undefined;
}
